// The ingest benchmark (issue 8 targets): N normalised postings (default 100,000) go through
// public.ingest_postings in batches (default 5,000 per call), as the service role, one transaction
// per batch, exactly as the import-jobs function calls it. Every insert maintains what the jobs
// table maintains: the generated fingerprint and weighted tsvector, the skill keys trigger, the GIN
// and trigram indexes, and the duplicate links. Then the same feed is ingested again: it must
// create 0 rows (and, within the hour, write none).
//
// Throughput is end to end from the client: JSON encoding of the batch, the round trip and the
// statement, over `connections` parallel connections (default 1: one board feed at a time).
import pg from "pg";
import { query } from "../../../scripts/lib/database.ts";
import { type Summary, summarize } from "../../lib/stats.ts";
import { type BenchPosting, generatePostings } from "./generate.ts";

export interface IngestBenchOptions {
  postings: number;
  batchSize?: number;
  connections?: number;
  seed?: number;
  log(message: string): void;
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

export interface PassResult {
  seconds: number;
  postingsPerSecond: number;
  rowsCreated: number;
  counts: Counts;
  /** Time per batch (one ingest_postings call, its transaction and round trip), milliseconds. */
  batches: Summary;
}

export interface IngestBenchResult {
  postings: number;
  batchSize: number;
  connections: number;
  generateSeconds: number;
  first: PassResult;
  again: PassResult;
  linkedDuplicates: number;
  /** The same first batch as a plain INSERT (no upsert, no dedup), rolled back: the table's own cost. */
  plainInsert: { postings: number; postingsPerSecond: number };
  /** Milliseconds per 1,000 postings of the per-row work every insert into jobs does, on that batch. */
  perThousandMs: { jsonParse: number; bodyTsvector: number; fingerprint: number; skillKeys: number };
  tableSize: string;
  indexSize: string;
  targets: { postingsPerSecond: number; rowsCreatedOnReingest: number };
}

const zero = (): Counts => ({
  received: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  reactivated: 0,
  deactivated: 0,
  linked: 0,
});

async function countJobs(url: string): Promise<number> {
  const [row] = await query<{ n: number }>(url, "select count(*)::int as n from public.jobs");
  return row.n;
}

const RECORDSET = `jsonb_to_recordset($1::jsonb) as p (
  external_id text, source_url text, title text, company text, company_url text, location text, country_code text,
  remote_type public.remote_type, employment_type public.employment_type, description text, requirements text,
  responsibilities text, salary_min integer, salary_max integer, salary_currency text,
  salary_period public.salary_period, required_skills text[], preferred_skills text[], posted_at timestamptz,
  expires_at timestamptz)`;

/** The batch as a plain INSERT ... SELECT under another source, rolled back; end to end like a pass. */
async function plainInsert(url: string, batch: BenchPosting[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("begin");
    await client.query("set local role service_role");
    await client.query(
      `insert into public.jobs (owner_id, source, external_id, source_url, title, company, company_url, location,
         country_code, remote_type, employment_type, description, requirements, responsibilities, salary_min,
         salary_max, salary_currency, salary_period, required_skills, preferred_skills, posted_at, expires_at)
       select null, 'bench-baseline', p.external_id, p.source_url, p.title, p.company, p.company_url, p.location,
         p.country_code, p.remote_type, p.employment_type, p.description, p.requirements, p.responsibilities,
         p.salary_min, p.salary_max, p.salary_currency, p.salary_period, p.required_skills, p.preferred_skills,
         p.posted_at, p.expires_at
       from ${RECORDSET}`,
      [JSON.stringify(batch)],
    );
    const seconds = (performance.now() - started) / 1000;
    await client.query("rollback");
    return batch.length / seconds;
  } finally {
    await client.end();
  }
}

/** What each piece of the per-row work costs, evaluated alone over the batch (the JSON parse subtracted). */
async function perRowCosts(url: string, batch: BenchPosting[]): Promise<IngestBenchResult["perThousandMs"]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const json = JSON.stringify(batch);
  const time = async (expression: string) => {
    const started = performance.now();
    await client.query(`select count(*) from ${RECORDSET} where (${expression}) is not null`, [json]);
    return performance.now() - started;
  };
  try {
    await time("p.title"); // warm-up
    const parse = await time("p.title");
    const per1000 = (ms: number) => Number(((Math.max(0, ms - parse) * 1000) / batch.length).toFixed(1));
    return {
      jsonParse: Number(((parse * 1000) / batch.length).toFixed(1)),
      // The generated search_vector's expression (20261125181200_jobs.sql).
      bodyTsvector: per1000(
        await time(`pg_catalog.setweight(pg_catalog.to_tsvector('private.english_unaccent'::regconfig, p.title), 'A')
          || pg_catalog.setweight(pg_catalog.to_tsvector('private.english_unaccent'::regconfig, p.company || ' ' || private.immutable_array_to_string(p.required_skills || p.preferred_skills)), 'B')
          || pg_catalog.setweight(pg_catalog.to_tsvector('private.english_unaccent'::regconfig,
               pg_catalog.left(coalesce(p.description, '') || ' ' || coalesce(p.requirements, '') || ' ' || coalesce(p.responsibilities, ''), 200000)), 'C')`),
      ),
      fingerprint: per1000(await time("private.job_fingerprint(p.company, p.title, p.location)")),
      skillKeys: per1000(await time("private.skill_keys(p.required_skills) || private.skill_keys(p.preferred_skills)")),
    };
  } finally {
    await client.end();
  }
}

