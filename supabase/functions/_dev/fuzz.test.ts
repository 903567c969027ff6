// Hostile input for every function, over real HTTP: the local functions server (serve.ts's router)
// listens on a loopback port and fast-check throws at it what no form would send: arbitrary JSON,
// valid bodies with one field broken, prototype-pollution keys, huge strings, deep nesting, unicode
// edge cases, raw bytes under any content type, any method, forged and garbage tokens.
//
// For every response: no status >= 500; every error is the envelope { error: { code, message,
// request_id } } with the same request id in the x-request-id header; and after every rejected
// request (>= 400) the database is unchanged: row counts and a checksum of every row of every table
// in public, private and auth (the fuzzed user's rows among them) are compared before and after.
//
// import-jobs runs with a resolver that answers every host name with 10.0.0.1, so a fuzzed URL
// can only meet the SSRF guard and never the network. FUZZ_RUNS sets the runs per property.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import pg from "pg";
import { closePool } from "../_shared/db.ts";
import { createImportJobsHandler } from "../import-jobs/handler.ts";
import {
  adminDbUrl,
  adminQuery,
  createApplication,
  createSharedJob,
  createUser,
  deleteUser,
  mintToken,
  serviceRoleToken,
} from "../_shared/testing.ts";
import { routes } from "./serve.ts";

const RUNS = Number(Deno.env.get("FUZZ_RUNS") ?? "40");
/** Fixed by default, so CI replays the same cases; FUZZ_SEED=random explores new ones (printed). */
const SEED = Deno.env.get("FUZZ_SEED") === "random"
  ? Math.floor(Math.random() * 2 ** 31)
  : Number(Deno.env.get("FUZZ_SEED") ?? "20261125");
const settings = { numRuns: RUNS, seed: SEED };

// Section: the server under test

const fuzzRoutes: Record<string, (request: Request) => Promise<Response>> = {
  ...routes,
  "import-jobs": createImportJobsHandler({ fetchForTests: { resolver: () => Promise.resolve(["10.0.0.1"]) } }),
};

// Section: hostile values

const prototypeKeys = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__"];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }), // any code point, lone surrogates included
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\uD800",
    "\uDFFF\uD800",
    "\u202E\u2066evil",
    "Z\u0351\u0300\u0489",
    "'; drop table public.jobs; --",
    "%00%ff%c0%ae",
    "${7*7}{{7*7}}<script>alert(1)</script>",
    "../../../../etc/passwd",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "NaN",
    "-0",
    "1e309",
    "9999-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z",
    "2026-02-30T10:00:00",
    "Europe/Atlantis",
    "http://169.254.169.254/latest/meta-data/",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "draft",
    "accepted",
  ),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => "\u00e9".repeat(n)), // around the 256 KB body cap
  fc.constantFrom(...prototypeKeys),
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 4, 5, 600, 601, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, 5e-324),
);

/** Arrays or objects nested far deeper than any form would send. */
const deepNesting: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 50, max: 5_000 }), fc.boolean()).map(
  ([depth, asArray]) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
    return value;
  },
);

const hostileObject = (value: fc.Arbitrary<unknown>) =>
  fc.array(fc.tuple(fc.oneof(hostileString, fc.constantFrom(...prototypeKeys)), value), { maxLength: 6 }).map(
    (entries) => {
      // Own properties even for "__proto__", as JSON.parse would produce them.
      const object: Record<string, unknown> = {};
      for (const [key, entry] of entries) {
        Object.defineProperty(object, key, { value: entry, enumerable: true, writable: true, configurable: true });
      }
      return object;
    },
  );

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie("value"), { maxLength: 5 }),
    hostileObject(tie("value")),
  ),
})).value;

/** Query values stay within what an HTTP server reads in a request line (8 KB); bodies get the huge ones. */
const queryValue: fc.Arbitrary<string> = hostileString.filter((s) => s.length <= 1_000);

const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue(), hostileValue, deepNesting);

// Section: what each function accepts when the input is right

const allProperties = ["arbitrary", "mutated", "raw"] as const;
type Property = (typeof allProperties)[number];

