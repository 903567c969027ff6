// npm run load [-- --users 50] [--duration 60] [--user-rate 0] [--max-requests 100000] [--db-url URL]
//
// A load test of the local stack over loopback: N users at once (default 50) for a fixed time
// (default 60 s), each one HTTP connection to the functions server driven by autocannon (status
// transitions through the pipeline, every --cv-every-th request a generate-cv) and one searcher
// calling search_jobs. Prints throughput, p50/p95/p99 and errors per kind, then checks that
// Postgres connections stayed within the configured pools and, from the database, that no
// status_change event or CV version was lost or duplicated. Exits non-zero on any error or failed
// check; writes everything to bench/results/load-<time>.json.
//
// There is no PostgREST on this machine, so searches go straight to Postgres the way PostgREST
// runs an RPC: a pooled connection, one transaction that sets `role authenticated` and
// request.jwt.claims, `select * from public.search_jobs(...)`, commit. The pool's size stands in
// for PostgREST's db-pool (default 10).
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import { freshDatabase, query, resetDatabase } from "../scripts/lib/database.ts";
import { spawnFunctionsServer, waitForFunctionsServer } from "../scripts/lib/deno.ts";
import { mintAccessToken, mintApiKey } from "../scripts/lib/keys.ts";
import { freePort, startThrowawayServer } from "../scripts/lib/postgres.ts";
import { requestAsUser } from "./lib/database.ts";
import { writeResults } from "./lib/report.ts";
import { type Summary, summarize } from "./lib/stats.ts";
import { flagNumber, parseFlags } from "./lib/suite.ts";
import { generate } from "./suites/search/generate.ts";
import { searchParams, searchSql } from "./suites/search/index.ts";
import { searchCases } from "./suites/search/vocabulary.ts";

// Small data, many writers: the bench's 4 GB settings are for a 1M-posting working set.
const loadSettings: Record<string, string | number> = { shared_buffers: "1GB", work_mem: "16MB", random_page_cost: 1.1 };

/** application_name of each party, so pg_stat_activity tells whose connections they are. */
const APP_FUNCTIONS = "jobtrail-functions";
const APP_SEARCH = "jobtrail-load-search";
const APP_MONITOR = "jobtrail-load-monitor";

/** The path every application walks; each step is one legal move of the state machine. */
const PIPELINE = ["draft", "applied", "interviewing", "offered", "accepted"] as const;
type PipelineStatus = (typeof PIPELINE)[number];
const MOVES_PER_APPLICATION = PIPELINE.length - 1;

/** CVs go to a user's first few postings, so each (user, job) gets a series of versions to check. */
const CV_JOBS_PER_USER = 5;

/** After the time is up, in-flight requests get this long to finish before autocannon cuts them off. */
const DRAIN_SECONDS = 30;

type Kind = "transition" | "generate-cv" | "search";
const KINDS: readonly Kind[] = ["transition", "generate-cv", "search"];
/** What a correct answer is for each kind; anything else is an error. */
const SUCCESS: Record<Kind, string> = { transition: "200", "generate-cv": "201", search: "200" };

interface LoadUser {
  id: string;
  token: string;
  /** the user's draft applications, in the order the user moves them */
  applications: Array<{ id: string; jobId: string }>;
}

interface Config {
  users: number;
  durationSeconds: number;
  /** cap per channel: at most this many HTTP requests, and at most this many searches */
  maxRequests: number;
  cvEvery: number;
  functionsPoolMax: number;
  searchPoolMax: number;
  postings: number;
  seed: number;
  /** Requests per second each user sends on each channel (HTTP, search); 0 = as fast as answered. */
  userRate: number;
}

/** Latencies and outcomes of one kind of request. */
class KindStats {
  readonly latencies: number[] = [];
  readonly outcomes = new Map<string, number>();
  /** ms since the load started when the last answer arrived: the window for throughput */
  lastAt = 0;

  constructor(readonly kind: Kind) {}

  record(outcome: string, ms: number, atMs: number): void {
    this.latencies.push(ms);
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    this.lastAt = Math.max(this.lastAt, atMs);
  }