/** One pass over all batches with `connections` workers taking the next batch as they finish. */
async function ingestPass(url: string, batches: BenchPosting[][], connections: number): Promise<PassResult> {
  const before = await countJobs(url);
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  }));
  const counts = zero();
  const batchMs: number[] = [];
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(clients.map(async (client) => {
      for (let index = next++; index < batches.length; index = next++) {
        const batchStarted = performance.now();
        await client.query("begin");
        try {
          await client.query("set local role service_role");
          const { rows } = await client.query<Counts>(
            "select * from public.ingest_postings($1, null, $2::jsonb, false)",
            [batches[index][0].source, JSON.stringify(batches[index])],
          );
          await client.query("commit");
          for (const key of Object.keys(counts) as Array<keyof Counts>) counts[key] += rows[0][key];
        } catch (error) {
          await client.query("rollback").catch(() => {});
          throw error;
        }
        batchMs.push(performance.now() - batchStarted);
      }
    }));
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
  const seconds = (performance.now() - started) / 1000;
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  return {
    seconds,
    postingsPerSecond: total / seconds,
    rowsCreated: (await countJobs(url)) - before,
    counts,
    batches: summarize(batchMs),
  };
}

export async function runIngestBench(url: string, options: IngestBenchOptions): Promise<IngestBenchResult> {
  const batchSize = options.batchSize ?? 5_000;
  const connections = options.connections ?? 1;
  options.log(`ingest: generating ${options.postings} postings in memory`);
  const generateStarted = performance.now();
  const postings = generatePostings({ postings: options.postings, seed: options.seed ?? 42 });
  const batches: BenchPosting[][] = [];
  for (let i = 0; i < postings.length; i += batchSize) batches.push(postings.slice(i, i + batchSize));
  const generateSeconds = (performance.now() - generateStarted) / 1000;

  options.log(`ingest: first pass, ${batches.length} batches of ${batchSize} over ${connections} connection(s)`);
  const first = await ingestPass(url, batches, connections);
  options.log(`ingest: first pass ${first.postingsPerSecond.toFixed(0)} postings/s; vacuum analyze`);
  // What a scheduler would see between two runs of the same feed; not timed.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query("vacuum analyze public.jobs");
  } finally {
    await admin.end();
  }
  options.log("ingest: second pass, the same feed again");
  const again = await ingestPass(url, batches, connections);

  options.log("ingest: the first batch as a plain INSERT (rolled back), and the per-row costs");
  const plain = await plainInsert(url, batches[0]);
  const perThousandMs = await perRowCosts(url, batches[0]);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ linked: number; table_size: string; index_size: string }>(
      `select (select count(*)::int from public.jobs where canonical_job_id is not null) as linked,
              pg_size_pretty(pg_table_size('public.jobs')) as table_size,
              pg_size_pretty(pg_indexes_size('public.jobs')) as index_size`,
    );
    return {
      postings: postings.length,
      batchSize,
      connections,
      generateSeconds,
      first,
      again,
      linkedDuplicates: rows[0].linked,
      plainInsert: { postings: batches[0].length, postingsPerSecond: plain },
      perThousandMs,
      tableSize: rows[0].table_size,
      indexSize: rows[0].index_size,
      targets: { postingsPerSecond: 20_000, rowsCreatedOnReingest: 0 },
    };
  } finally {
    await client.end();
  }
}

