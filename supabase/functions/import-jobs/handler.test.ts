// import-jobs over HTTP against the test database and a fixture server on 127.0.0.1 (port 0):
// posting pages, Greenhouse and Lever board APIs, redirects, slow and oversized answers. Handlers
// that may reach the fixture server are built with the test-only loopback switch; the SSRF cases
// go through the production handler (or one with an injected resolver), which refuses them before
// any socket is opened.
import assert from "node:assert/strict";
import { closePool } from "../_shared/db.ts";
import { parseJsonLdPage } from "../_shared/import/jsonld.ts";
import {
  adminQuery,
  createUser,
  deleteUser,
  mintToken,
  postJson,
  request,
  serviceRoleToken,
  sleep,
  type TestUser,
} from "../_shared/testing.ts";
import { createImportJobsHandler, handler } from "./handler.ts";

const tag = crypto.randomUUID().slice(0, 8);
const today = new Date().toISOString().slice(0, 10);

interface JobBody {
  id: string;
  owner_id: string | null;
  source: string;
  source_board: string | null;
  external_id: string | null;
  title: string;
  company: string;
  location: string | null;
  required_skills: string[];
  salary_min: number | null;
  salary_currency: string | null;
  is_active: boolean;
  likely_stale: boolean;
}

interface Counts {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  reactivated: number;
  deactivated: number;
  linked: number;
}

/** A posting page as a careers site publishes it: schema.org JobPosting in JSON-LD. */
function postingPage(title: string, company: string, extra: Record<string, unknown> = {}): string {
  const posting = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title,
    description:
      "<p>We build logistics software.</p><h3>Requirements</h3><ul><li>Postgres and TypeScript</li><li>Docker</li></ul>",
    datePosted: today,
    employmentType: "FULL_TIME",
    hiringOrganization: { "@type": "Organization", name: company },
    jobLocation: {
      "@type": "Place",
      address: { "@type": "PostalAddress", addressLocality: "Hamburg", addressCountry: "DE" },
    },
    baseSalary: {
      "@type": "MonetaryAmount",
      currency: "EUR",
      value: { "@type": "QuantitativeValue", minValue: 60000, maxValue: 75000, unitText: "YEAR" },
    },
    skills: "k8s, js",
    ...extra,
  };
  return `<!DOCTYPE html><html><head><title>${title}</title>
<script type="application/ld+json">${JSON.stringify(posting)}</script></head><body><h1>${title}</h1></body></html>`;
}

function greenhouseJob(id: number, title: string, company: string) {
  return {
    id,
    title,
    absolute_url: `https://boards.greenhouse.io/example/jobs/${id}`,
    location: { name: "Berlin, Germany" },
    company_name: company,
    updated_at: `${today}T09:00:00Z`,
    first_published: `${today}T08:00:00Z`,
    content:
      "&lt;p&gt;Join us.&lt;/p&gt;&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Python and SQL&lt;/li&gt;&lt;/ul&gt;",
    metadata: [{ name: "Employment Type", value: "Full-time", value_type: "single_select" }],
  };
}

function leverPosting(title: string) {
  return {
    id: crypto.randomUUID(),
    text: title,
    hostedUrl: `https://jobs.lever.co/example/${crypto.randomUUID()}`,
    categories: { location: "Lisbon, Portugal", commitment: "Full-time", team: "Platform" },
    workplaceType: "hybrid",
    description: "<div>We run payments.</div>",
    lists: [{ text: "Requirements", content: "<li>Go</li><li>Kubernetes</li>" }],
    createdAt: Date.now() - 86_400_000,
  };
}

/** What the fixture server serves; tests change it between requests. */
const pages = new Map<string, string>();
const greenhouseBoards = new Map<string, unknown[]>();
const leverCompanies = new Map<string, unknown[]>();

