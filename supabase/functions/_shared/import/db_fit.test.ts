// The promise of posting.ts, checked against the real table: every posting the parsers produce
// (from the fixtures, at the column caps, and from random input) inserts into public.jobs, and
// the database's generated fingerprint equals fingerprint() in TypeScript. Runs where the test
// database is up (`npm test` sets TEST_ADMIN_DB_URL); skipped elsewhere.
import assert from "node:assert/strict";
import fc from "fast-check";
import pg from "pg";
import { fingerprint } from "./fingerprint.ts";
import { parseGreenhouseBoard } from "./greenhouse.ts";
import { parseJsonLdPage, parseJsonLdPageBytes } from "./jsonld.ts";
import { parseLeverPostings } from "./lever.ts";
import { finalizePosting, LIMITS, type NormalizedPosting } from "./posting.ts";
import { fixtureDictionary, readFixtureBytes, readFixtureJson, readFixtureText } from "./fixtures.ts";

const databaseUrl = Deno.env.get("TEST_ADMIN_DB_URL");
const dictionary = fixtureDictionary();

const COLUMNS = [
  "source",
  "external_id",
  "source_url",
  "title",
  "company",
  "company_url",
  "location",
  "country_code",
  "remote_type",
  "employment_type",
  "description",
  "requirements",
  "responsibilities",
  "salary_min",
  "salary_max",
  "salary_currency",
  "salary_period",
  "required_skills",
  "preferred_skills",
  "posted_at",
  "expires_at",
] as const satisfies ReadonlyArray<keyof NormalizedPosting>;

const INSERT = `insert into public.jobs (${COLUMNS.join(", ")})
  values (${COLUMNS.map((_, i) => `$${i + 1}`).join(", ")}) returning fingerprint`;

/** Inserts each posting in its own savepoint (so ids never collide) and returns the database's fingerprints. */
async function insertAll(client: pg.Client, postings: readonly NormalizedPosting[]): Promise<string[]> {
  const fingerprints: string[] = [];
  for (const posting of postings) {
    await client.query("savepoint one");
    try {
      const { rows } = await client.query<{ fingerprint: string }>(INSERT, COLUMNS.map((column) => posting[column]));
      fingerprints.push(rows[0].fingerprint);
    } catch (error) {
      assert.fail(`the jobs table refused ${JSON.stringify(posting).slice(0, 500)}: ${error}`);
    } finally {
      await client.query("rollback to savepoint one");
    }
  }
  return fingerprints;
}

function fixturePostings(): NormalizedPosting[] {
  const out: NormalizedPosting[] = [];
  const take = <T>(result: { ok: true; value: T } | { ok: false }) => (result.ok ? [result.value] : []);
  for (const name of ["jsonld_basic.html", "jsonld_graph.html", "jsonld_missing_salary.html"]) {
    out.push(...take(parseJsonLdPage({ html: readFixtureText(name), url: "https://jobs.example/p" }, { dictionary })));
  }
  for (const name of ["jsonld_windows1252.html", "jsonld_shift_jis.html"]) {
    out.push(
      ...take(parseJsonLdPageBytes({ bytes: readFixtureBytes(name), url: "https://jobs.example/p" }, { dictionary })),
    );
  }
  const greenhouse = parseGreenhouseBoard(readFixtureJson("greenhouse_board.json"), { dictionary, board: "acme" });
  if (greenhouse.ok) out.push(...greenhouse.value.postings);
  const lever = parseLeverPostings(readFixtureJson("lever_postings.json"), { dictionary, company: "northstar" });
  if (lever.ok) out.push(...lever.value.postings);
  return out;
}

function atTheCaps(): NormalizedPosting {
  // Astral characters count twice in JS and once in Postgres: the cap must hold in both.
  const result = finalizePosting({
    source: "x".repeat(40),
    external_id: "e".repeat(LIMITS.externalId),
    source_url: `https://jobs.example/${"p".repeat(2000)}`,
    title: "😀".repeat(400),
    company: "Ç".repeat(500),
    location: "L".repeat(1000),
    description: "d".repeat(200_000),
    requirements: "r".repeat(60_000),
    responsibilities: "😀".repeat(30_000),
    salary_min: 0,
    salary_max: LIMITS.salary,
    salary_currency: "usd",
    salary_period: "year",
    required_skills: Array.from({ length: 150 }, (_, i) => `skill ${i} ${"s".repeat(90)}`.slice(0, 100)),
    preferred_skills: ["a".repeat(101), "Rust"],
    posted_at: "2025-01-01T00:00:00Z",
    expires_at: "2099-12-31T23:59:59Z",
  });
  if (!result.ok) assert.fail(JSON.stringify(result.error));
  return result.value;
}

Deno.test({
  name: "db: parsed postings fit public.jobs, and the database computes the same fingerprint",
  ignore: !databaseUrl,
  async fn() {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query("begin");
      const postings = [...fixturePostings(), atTheCaps()];
      assert.ok(postings.length >= 12);
      const fingerprints = await insertAll(client, postings);
      assert.deepEqual(fingerprints, postings.map((p) => fingerprint(p.company, p.title, p.location)));

      // Random drafts, cleaned by finalizePosting, must insert too.
      const text = fc.string({ unit: "binary", maxLength: 400 });
      const drafts = fc.sample(
        fc.record({
          title: text,
          company: text,
          location: fc.option(text),
          external_id: fc.option(fc.oneof(text, fc.integer())),
          source_url: fc.option(fc.oneof(fc.webUrl(), text)),
          description: fc.option(text),
          salary_min: fc.option(fc.double()),
          salary_max: fc.option(fc.double()),
          salary_currency: fc.option(fc.string({ maxLength: 4 })),
          required_skills: fc.array(text, { maxLength: 5 }),
          posted_at: fc.option(fc.oneof(text, fc.integer())),
          expires_at: fc.option(fc.oneof(text, fc.integer())),
        }),
        { numRuns: 150, seed: 7 },
      );
      const random = drafts
        .map((draft) => finalizePosting({ source: "fuzz", ...draft }))
        .flatMap((result) => (result.ok ? [result.value] : []));
      assert.ok(random.length > 50, `only ${random.length} random drafts were usable`);
      const randomFingerprints = await insertAll(client, random);
      assert.deepEqual(randomFingerprints, random.map((p) => fingerprint(p.company, p.title, p.location)));
    } finally {
      await client.query("rollback");
      await client.end();
    }
  },
});