  get successes(): number {
    return this.outcomes.get(SUCCESS[this.kind]) ?? 0;
  }

  get errors(): Record<string, number> {
    return Object.fromEntries([...this.outcomes].filter(([outcome]) => outcome !== SUCCESS[this.kind]));
  }
}

type Action =
  | { kind: "transition"; applicationId: string; from: PipelineStatus; to: PipelineStatus }
  | { kind: "generate-cv"; jobId: string };

/**
 * One user's side of the HTTP load: which request comes next, and what the user knows after each
 * answer. Each user moves only their own applications, with expected_status from this tracking,
 * so every move is legal and uncontended: any 409 is a bug, not bad luck.
 */
class UserDriver {
  private sent = 0;
  private applicationIndex = 0;
  private status: PipelineStatus = "draft";
  private cvCount = 0;
  /** what the database must hold afterwards, per application moved: final status and number of moves */
  readonly expectedApplications = new Map<string, { status: PipelineStatus; moves: number }>();
  /** CV versions answered 201, per job */
  readonly expectedCvs = new Map<string, number>();
  ranOutOfApplications = false;

  constructor(readonly user: LoadUser, private readonly cvEvery: number) {}

  next(): Action {
    this.sent++;
    const application = this.user.applications[this.applicationIndex];
    if (!application) this.ranOutOfApplications = true;
    // A user's first request is a CV, then every cvEvery-th: even a 5 s smoke run generates some.
    if ((this.sent - 1) % this.cvEvery === 0 || !application) {
      const jobs = this.user.applications.slice(0, CV_JOBS_PER_USER);
      return { kind: "generate-cv", jobId: jobs[this.cvCount++ % jobs.length].jobId };
    }
    return { kind: "transition", applicationId: application.id, from: this.status, to: PIPELINE[PIPELINE.indexOf(this.status) + 1] };
  }

  settle(action: Action, outcome: string): void {
    if (action.kind === "generate-cv") {
      if (outcome === SUCCESS["generate-cv"]) this.expectedCvs.set(action.jobId, (this.expectedCvs.get(action.jobId) ?? 0) + 1);
      return;
    }
    if (outcome === SUCCESS.transition) {
      const known = this.expectedApplications.get(action.applicationId);
      this.expectedApplications.set(action.applicationId, { status: action.to, moves: (known?.moves ?? 0) + 1 });
      this.status = action.to;
      if (action.to !== PIPELINE[PIPELINE.length - 1]) return;
    }
    // Accepted, or a failed move (already counted as an error): the next application, from draft,
    // so one failure does not turn every later move of this user into a 409.
    this.applicationIndex++;
    this.status = "draft";
  }
}

/**
 * autocannon 9 ends a time-bounded run by destroying every connection, in-flight requests included:
 * a transition the server commits after that would be counted nowhere and look like a duplicated
 * event. Instead, when the time is up, each connection gets a request cap equal to what it has
 * sent, which is autocannon's own `amount` mechanism: it stops after the answer to its last
 * request. The two fields are not in the typings, hence this narrow view and the check.
 */
function stopAfterInFlight(client: autocannon.Client): void {
  const internals = client as unknown as { reqsMade?: unknown; responseMax?: unknown };
  if (typeof internals.reqsMade !== "number") throw new Error("autocannon's Client has no reqsMade: check stopAfterInFlight against the installed version");
  internals.responseMax = Math.max(1, internals.reqsMade);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("application_name", name);
  return parsed.toString();
}