interface Target {
  name: string;
  method: "GET" | "POST";
  /** A body the function accepts, for the mutation property. */
  valid?: Record<string, unknown>;
  /** A function that must never be called with its valid body (it would erase the fuzzing user). */
  destructive?: boolean;
  /** Which properties run for it (default: all three). */
  properties?: Property[];
  /** Who sends the mutated bodies (default: the fuzzed user). */
  token?: string;
  /** Puts the mutated object into the request body (default: it is the body). */
  wrap?: (value: Record<string, unknown>) => unknown;
  label?: string;
}

let targets: Target[] = [];

// Section: the database before and after

let snapshotSql = "";

async function buildSnapshotSql(): Promise<string> {
  const tables = await adminQuery<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname in ('public', 'private', 'auth')
      order by 1`,
  );
  assert.ok(tables.length >= 10, "the snapshot covers the schema's tables");
  return tables
    .map(({ name }) =>
      `select '${name}' as name, count(*) as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as checksum from ${name} t`
    )
    .join("\nunion all ");
}

interface TableState {
  name: string;
  rows: string;
  checksum: string;
}

/** One connection for the thousands of snapshots (a connection per query would dominate the run). */
let snapshotClient: pg.Client | undefined;

async function snapshot(): Promise<Map<string, string>> {
  if (!snapshotClient) {
    snapshotClient = new pg.Client({ connectionString: adminDbUrl() });
    await snapshotClient.connect();
  }
  const result = await snapshotClient.query<TableState>(snapshotSql);
  return new Map(result.rows.map((row: TableState) => [row.name, `${row.rows} rows, md5 ${row.checksum}`]));
}

function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([name, state]) => after.get(name) !== state).map(([name]) => name);
}

// Section: one request, checked

interface Outcome {
  status: number;
}

const statusCounts = new Map<number, number>();
let requestsSent = 0;

interface FuzzRequest {
  name: string;
  method: string;
  token?: string | null;
  authorization?: string;
  contentType?: string;
  body?: string | Uint8Array<ArrayBuffer>;
  query?: string;
}

let origin = "";

async function send(input: FuzzRequest): Promise<Outcome> {
  const before = await snapshot();
  const headers = new Headers();
  if (input.authorization !== undefined) headers.set("authorization", input.authorization);
  else if (input.token) headers.set("authorization", `Bearer ${input.token}`);
  if (input.contentType !== undefined) headers.set("content-type", input.contentType);
  const hasBody = input.body !== undefined && input.method !== "GET" && input.method !== "HEAD";
  const response = await fetch(`${origin}/functions/v1/${input.name}${input.query ?? ""}`, {
    method: input.method,
    headers,
    body: hasBody ? input.body : undefined,
  });
  const text = await response.text();
  requestsSent++;
  statusCounts.set(response.status, (statusCounts.get(response.status) ?? 0) + 1);
  const describe = () =>
    `${input.method} ${input.name}${(input.query ?? "").slice(0, 200)} -> ${response.status}: ${
      text.slice(0, 300)
    }\nbody sent: ${
      typeof input.body === "string" ? input.body.slice(0, 300) : String(input.body?.byteLength ?? "none")
    } bytes`;

  assert.ok(response.status < 500, `server error: ${describe()}`);
  const requestId = response.headers.get("x-request-id");
  assert.ok(requestId, `no x-request-id header: ${describe()}`);
  if (response.status >= 400) {
    if (input.method !== "HEAD") {
      const envelope = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; request_id?: unknown } };
      assert.equal(typeof envelope.error?.code, "string", `no error code: ${describe()}`);
      assert.equal(typeof envelope.error?.message, "string", `no error message: ${describe()}`);
      assert.equal(envelope.error?.request_id, requestId, `envelope and header disagree: ${describe()}`);
    }
    const changed = changedTables(before, await snapshot());
    assert.deepEqual(changed, [], `a rejected request changed ${changed.join(", ")}: ${describe()}`);
  }
  return { status: response.status };
}

const asJson = (value: unknown) => {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    return "null"; // 5,000 levels can overflow the stack of stringify: send a plain null instead
  }
};

// Section: the properties

type Mutation =
  | { kind: "replace"; key: string; value: unknown }
  | { kind: "drop"; key: string }
  | { kind: "add"; key: string; value: unknown };

const mutationOf = (valid: Record<string, unknown>): fc.Arbitrary<Mutation> => {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.record({ kind: fc.constant("replace" as const), key: fc.constantFrom(...keys), value: anyJson }),
    fc.record({ kind: fc.constant("drop" as const), key: fc.constantFrom(...keys) }),
    fc.record({
      kind: fc.constant("add" as const),
      key: fc.oneof(hostileString, fc.constantFrom(...prototypeKeys)),
      value: anyJson,
    }),
  );
};

function applyMutation(valid: Record<string, unknown>, change: Mutation): Record<string, unknown> {
  const body: Record<string, unknown> = { ...valid };
  if (change.kind === "drop") delete body[change.key];
  else {Object.defineProperty(body, change.key, {
      value: change.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });}
  return body;
}

const rawRequest = (userToken: string) =>
  fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"),
    contentType: fc.option(
      fc.constantFrom(
        "application/json",
        "application/json; charset=utf-16",
        "text/plain",
        "application/zip",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "",
      ),
      { nil: undefined },
    ),
    body: fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.uint8Array({ maxLength: 2_000 }).map((bytes) => new Uint8Array(bytes)),
      fc.constantFrom("{", "[", '{"a":', "null", "\uFEFF{}", '{"__proto__":{"isAdmin":true}}', "1e999"),
    ),
    authorization: fc.oneof(
      fc.constantFrom(
        `Bearer ${userToken}`,
        `bearer ${userToken}`,
        `Bearer ${userToken}x`,
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "Bearer a.b.c",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
      ),
      hostileString.filter((s) => /^[\x20-\x7e]*$/.test(s)).map((s) => `Bearer ${s}`),
    ),
  });

Deno.test("fuzz: hostile HTTP input to every function never causes a 5xx or a write", async (t) => {
  const user = await createUser("Fuzzed User");
  const bystander = await createUser("Bystander");
  const jobId = await createSharedJob("Fuzzing Engineer");
  const applicationId = await createApplication(user, jobId, "applied");
  await createApplication(bystander, jobId, "applied");
  const service = await serviceRoleToken();
  const foreignToken = await mintToken({ sub: user.id, role: "authenticated", aud: "authenticated" }, {
    secret: "not-the-secret-not-the-secret-not-the-secret",
  });
  const expiredToken = await mintToken({ sub: user.id, role: "authenticated", aud: "authenticated" }, {
    expiresIn: Math.floor(Date.now() / 1000) - 60,
  });
  snapshotSql = await buildSnapshotSql();

  targets = [
    { name: "me", method: "GET" },
    { name: "calendar", method: "GET" },
    {
      name: "application-status",
      method: "POST",
      valid: {
        application_id: applicationId,
        to_status: "interviewing",
        expected_status: "applied",
        note: "Recruiter call",
        interview: { scheduled_at: "2026-12-01T10:00:00", time_zone: "Europe/Berlin", kind: "video" },
      },
    },
    { name: "generate-cv", method: "POST", valid: { job_id: jobId, format: "markdown", attach: false } },
    { name: "generate-cover-letter", method: "POST", valid: { job_id: jobId, tone: "warm", max_words: 200 } },
    {
      name: "import-profile",
      method: "POST",
      valid: { json_resume: { basics: { name: "Fuzz", label: "Engineer" }, skills: [{ name: "Go" }] }, apply: false },
    },
    { name: "import-jobs", method: "POST", valid: { url: "https://jobs.example.com/postings/42" } },
    {
      name: "import-jobs",
      label: "import-jobs (service role batch)",
      method: "POST",
      properties: ["mutated"], // the other two already reach this function with the service token
      token: service,
      wrap: (posting) => ({ postings: [posting], board: "fuzz-board" }),
      valid: {
        source: "workable",
        external_id: "fuzz-1",
        source_url: "https://apply.workable.com/example/j/fuzz1/",
        title: "Fuzz Analyst",
        company: "Fuzz Co",
        company_url: null,
        location: "Madrid, Spain",
        country_code: "ES",
        remote_type: "onsite",
        employment_type: "full_time",
        description: "Counting things.",
        requirements: null,
        responsibilities: null,
        salary_min: 40000,
        salary_max: 50000,
        salary_currency: "EUR",
        salary_period: "year",
        required_skills: ["excel", "sql"],
        preferred_skills: ["tableau"],
        posted_at: "2026-11-20T00:00:00Z",
        expires_at: null,
      },
    },
    { name: "delete-account", method: "POST", valid: { confirm: "delete my account" }, destructive: true },
  ];

  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (request) => {
    const match = /^\/functions\/v1\/([a-z0-9-]+)$/.exec(new URL(request.url).pathname);
    const handler = match ? fuzzRoutes[match[1]] : undefined;
    return handler ? handler(request) : new Response("no such function", { status: 404 });
  });
  origin = `http://127.0.0.1:${server.addr.port}`;
  const tokens = [user.token, user.token, user.token, service, foreignToken, expiredToken, null];

  try {
    for (const target of targets) {
      const label = target.label ?? target.name;
      const runs = (property: Property) => (target.properties ?? allProperties).includes(property);

      if (runs("arbitrary")) {
        await t.step(`${label}: arbitrary JSON bodies and query strings`, async () => {
          await fc.assert(
            fc.asyncProperty(anyJson, fc.constantFrom(...tokens), fc.option(queryValue), async (value, token, q) => {
              const body = asJson(value);
              if (target.destructive) fc.pre(body !== asJson(target.valid));
              const query = q === null ? undefined : `?${new URLSearchParams({ token: q, apply: q })}`;
              await send({
                name: target.name,
                method: target.method,
                token,
                contentType: "application/json",
                body,
                query,
              });
            }),
            settings,
          );
        });
      }

      if (runs("mutated") && target.valid) {
        const valid = target.valid;
        await t.step(`${label}: a valid body with one field broken, dropped or added`, async () => {
          await fc.assert(
            fc.asyncProperty(mutationOf(valid), async (change) => {
              const text = asJson(
                target.wrap ? target.wrap(applyMutation(valid, change)) : applyMutation(valid, change),
              );
              if (target.destructive) fc.pre(text !== asJson(valid));
              const token = target.token ?? user.token;
              await send({ name: target.name, method: "POST", token, contentType: "application/json", body: text });
            }),
            settings,
          );
        });
      }

      if (runs("raw")) {
        await t.step(`${label}: raw bytes, odd methods, content types and credentials`, async () => {
          await fc.assert(
            fc.asyncProperty(rawRequest(user.token), async (raw) => {
              if (target.destructive && raw.method === "POST") {
                const text = typeof raw.body === "string" ? raw.body : new TextDecoder().decode(raw.body);
                fc.pre(text.trim() !== asJson(target.valid));
              }
              await send({ name: target.name, ...raw });
            }),
            settings,
          );
        });
      }
    }

    await t.step("the fuzzed and the bystander's accounts are intact", async () => {
      const [counts] = await adminQuery<{ users: string; bystander_events: string }>(
        `select (select count(*) from auth.users where id in ($1, $2)) as users,
                (select count(*) from public.application_events where user_id = $2) as bystander_events`,
        [user.id, bystander.id],
      );
      assert.equal(Number(counts.users), 2);
      assert.equal(Number(counts.bystander_events), 1, "nothing another user sent touched the bystander");
    });
  } finally {
    await server.shutdown();
    await closePool();
    await snapshotClient?.end();
    await deleteUser(user).catch(() => {});
    await deleteUser(bystander).catch(() => {});
    const summary = [...statusCounts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(", ");
    console.log(
      `fuzz: ${requestsSent} requests to ${
        new Set(targets.map((target) => target.name)).size
      } functions, seed ${SEED} (${summary})`,
    );
  }
});