const site = (closing: AbortSignal) => (req: Request): Response | Promise<Response> => {
  const path = new URL(req.url).pathname;
  const html = { "content-type": "text/html; charset=utf-8" };
  const page = /^\/job\/([\w-]+)$/.exec(path);
  if (page) {
    const body = pages.get(page[1]);
    return body === undefined ? new Response("gone", { status: 404 }) : new Response(body, { headers: html });
  }
  const greenhouse = /^\/v1\/boards\/([\w.-]+)\/jobs$/.exec(path);
  if (greenhouse) {
    const jobs = greenhouseBoards.get(greenhouse[1]);
    return jobs
      ? Response.json({ jobs, meta: { total: jobs.length } })
      : Response.json({ status: 404 }, { status: 404 });
  }
  const lever = /^\/v0\/postings\/([\w.-]+)$/.exec(path);
  if (lever) {
    const postings = leverCompanies.get(lever[1]);
    return postings ? Response.json(postings) : Response.json({ ok: false }, { status: 404 });
  }
  if (path.startsWith("/html-api/")) return new Response("<html>maintenance</html>", { headers: html });
  switch (path) {
    case "/plain":
      return new Response("<html><body><h1>About us</h1></body></html>", { headers: html });
    case "/redirect-private":
      return new Response(null, { status: 302, headers: { location: "http://10.0.0.1/job" } });
    case "/redirect-metadata":
      return new Response(null, { status: 307, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
    case "/slow":
      return sleep(5_000, closing).then(() => new Response(postingPage("Slow", "Slow Co"), { headers: html }));
    case "/big":
      return new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
          },
        }),
        { headers: html },
      );
    case "/image":
      return new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { "content-type": "image/png" } });
    default:
      return new Response("not here", { status: 404, headers: html });
  }
};

const call = (target: (request: Request) => Promise<Response>, token: string | undefined, body: unknown) =>
  postJson(target, "import-jobs", token, body);

async function jobCount(where: string, params: unknown[]): Promise<number> {
  const [row] = await adminQuery<{ n: number }>(`select count(*)::int as n from public.jobs where ${where}`, params);
  return row.n;
}