/** 20,000 shared postings and the users (search suite's generator), then the load's own rows. */
async function prepareData(url: string, config: Config, log: (message: string) => void): Promise<LoadUser[]> {
  const data = await generate(url, {
    postings: config.postings,
    users: config.users,
    privateShare: 0.02,
    parallel: 2,
    seed: config.seed,
    log: (message) => log(`  ${message}`),
  });
  log(`  ${data.postings} postings (${data.activePostings} active), ${data.users} users with profiles; ${data.seconds.total.toFixed(1)}s`);

  // Enough drafts that a user who gets its whole share of --max-requests as transitions never runs
  // out; each takes four moves to reach accepted.
  const perConnection = Math.ceil(config.maxRequests / config.users);
  const applicationsPerUser = Math.ceil(perConnection / MOVES_PER_APPLICATION) + 1;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ shared }] = (await client.query<{ shared: number }>("select count(*)::int as shared from public.jobs where owner_id is null")).rows;
    if (shared < applicationsPerUser) throw new Error(`${applicationsPerUser} applications per user need as many shared postings; there are ${shared} (raise --postings)`);
    // The daily generation quota (50) would turn most generate-cv requests into 429s.
    await client.query("update private.settings set value = to_jsonb($1::int) where key = 'generation_daily_limit'", [10_000_000]);
    // Distinct shared postings per user: consecutive numbers from a per-user offset, modulo the board.
    await client.query(
      `create temporary table load_postings as
         select id, (row_number() over (order by id))::int - 1 as n from public.jobs where owner_id is null`,
    );
    await client.query(
      `insert into public.applications (user_id, job_id)
       select u.id, p.id
         from (select id, (row_number() over (order by id))::int as n from auth.users where email like 'bench-user-%') u
         cross join generate_series(0, $1::int - 1) as k
         join load_postings p on p.n = (u.n * 7919 + k) % $2::int`,
      [applicationsPerUser, shared],
    );
    await client.query("vacuum (analyze) public.applications");
    const users = (await client.query<{ id: string; email: string }>("select id, email from auth.users where email like 'bench-user-%' order by id")).rows;
    const applications = (await client.query<{ id: string; user_id: string; job_id: string }>(
      "select id, user_id, job_id from public.applications order by user_id, id",
    )).rows;
    log(`  ${applications.length} draft applications (${applicationsPerUser} per user), generation quota raised`);
    const byUser = new Map<string, LoadUser["applications"]>();
    for (const row of applications) {
      const list = byUser.get(row.user_id) ?? [];
      list.push({ id: row.id, jobId: row.job_id });
      byUser.set(row.user_id, list);
    }
    const tokenLifetime = config.durationSeconds + 3600;
    return Promise.all(users.map(async (user) => ({
      id: user.id,
      token: await mintAccessToken(user, tokenLifetime),
      applications: byUser.get(user.id) ?? [],
    })));
  } finally {
    await client.end();
  }
}

interface FunctionsServer {
  baseUrl: string;
  port: number;
  logFile: string;
  stop(): Promise<void>;
}

/** The functions server (supabase/functions/_dev/serve.ts) as `npm start` runs it, on a free port. */
async function startFunctions(url: string, poolMax: number): Promise<FunctionsServer> {
  const port = await freePort();
  const logDir = mkdtempSync(join(tmpdir(), "jobtrail-load-"));
  const logFile = join(logDir, "functions.log");
  const output = openSync(logFile, "a");
  const child = spawnFunctionsServer({
    dbUrl: withApplicationName(url, APP_FUNCTIONS),
    port,
    keys: { anon: await mintApiKey("anon"), serviceRole: await mintApiKey("service_role") },
    // One JSON line per request would cost more than some requests; errors still reach the log file.
    env: { DB_POOL_MAX: String(poolMax), REQUEST_LOG: "off" },
    stdio: ["ignore", output, output],
  });
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", (code) => {
      exited = code;
      resolve();
    })
  );
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    if (exited === undefined) {
      child.kill("SIGTERM");
      await Promise.race([exit, sleep(5000)]);
      if (exited === undefined) child.kill("SIGKILL");
    }
    rmSync(logDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}/functions/v1`;
  try {
    await waitForFunctionsServer(baseUrl, { exited: () => exited });
  } catch (error) {
    const log = readFileSync(logFile, "utf8").slice(-4000);
    await stop();
    throw new Error(`${error instanceof Error ? error.message : error}:\n${log}`);
  }
  return { baseUrl, port, logFile, stop };
}

/** Peak client connections to the load database, by application_name, sampled every 200 ms. */
class ConnectionMonitor {
  readonly peakByApplication = new Map<string, number>();
  peakTotal = 0;
  samples = 0;
  private running = true;
  private loop: Promise<void> = Promise.resolve();

  private constructor(private readonly client: pg.Client) {}

  static async start(url: string): Promise<ConnectionMonitor> {
    const client = new pg.Client({ connectionString: url, application_name: APP_MONITOR });
    await client.connect();
    const monitor = new ConnectionMonitor(client);
    monitor.loop = monitor.run();
    return monitor;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const { rows } = await this.client.query<{ application_name: string; backends: number }>(
        `select application_name, count(*)::int as backends from pg_catalog.pg_stat_activity
          where datname = pg_catalog.current_database() and backend_type = 'client backend' group by 1`,
      );
      let total = 0;
      for (const row of rows) {
        const name = row.application_name || "(none)";
        this.peakByApplication.set(name, Math.max(this.peakByApplication.get(name) ?? 0, row.backends));
        total += row.backends;
      }
      this.peakTotal = Math.max(this.peakTotal, total);
      this.samples++;
      await sleep(200);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.client.end();
  }
}

/** One search the way PostgREST runs an RPC: one transaction as the user on a pooled connection. */
async function searchAs(pool: pg.Pool, userId: string, params: unknown[]): Promise<void> {
  const client = await pool.connect();
  try {
    await requestAsUser(client, userId, searchSql, params);
  } finally {
    client.release();
  }
}

interface LoadOutcome {
  stats: Record<Kind, KindStats>;
  drivers: UserDriver[];
  httpSeconds: number;
  searchSeconds: number;
  /** requests autocannon sent that never got an answer (timeouts, dropped connections, cut off) */
  unanswered: number;
  autocannon: { sent: number; errors: number; timeouts: number; resets: number; non2xx: number; durationSeconds: number };
}

async function runLoad(users: LoadUser[], functions: FunctionsServer, searchPool: pg.Pool, config: Config, log: (message: string) => void): Promise<LoadOutcome> {
  const stats: Record<Kind, KindStats> = {
    transition: new KindStats("transition"),
    "generate-cv": new KindStats("generate-cv"),
    search: new KindStats("search"),
  };
  const drivers = users.map((user) => new UserDriver(user, config.cvEvery));
  const clients: autocannon.Client[] = [];
  let unanswered = 0;
  let timeUp = false;
  const loadStarted = performance.now();
  const since = () => performance.now() - loadStarted;

  // One autocannon connection per user. Its requests are built per connection from the driver, and
  // answers are matched to requests in order (one request in flight per connection: no pipelining).
  const setupClient = (client: autocannon.Client) => {
    const driver = drivers[clients.length];
    clients.push(client);
    const inFlight: Action[] = [];
    let answered: { action: Action; outcome: string } | undefined;
    const headers = { authorization: `Bearer ${driver.user.token}`, "content-type": "application/json" };
    client.setRequests([{
      method: "POST",
      setupRequest: (request) => {
        const action = driver.next();
        inFlight.push(action);
        return action.kind === "transition"
          ? {
            ...request,
            headers,
            path: "/functions/v1/application-status",
            body: JSON.stringify({ application_id: action.applicationId, to_status: action.to, expected_status: action.from }),
          }
          : { ...request, headers, path: "/functions/v1/generate-cv", body: JSON.stringify({ job_id: action.jobId, format: "json" }) };
      },
      onResponse: (status) => {
        const action = inFlight.shift();
        if (!action) throw new Error("an answer without a request: autocannon pipelining must stay 1");
        answered = { action, outcome: String(status) };
        driver.settle(action, answered.outcome);
      },
    }]);
    // autocannon's own timing of the answer just matched (emitted right after onResponse).
    client.on("response", (_status, _bytes, responseTime) => {
      if (answered) stats[answered.action.kind].record(answered.outcome, responseTime, since());
      answered = undefined;
    });
    // A timeout or a dropped connection loses the oldest request in flight; autocannon has already
    // sent the next one, so the lost one is the first in the queue.
    const lose = (outcome: string) => () => {
      const action = inFlight.shift();
      if (!action) return;
      unanswered++;
      driver.settle(action, outcome);
      stats[action.kind].record(outcome, Number.NaN, since());
    };
    (client as NodeJS.EventEmitter).on("timeout", lose("timeout"));
    (client as NodeJS.EventEmitter).on("connError", lose("connection error"));
    (client as NodeJS.EventEmitter).on("done", () => {
      // Requests still queued when a connection is destroyed were cut off (the drain backstop).
      for (const action of inFlight.splice(0)) {
        unanswered++;
        stats[action.kind].record("no answer", Number.NaN, since());
      }
    });
  };

  const http = autocannon({
    url: `http://127.0.0.1:${functions.port}`,
    connections: users.length,
    pipelining: 1,
    // A backstop only: the run is ended by the timer below, which lets in-flight requests finish.
    duration: config.durationSeconds + DRAIN_SECONDS,
    maxOverallRequests: config.maxRequests,
    timeout: 30,
    // Paced users (--user-rate) model people clicking; unpaced ones measure saturation.
    ...(config.userRate > 0 ? { connectionRate: config.userRate } : {}),
    setupClient,
  });

  const timer = setTimeout(() => {
    timeUp = true;
    for (const client of clients) stopAfterInFlight(client);
    log(`time is up after ${config.durationSeconds}s: waiting for the requests in flight`);
  }, config.durationSeconds * 1000);

  // Searchers: one per user, each walking the fixed list of questions from its own offset.
  let searchesIssued = 0;
  let searchEnd = 0;
  const searchers = users.map(async (user, index) => {
    const pause = config.userRate > 0 ? 1000 / config.userRate : 0;
    for (let round = 0; !timeUp && searchesIssued < config.maxRequests; round++) {
      if (pause > 0) await sleep(pause * (round === 0 ? Math.random() : 1)); // staggered start
      if (timeUp) break;
      searchesIssued++;
      const question = searchCases[(index + round) % searchCases.length];
      const started = performance.now();
      let outcome = SUCCESS.search;
      try {
        await searchAs(searchPool, user.id, searchParams(question));
      } catch (error) {
        outcome = `pg ${(error as { code?: string }).code ?? (error as Error).message}`;
      }
      stats.search.record(outcome, performance.now() - started, since());
    }
    searchEnd = Math.max(searchEnd, since());
  });

  const progress = setInterval(() => {
    log(`  ${stats.transition.latencies.length} transitions, ${stats["generate-cv"].latencies.length} CVs, ${stats.search.latencies.length} searches`);
  }, 10_000);
  try {
    const [result] = await Promise.all([http, Promise.all(searchers)]);
    return {
      stats,
      drivers,
      httpSeconds: Math.max(stats.transition.lastAt, stats["generate-cv"].lastAt) / 1000,
      searchSeconds: searchEnd / 1000,
      unanswered,
      autocannon: {
        sent: result.requests.sent,
        errors: result.errors,
        timeouts: result.timeouts,
        resets: result.resets,
        non2xx: result.non2xx,
        durationSeconds: result.duration,
      },
    };
  } finally {
    clearTimeout(timer);
    clearInterval(progress);
  }
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