Deno.test("import-jobs", async (t) => {
  const closing = new AbortController();
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, site(closing.signal));
  const origin = `http://127.0.0.1:${server.addr.port}`;
  // The loopback switch and the fixture board APIs are injected here; production passes neither.
  const local = createImportJobsHandler({
    fetchForTests: { allowLoopbackForTests: true },
    boardApisForTests: { greenhouse: origin, lever: origin },
  });
  const user = await createUser("Importing User");
  const other = await createUser("Another User");
  const service = await serviceRoleToken();
  const asUser = (body: unknown, target = local, who: TestUser = user) => call(target, who.token, body);
  const asService = (body: unknown, target = local) => call(target, service, body);

  try {
    await t.step("a user imports a posting page: a private posting, skills normalised (201)", async () => {
      pages.set(`a-${tag}`, postingPage(`Logistics Engineer ${tag}`, `Portside ${tag}`));
      const { status, body } = await asUser({ url: `${origin}/job/a-${tag}` });
      assert.equal(status, 201, JSON.stringify(body));
      assert.equal(body.result, "created");
      assert.equal(body.matched_by, null);
      const job: JobBody = body.job;
      assert.equal(job.owner_id, user.id);
      assert.equal(job.source, "url");
      assert.equal(job.external_id, `${origin}/job/a-${tag}`);
      assert.equal(job.title, `Logistics Engineer ${tag}`);
      assert.deepEqual([job.salary_min, job.salary_currency], [60000, "EUR"]);
      // "k8s, js" and "Postgres" come out as the dictionary spells them.
      for (const skill of ["Kubernetes", "JavaScript", "PostgreSQL", "TypeScript"]) {
        assert.ok(job.required_skills.includes(skill), `${skill} in ${job.required_skills}`);
      }
      assert.equal(job.likely_stale, false);
      assert.equal(await jobCount("owner_id = $1", [user.id]), 1);
    });

    await t.step("re-importing the same URL changes nothing and returns the same posting", async () => {
      const [before] = await adminQuery<{ id: string; version: string; updated_at: Date }>(
        "select id, ctid::text as version, updated_at from public.jobs where owner_id = $1",
        [user.id],
      );
      const { status, body } = await asUser({ url: `${origin}/job/a-${tag}` });
      assert.equal(status, 200);
      assert.deepEqual([body.result, body.matched_by, body.job.id], ["unchanged", "source_external_id", before.id]);
      const [after] = await adminQuery<{ version: string; updated_at: Date }>(
        "select ctid::text as version, updated_at from public.jobs where id = $1",
        [before.id],
      );
      assert.deepEqual(after, { version: before.version, updated_at: before.updated_at }, "no new row version");
      assert.equal(await jobCount("owner_id = $1", [user.id]), 1);
    });

    await t.step("a page that changed is refreshed in place", async () => {
      pages.set(
        `a-${tag}`,
        postingPage(`Logistics Engineer ${tag}`, `Portside ${tag}`, { employmentType: "CONTRACTOR" }),
      );
      const { status, body } = await asUser({ url: `${origin}/job/a-${tag}` });
      assert.equal(status, 200);
      assert.equal(body.result, "updated");
      assert.equal(body.job.employment_type, "contract");
      assert.equal(await jobCount("owner_id = $1", [user.id]), 1);
    });

    await t.step("a posting the shared board already has is returned instead of a private copy", async () => {
      // The board has the same job (same company, title, location) from Greenhouse.
      pages.set(`b-${tag}`, postingPage(`Route Planner ${tag}`, `Harbour Freight ${tag} GmbH`));
      const parsed = parseJsonLdPage({ html: pages.get(`b-${tag}`)!, url: `${origin}/job/b-${tag}` }, {
        dictionary: new Map(),
      });
      assert.ok(parsed.ok);
      const boardCopy = {
        ...parsed.value,
        source: "greenhouse",
        external_id: `gh-b-${tag}`,
        source_url: null,
        company: `Harbour Freight ${tag}`, // no legal suffix: still the same job
      };
      const ingested = await asService({ postings: [boardCopy] });
      assert.equal(ingested.status, 200, JSON.stringify(ingested.body));
      const [shared] = await adminQuery<{ id: string }>(
        "select id from public.jobs where owner_id is null and source = 'greenhouse' and external_id = $1",
        [`gh-b-${tag}`],
      );
      const { status, body } = await asUser({ url: `${origin}/job/b-${tag}` });
      assert.equal(status, 200, JSON.stringify(body));
      assert.deepEqual([body.result, body.matched_by, body.job.id, body.job.owner_id], [
        "linked",
        "fingerprint",
        shared.id,
        null,
      ]);
      assert.equal(await jobCount("owner_id = $1 and title = $2", [user.id, `Route Planner ${tag}`]), 0);

      // The same (source, external_id) on the board: linked by key.
      pages.set(`c-${tag}`, postingPage(`Dispatcher ${tag}`, `Quay ${tag}`));
      const byKey = await asService({
        postings: [{ ...boardCopy, source: "url", external_id: `${origin}/job/c-${tag}`, title: `Dispatch ${tag}` }],
      });
      assert.equal(byKey.status, 200);
      const linked = await asUser({ url: `${origin}/job/c-${tag}` });
      assert.deepEqual([linked.status, linked.body.result, linked.body.matched_by, linked.body.job.owner_id], [
        200,
        "linked",
        "source_external_id",
        null,
      ]);
    });

    await t.step("another user importing the same page gets their own private posting", async () => {
      const { status, body } = await asUser({ url: `${origin}/job/a-${tag}` }, local, other);
      assert.equal(status, 201);
      assert.equal(body.job.owner_id, other.id);
    });

    await t.step("a batch of normalised postings: upserted, and idempotent (same row count twice)", async () => {
      const board = `batch-${tag}`;
      const postings = [1, 2, 3].map((n) => ({
        source: "workable",
        external_id: `${tag}-${n}`,
        source_url: `https://apply.workable.com/example/j/${tag}${n}/`,
        title: `Warehouse Analyst ${n} ${tag}`,
        company: "Batch Co",
        company_url: null,
        location: "Madrid, Spain",
        country_code: "ES",
        remote_type: "onsite",
        employment_type: "full_time",
        description: "Counting things.",
        requirements: null,
        responsibilities: null,
        salary_min: null,
        salary_max: null,
        salary_currency: null,
        salary_period: null,
        required_skills: ["excel", "sql"],
        preferred_skills: ["SQL", "tableau"],
        posted_at: `${today}T00:00:00Z`,
        expires_at: null,
      }));
      const first = await asService({ postings, board });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual(first.body.counts as Counts, {
        received: 3,
        inserted: 3,
        updated: 0,
        unchanged: 0,
        reactivated: 0,
        deactivated: 0,
        linked: 0,
      });
      const rows = await jobCount("source = 'workable' and source_board = $1", [board]);
      assert.equal(rows, 3);
      const [skills] = await adminQuery<{ required_skills: string[]; preferred_skills: string[] }>(
        "select required_skills, preferred_skills from public.jobs where source = 'workable' and external_id = $1",
        [`${tag}-1`],
      );
      assert.deepEqual(skills, { required_skills: ["Excel", "SQL"], preferred_skills: ["Tableau"] });

      const again = await asService({ postings, board });
      assert.equal(again.status, 200);
      assert.deepEqual([again.body.counts.inserted, again.body.counts.updated, again.body.counts.unchanged], [0, 0, 3]);
      assert.equal(await jobCount("source = 'workable' and source_board = $1", [board]), rows);
    });

    await t.step("a Greenhouse board: ingested as a full refresh; a vanished job becomes inactive", async () => {
      const board = `gh-${tag}`;
      const base = 7_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
      const jobs = [0, 1, 2].map((n) => greenhouseJob(base + n, `Analyst ${n} ${tag}`, `Greenhouse Co ${tag}`));
      greenhouseBoards.set(board, jobs);
      const first = await asService({ source: "greenhouse", board });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.full_refresh, true);
      assert.deepEqual([first.body.counts.inserted, first.body.counts.deactivated], [3, 0]);

      const same = await asService({ source: "greenhouse", board });
      assert.deepEqual([same.body.counts.inserted, same.body.counts.updated, same.body.counts.unchanged], [0, 0, 3]);

      greenhouseBoards.set(board, jobs.slice(0, 2));
      const refreshed = await asService({ source: "greenhouse", board });
      assert.equal(refreshed.status, 200);
      assert.deepEqual([refreshed.body.counts.unchanged, refreshed.body.counts.deactivated], [2, 1]);
      const rows = await adminQuery<{ external_id: string; is_active: boolean; source_board: string }>(
        "select external_id, is_active, source_board from public.jobs where source = 'greenhouse' and source_board = $1 order by external_id",
        [board],
      );
      assert.deepEqual(rows.map((row) => [row.external_id, row.is_active]), [
        [String(base), true],
        [String(base + 1), true],
        [String(base + 2), false],
      ]);

      greenhouseBoards.set(board, jobs);
      const back = await asService({ source: "greenhouse", board });
      assert.deepEqual([back.body.counts.reactivated, back.body.counts.inserted], [1, 0]);
      const [reposted] = await adminQuery<{ times_reposted: number; is_active: boolean }>(
        "select times_reposted, is_active from public.jobs where source = 'greenhouse' and external_id = $1",
        [String(base + 2)],
      );
      assert.deepEqual(reposted, { times_reposted: 1, is_active: true });
    });

    await t.step("a Lever company: ingested, and the same feed again creates nothing", async () => {
      const company = `lever-${tag}`;
      leverCompanies.set(company, [leverPosting(`Payments Engineer ${tag}`), leverPosting(`SRE ${tag}`)]);
      const first = await asService({ source: "lever", company });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual([first.body.board, first.body.counts.inserted], [company, 2]);
      const again = await asService({ source: "lever", company });
      assert.deepEqual([again.body.counts.inserted, again.body.counts.unchanged], [0, 2]);
      assert.equal(await jobCount("source = 'lever' and source_board = $1", [company]), 2);
    });

    await t.step("every SSRF case is refused with the guard's code (400), before connecting", async () => {
      const resolverHandler = createImportJobsHandler({
        fetchForTests: { resolver: (host) => Promise.resolve(host === "intranet.example" ? ["10.20.30.40"] : []) },
      });
      const cases: Array<[string, (request: Request) => Promise<Response>, string]> = [
        ["http://127.0.0.1/job", handler, "blocked_address"], // loopback without the test switch
        [`${origin}/job/a-${tag}`, handler, "blocked_port"], // the fixture server, without the switch
        ["http://10.0.0.1/", handler, "blocked_address"],
        ["http://10.0.0.1/", local, "blocked_address"], // the switch allows loopback only
        ["http://169.254.169.254/latest/meta-data/", local, "blocked_address"],
        ["http://[::1]/", handler, "blocked_address"],
        ["http://[::ffff:127.0.0.1]/", handler, "blocked_address"],
        ["http://localhost/", handler, "blocked_address"],
        ["http://intranet.example/jobs/1", resolverHandler, "blocked_address"], // resolves to 10.20.30.40
        [`${origin}/redirect-private`, local, "blocked_address"], // a redirect to 10.0.0.1
        [`${origin}/redirect-metadata`, local, "blocked_address"],
        ["file:///etc/passwd", handler, "invalid_url"],
        ["gopher://127.0.0.1/", handler, "invalid_url"],
        ["http://user:pass@example.com/", handler, "invalid_url"],
      ];
      for (const [url, target, code] of cases) {
        const { status, body } = await asUser({ url }, target);
        assert.equal(status, 400, `${url}: ${JSON.stringify(body)}`);
        assert.equal(body.error.code, code, url);
        assert.equal(typeof body.error.message, "string");
        assert.ok(body.error.request_id);
      }
      assert.equal(await jobCount("owner_id = $1", [user.id]), 1, "nothing was imported");
    });

    await t.step("upstream failures are 502/504/422 with codes, never 500", async () => {
      const quick = createImportJobsHandler({ fetchForTests: { allowLoopbackForTests: true, timeoutMs: 300 } });
      const noDns = createImportJobsHandler({ fetchForTests: { resolver: () => Promise.resolve([]) } });
      const cases: Array<[string, (request: Request) => Promise<Response>, number, string]> = [
        [`${origin}/job/missing-${tag}`, local, 502, "upstream_status"],
        [`${origin}/big`, local, 502, "too_large"],
        [`${origin}/slow`, quick, 504, "timeout"],
        [`${origin}/plain`, local, 422, "no_job_posting"],
        [`${origin}/image`, local, 422, "unsupported_content_type"],
        ["http://nowhere.example/job", noDns, 502, "dns_failed"],
      ];
      for (const [url, target, status, code] of cases) {
        const started = Date.now();
        const result = await asUser({ url }, target);
        assert.equal(result.status, status, `${url}: ${JSON.stringify(result.body)}`);
        assert.equal(result.body.error.code, code, url);
        if (code === "timeout") assert.ok(Date.now() - started < 4_000, "gave up at the deadline");
      }
      const missingBoard = await asService({ source: "greenhouse", board: `nope-${tag}` });
      assert.deepEqual([missingBoard.status, missingBoard.body.error.code], [502, "upstream_status"]);
      // A board API answering with an HTML page is the upstream's failure, not the caller's.
      const htmlApi = createImportJobsHandler({
        fetchForTests: { allowLoopbackForTests: true },
        boardApisForTests: { lever: `${origin}/html-api` },
      });
      const brokenBoard = await asService({ source: "lever", company: "acme" }, htmlApi);
      assert.deepEqual([brokenBoard.status, brokenBoard.body.error.code], [502, "unsupported_content_type"]);
    });

    await t.step("bodies: oversized is 413, malformed and unknown fields are 400", async () => {
      const big = await asUser({ url: `${origin}/job/${"x".repeat(20_000)}` });
      assert.deepEqual([big.status, big.body.error.code], [413, "payload_too_large"]);
      const cases: unknown[] = [
        {},
        { url: `${origin}/job/a-${tag}`, owner_id: other.id },
        { url: 42 },
        [],
      ];
      for (const body of cases) {
        const result = await asUser(body);
        assert.deepEqual([result.status, result.body.error.code], [400, "validation_failed"], JSON.stringify(body));
      }
      const batchCases: unknown[] = [
        { source: "greenhouse", board: "../../admin" },
        { source: "workday", board: "acme" },
        { source: "lever", board: "acme" },
        { postings: [] },
        { postings: [{ source: "test", external_id: null, title: "T", company: "C" }] },
      ];
      for (const body of batchCases) {
        const result = await asService(body);
        assert.deepEqual([result.status, result.body.error.code], [400, "validation_failed"], JSON.stringify(body));
      }
    });

    await t.step("401 without a valid user token; 403 for a user on the batch path", async () => {
      const anon = await mintToken({ role: "anon", iss: "supabase-demo" });
      const forged = await mintToken({ sub: user.id, role: "authenticated", aud: "authenticated" }, {
        secret: "another-secret-that-is-long-enough-to-sign-with",
      });
      for (const token of [undefined, anon, forged]) {
        const result = await call(local, token, { url: `${origin}/job/a-${tag}` });
        assert.deepEqual([result.status, result.body.error.code], [401, "unauthorized"]);
      }
      for (const body of [{ source: "greenhouse", board: `gh-${tag}` }, { postings: [] }]) {
        const result = await asUser(body);
        assert.deepEqual([result.status, result.body.error.code], [403, "forbidden"], JSON.stringify(body));
      }
      const serviceUrl = await asService({ url: `${origin}/job/a-${tag}` });
      assert.deepEqual([serviceUrl.status, serviceUrl.body.error.code], [403, "forbidden"]);
      const get = await local(request("import-jobs", { method: "GET", token: user.token }));
      assert.equal(get.status, 405);
      await get.body?.cancel();
    });
  } finally {
    closing.abort();
    await server.shutdown();
    await deleteUser(user);
    await deleteUser(other);
    await closePool();
  }
});