interface WriteCounts {
  events: number;
  cvs: number;
}

/** status_change events and generated CVs in the database, before and after the run. */
async function countWrites(url: string): Promise<WriteCounts> {
  const [counts] = await query<WriteCounts>(
    url,
    `select (select count(*) from public.application_events where kind = 'status_change')::int as events,
            (select count(*) from public.generated_cvs)::int as cvs`,
  );
  return counts;
}

/** What the database holds after the run, against what the clients were told. */
async function verify(url: string, outcome: LoadOutcome, baseline: WriteCounts): Promise<Check[]> {
  const { events, cvs } = await countWrites(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const checks: Check[] = [];
    const transitions200 = outcome.stats.transition.successes;
    const cvs201 = outcome.stats["generate-cv"].successes;
    checks.push({
      name: "status_change events = 200 answers",
      ok: events - baseline.events === transitions200,
      detail: `${events - baseline.events} events, ${transitions200} answers`,
    });

    // Per application: the status and the number of moves the client saw succeed, against the row
    // and its events. Applications no one moved must still be drafts without events.
    const expected = outcome.drivers.flatMap((driver) =>
      [...driver.expectedApplications].map(([application_id, { status, moves }]) => ({ application_id, status, moves }))
    );
    const [perApplication] = (await client.query<{ checked: number; wrong: number; example: string | null }>(
      `with expected as (
         select * from jsonb_to_recordset($1::jsonb) as t(application_id uuid, status public.application_status, moves int)
       ), actual as (
         select a.id, a.status, count(e.id)::int as moves
           from public.applications a
           left join public.application_events e on e.application_id = a.id and e.kind = 'status_change'
          group by a.id, a.status
       )
       select count(*)::int as checked,
              count(*) filter (where x.wrong)::int as wrong,
              min(x.id::text) filter (where x.wrong) as example
         from (select a.id, a.status <> coalesce(e.status, 'draft') or a.moves <> coalesce(e.moves, 0) as wrong
                 from actual a left join expected e on e.application_id = a.id) x`,
      [JSON.stringify(expected)],
    )).rows;
    checks.push({
      name: "each application: status and moves as answered",
      ok: perApplication.wrong === 0,
      detail: `${perApplication.checked} applications, ${perApplication.wrong} differ${perApplication.example ? ` (e.g. ${perApplication.example})` : ""}`,
    });

    // Each timeline is a chain: from_status = the previous to_status (draft first), and the
    // application's status is the last to_status.
    const [chains] = (await client.query<{ broken: number; stale: number; applications: number }>(
      `with e as (
         select application_id, from_status, to_status,
                lag(to_status) over w as previous_to,
                row_number() over w as position,
                count(*) over (partition by application_id) as total
           from public.application_events
          where kind = 'status_change'
         window w as (partition by application_id order by occurred_at, created_at)
       )
       select count(*) filter (where from_status is distinct from coalesce(previous_to, 'draft'))::int as broken,
              (select count(*) from e join public.applications a on a.id = e.application_id
                where e.position = e.total and a.status <> e.to_status)::int as stale,
              count(distinct application_id)::int as applications
         from e`,
    )).rows;
    checks.push({
      name: "event chains valid, status = last to_status",
      ok: chains.broken === 0 && chains.stale === 0,
      detail: `${chains.applications} timelines, ${chains.broken} broken links, ${chains.stale} statuses differ`,
    });

    checks.push({ name: "generated_cvs rows = 201 answers", ok: cvs - baseline.cvs === cvs201, detail: `${cvs - baseline.cvs} rows, ${cvs201} answers` });
    const expectedCvs = outcome.drivers.flatMap((driver) =>
      [...driver.expectedCvs].map(([job_id, versions]) => ({ user_id: driver.user.id, job_id, versions }))
    );
    const [versions] = (await client.query<{ series: number; gaps: number; differ: number }>(
      `with series as (
         select user_id, job_id, count(*)::int as n, min(version) as low, max(version) as high, count(distinct version)::int as distinct_versions
           from public.generated_cvs group by user_id, job_id
       ), expected as (
         select * from jsonb_to_recordset($1::jsonb) as t(user_id uuid, job_id uuid, versions int)
       )
       select (select count(*) from series)::int as series,
              (select count(*) from series where low <> 1 or high <> n or distinct_versions <> n)::int as gaps,
              (select count(*) from series s full join expected e using (user_id, job_id)
                where s.n is distinct from e.versions)::int as differ`,
      [JSON.stringify(expectedCvs)],
    )).rows;
    checks.push({
      name: "CV versions per (user, job) gap-free 1..n",
      ok: versions.gaps === 0 && versions.differ === 0,
      detail: `${versions.series} series, ${versions.gaps} with gaps or duplicates, ${versions.differ} differ from the answers`,
    });
    return checks;
  } finally {
    await client.end();
  }
}

function poolChecks(monitor: ConnectionMonitor, config: Config): Check[] {
  const peak = (name: string) => monitor.peakByApplication.get(name) ?? 0;
  const limit = config.functionsPoolMax + config.searchPoolMax + 1;
  const others = [...monitor.peakByApplication].filter(([name]) => ![APP_FUNCTIONS, APP_SEARCH, APP_MONITOR].includes(name));
  return [
    {
      name: "functions' connections <= DB_POOL_MAX",
      ok: peak(APP_FUNCTIONS) <= config.functionsPoolMax,
      detail: `peak ${peak(APP_FUNCTIONS)}, DB_POOL_MAX ${config.functionsPoolMax}`,
    },
    {
      name: "search connections <= search pool max",
      ok: peak(APP_SEARCH) <= config.searchPoolMax,
      detail: `peak ${peak(APP_SEARCH)}, pool max ${config.searchPoolMax}`,
    },
    {
      name: "all connections <= pools + monitor",
      ok: monitor.peakTotal <= limit && monitor.samples > 0,
      detail: `peak ${monitor.peakTotal} of ${limit} in ${monitor.samples} samples${others.length ? `; others: ${others.map(([name, n]) => `${name} ${n}`).join(", ")}` : ""}`,
    },
  ];
}

interface KindReport {
  requests: number;
  throughput: number;
  latency: Summary;
  errors: Record<string, number>;
}

function formatReport(reports: Record<Kind, KindReport>): string {
  const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(1));
  const header = ["kind", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"];
  const rows = KINDS.map((kind) => {
    const report = reports[kind];
    const errors = Object.entries(report.errors).map(([outcome, n]) => `${n} x ${outcome}`).join(", ") || "none";
    return [kind, String(report.requests), report.throughput.toFixed(1), ms(report.latency.p50), ms(report.latency.p95), ms(report.latency.p99), ms(report.latency.max), errors];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ").trimEnd();
  return [line(header), "-".repeat(widths.reduce((sum, width) => sum + width + 2, -2)), ...rows.map(line)].join("\n");
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const flags = parseFlags(process.argv.slice(2));
  const log = (message: string) => console.log(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)}s] ${message}`);
  const seed = Number(flags.get("seed") ?? "42");
  const config: Config = {
    users: flagNumber(flags, "users", 50),
    durationSeconds: flagNumber(flags, "duration", 60),
    maxRequests: flagNumber(flags, "max-requests", 100_000),
    cvEvery: flagNumber(flags, "cv-every", 10, 2),
    functionsPoolMax: flagNumber(flags, "pool-max", 10),
    searchPoolMax: flagNumber(flags, "search-pool-max", 10),
    postings: flagNumber(flags, "postings", 20_000, 100),
    seed,
    userRate: Number(flags.get("user-rate") ?? "0"),
  };
  if (!(config.userRate >= 0)) throw new Error("--user-rate must be a number of requests per second, 0 for unpaced");
  if (config.maxRequests < config.users) throw new Error("--max-requests must be at least --users (autocannon needs one request per connection)");

  let url = flags.get("db-url");
  if (!url) {
    const server = await startThrowawayServer({ settings: loadSettings });
    log(`throwaway PostgreSQL ${server.major} on port ${server.port}; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM`);
    url = await freshDatabase(server.url, "load");
  }
  await resetDatabase(url, { seed: false, quiet: true });
  log(`migrated; generating ${config.postings} postings, ${config.users} users and their applications`);
  const users = await prepareData(url, config, log);

  const functions = await startFunctions(url, config.functionsPoolMax);
  log(`functions server on port ${functions.port} (DB_POOL_MAX ${config.functionsPoolMax}); searches through a pg pool of ${config.searchPoolMax}, the way PostgREST runs an RPC`);
  const searchPool = new pg.Pool({ connectionString: url, max: config.searchPoolMax, application_name: APP_SEARCH });
  try {
    // Warm up without writing: each user's token through JWT verification and the pool once.
    await Promise.all(users.map(async (user) => {
      const response = await fetch(`${functions.baseUrl}/me`, { headers: { authorization: `Bearer ${user.token}` } });
      await response.body?.cancel();
      if (response.status !== 200) throw new Error(`warm-up: GET /me answered ${response.status} for ${user.id}`);
    }));
    const baseline = await countWrites(url);
    const monitor = await ConnectionMonitor.start(url);
    log(`load: ${config.users} users for ${config.durationSeconds}s (at most ${config.maxRequests} HTTP requests and ${config.maxRequests} searches); a user's 1st and then every ${config.cvEvery}th HTTP request a generate-cv`);
    let outcome: LoadOutcome;
    try {
      outcome = await runLoad(users, functions, searchPool, config, log);
    } finally {
      await monitor.stop();
    }
    const functionsLog = readFileSync(functions.logFile, "utf8").trim();
    if (functionsLog) log(`functions server output (last lines):\n${functionsLog.split("\n").slice(-20).join("\n")}`);

    const reports = Object.fromEntries(KINDS.map((kind) => {
      const stats = outcome.stats[kind];
      const seconds = kind === "search" ? outcome.searchSeconds : outcome.httpSeconds;
      const answered = stats.latencies.filter((ms) => !Number.isNaN(ms));
      return [kind, { requests: stats.latencies.length, throughput: stats.latencies.length / (seconds || 1), latency: summarize(answered), errors: stats.errors }];
    })) as Record<Kind, KindReport>;
    const checks = [
      ...poolChecks(monitor, config),
      ...await verify(url, outcome, baseline),
      {
        name: "every kind answered",
        ok: KINDS.every((kind) => outcome.stats[kind].successes > 0),
        detail: KINDS.map((kind) => `${kind} ${outcome.stats[kind].successes}`).join(", "),
      },
      {
        name: "every user had applications left",
        ok: outcome.drivers.every((driver) => !driver.ranOutOfApplications),
        detail: `${outcome.drivers.filter((driver) => driver.ranOutOfApplications).length} ran out`,
      },
    ];
    const errorCount = KINDS.reduce((sum, kind) => sum + Object.values(reports[kind].errors).reduce((a, b) => a + b, 0), 0);

    const pace = config.userRate > 0 ? `each paced at ${config.userRate} request(s)/s per channel` : "unpaced (saturation)";
    console.log(`\n== load: ${config.users} users, ${pace}, ${config.durationSeconds}s over loopback (HTTP ${outcome.httpSeconds.toFixed(1)}s, searches ${outcome.searchSeconds.toFixed(1)}s)`);
    console.log(formatReport(reports));
    console.log("searches run direct-to-Postgres the PostgREST way (no PostgREST here): pooled connection, one transaction, role + request.jwt.claims, search_jobs, commit");
    console.log("");
    for (const check of checks) console.log(`${check.ok ? "ok    " : "FAILED"} ${check.name}: ${check.detail}`);
    console.log(`${errorCount === 0 ? "ok    " : "FAILED"} no errors: ${errorCount} error(s)`);

    const file = writeResults({
      startedAt: startedAt.toISOString(),
      command: `npm run load -- ${process.argv.slice(2).join(" ")}`.trim(),
      machine: { cores: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      settings: flags.get("db-url") ? "given database" : loadSettings,
      config,
      note: "searches go direct to Postgres the way PostgREST runs an RPC (no PostgREST binary here)",
      kinds: reports,
      connections: { peakTotal: monitor.peakTotal, peakByApplication: Object.fromEntries(monitor.peakByApplication), samples: monitor.samples },
      autocannon: outcome.autocannon,
      unanswered: outcome.unanswered,
      checks,
    }, startedAt, "load-");
    log(`results written to ${file}`);
    if (errorCount > 0 || checks.some((check) => !check.ok)) process.exitCode = 1;
  } finally {
    await searchPool.end();
    await functions.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
