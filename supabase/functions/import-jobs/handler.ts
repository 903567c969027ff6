// POST /functions/v1/import-jobs: postings in from the outside world.
//
// A signed-in user posts { url }: the page is fetched through the SSRF guard, its schema.org
// JobPosting parsed (skills normalised through the dictionary) and saved as the user's private
// posting, unless the board already has it: a shared posting with the same (source, external_id)
// or the same fingerprint is returned instead of a private duplicate. Re-importing a URL returns
// the same posting and changes nothing unless the page changed.
//
// The service role posts a batch for the shared board: { source: "greenhouse", board },
// { source: "lever", company } (the board's API is fetched through the same guard and the whole
// board ingested as a full refresh) or { postings: [...] } already normalised. Everything goes
// through public.ingest_postings, which returns the counts.
//
// Failures of the outside world are never 500s: a refused URL is 400 with the guard's code
// (blocked_address, blocked_port, invalid_url), a page without a posting 422, an upstream that
// fails 502 and one that takes too long 504, each in the error envelope.
import { z } from "zod";
import { asUser, type AuthConfig, authConfigFromEnv, type Caller, verifyCaller } from "../_shared/auth.ts";
import { type Tx, withCaller } from "../_shared/db.ts";
import { createHandler, json, parseWith, readJsonBody } from "../_shared/http.ts";
import type { ImportErrorCode, ImportFailure } from "../_shared/import/errors.ts";
import { guardedFetch, type GuardedFetchOptions } from "../_shared/import/fetch.ts";
import { fingerprint } from "../_shared/import/fingerprint.ts";
import type { BoardParse } from "../_shared/import/board.ts";
import { parseGreenhouseBoardJson } from "../_shared/import/greenhouse.ts";
import { parseJsonLdPageBytes } from "../_shared/import/jsonld.ts";
import { parseLeverPostingsJson } from "../_shared/import/lever.ts";
import { type NormalizedPosting, NormalizedPostingSchema } from "../_shared/import/posting.ts";
import { catchPostgres } from "../_shared/pg-errors.ts";
import { fail, ok, type Result } from "../_shared/result.ts";
import { canonicalSkills, dictionaryFrom, type SkillDictionary, skillKey } from "../_shared/skills.ts";

/** Where the board APIs live in production. Not configurable by environment. */
export const GREENHOUSE_API = "https://boards-api.greenhouse.io";
export const LEVER_API = "https://api.lever.co";

/** A user's body is a URL: 16 KiB is plenty. A batch may carry 5,000 postings. */
export const USER_BODY_BYTES = 16 * 1024;
export const BATCH_BODY_BYTES = 32 * 1024 * 1024;
export const MAX_BATCH_POSTINGS = 5_000;

/** A posting page: the fetcher's defaults (10 s, 2 MB), HTML only. */
const PAGE_FETCH = { accept: ["text/html", "application/xhtml+xml"] } satisfies GuardedFetchOptions;
/** A board feed holds every posting with its full text: larger and slower than a page. */
const BOARD_FETCH = {
  accept: ["application/json"],
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 30_000,
} satisfies GuardedFetchOptions;

export interface ImportJobsOptions {
  /** JWT verification; the project's secret or JWKS from the environment by default. */
  auth?: AuthConfig;
  /**
   * TESTS ONLY: options added to every guarded fetch, so tests can reach a loopback fixture server
   * (allowLoopbackForTests), resolve made-up names (resolver) and shorten the deadline. The
   * deployed function (index.ts) passes none, and nothing in the environment can set them.
   */
  fetchForTests?: Pick<GuardedFetchOptions, "allowLoopbackForTests" | "resolver" | "timeoutMs" | "maxBytes">;
  /** TESTS ONLY: the board APIs' origins (a fixture server). Still fetched through the SSRF guard. */
  boardApisForTests?: { greenhouse?: string; lever?: string };
  /** How long the skill dictionary is reused before it is read again (default 5 minutes). */
  dictionaryMaxAgeMs?: number;
}

// Section: request bodies
const urlRequest = z.strictObject({ url: z.string().trim().min(1).max(2048) });

const boardToken = z.string().regex(
  /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/,
  "letters, digits, '.', '_' and '-' only (at most 100)",
);
const boardRequest = z.discriminatedUnion("source", [
  z.strictObject({ source: z.literal("greenhouse"), board: boardToken }),
  z.strictObject({ source: z.literal("lever"), company: boardToken }),
]);
const postingsRequest = z.strictObject({
  postings: z
    .array(NormalizedPostingSchema.refine((p) => p.external_id !== null, {
      message: "a batch posting needs an external_id (it is how the next run recognises it)",
      path: ["external_id"],
    }))
    .min(1)
    .max(MAX_BATCH_POSTINGS),
  /** The board within each posting's source, if the batch is one board's (no full refresh here). */
  board: boardToken.optional(),
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// Section: import failures as responses
/** HTTP status of each guard and parser failure; the envelope's code is the import code itself. */
function statusOf(code: ImportErrorCode, target: "page" | "board"): number {
  switch (code) {
    case "invalid_url":
    case "blocked_port":
    case "blocked_address":
      return 400; // refused by the SSRF guard: the caller's URL, not the upstream
    case "timeout":
      return 504;
    case "no_job_posting":
    case "invalid_posting":
    case "unsupported_content_type":
      // A page that works but holds no importable posting is the caller's problem; a board API
      // answering in another format is the upstream's.
      return target === "page" ? 422 : 502;
    default:
      // dns_failed, too_many_redirects, bad_redirect, upstream_status, too_large, network_error,
      // invalid_json, unexpected_shape: the upstream failed us.
      return 502;
  }
}

function importFailure(error: ImportFailure, target: "page" | "board", requestId: string): Result<Response> {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      request_id: requestId,
    },
  };
  return ok(json(body, statusOf(error.code, target), { "x-request-id": requestId }));
}

// Section: the skill dictionary
let cachedDictionary: { at: number; dictionary: SkillDictionary } | undefined;

async function loadDictionary(caller: Caller, maxAgeMs: number): Promise<SkillDictionary> {
  if (cachedDictionary && Date.now() - cachedDictionary.at < maxAgeMs) return cachedDictionary.dictionary;
  const rows = await withCaller(caller, async (tx) => {
    const { rows } = await tx.query<{ alias: string; name: string }>(
      "select a.alias, a.skill_name as name from public.skill_aliases a",
    );
    return rows;
  });
  cachedDictionary = { at: Date.now(), dictionary: dictionaryFrom(rows) };
  return cachedDictionary.dictionary;
}

// Section: a user's URL import
/** Posting columns a re-import may refresh, with the casts their parameters need. */
const POSTING_COLUMNS: ReadonlyArray<[keyof NormalizedPosting, string]> = [
  ["source_url", ""],
  ["title", ""],
  ["company", ""],
  ["company_url", ""],
  ["location", ""],
  ["country_code", ""],
  ["remote_type", "::public.remote_type"],
  ["employment_type", "::public.employment_type"],
  ["description", ""],
  ["requirements", ""],
  ["responsibilities", ""],
  ["salary_min", "::integer"],
  ["salary_max", "::integer"],
  ["salary_currency", ""],
  ["salary_period", "::public.salary_period"],
  ["required_skills", "::text[]"],
  ["preferred_skills", "::text[]"],
  ["posted_at", "::timestamptz"],
  ["expires_at", "::timestamptz"],
];
const columnList = POSTING_COLUMNS.map(([column]) => column).join(", ");
const placeholders = (from: number) => POSTING_COLUMNS.map(([, cast], i) => `$${from + i}${cast}`).join(", ");
const postingValues = (posting: NormalizedPosting) => POSTING_COLUMNS.map(([column]) => posting[column]);

/** A posting as the API returns it: the row without internals, with its likely_stale flag. */
const JOB_JSON = `to_jsonb(j) - array['search_vector', 'required_skill_keys', 'preferred_skill_keys']
  || jsonb_build_object('likely_stale', public.likely_stale(j))`;

type UrlImportResult = "created" | "updated" | "unchanged" | "linked";
type MatchedBy = "source_external_id" | "fingerprint" | null;

async function jobById(tx: Tx, id: string): Promise<unknown> {
  const { rows } = await tx.query(`select ${JOB_JSON} as job from public.jobs j where j.id = $1`, [id]);
  return rows[0]?.job;
}

async function firstId(tx: Tx, sql: string, params: unknown[]): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(sql, params);
  return rows[0]?.id;
}

/**
 * Saves the parsed posting for the user, in one transaction as the user (RLS applies), in this
 * order: their own import of the same (source, external_id) is refreshed if the page changed;
 * else a shared posting with that key, or with the same fingerprint (active first, then the
 * earliest), is returned as it is; else their own import of the same job from another URL; else a
 * new private posting.
 */
function saveForUser(caller: Caller & { userId: string }, posting: NormalizedPosting) {
  return withCaller(caller, async (tx) => {
    const done = async (result: UrlImportResult, matchedBy: MatchedBy, id: string) => ({
      result,
      matched_by: matchedBy,
      job: await jobById(tx, id),
    });
    const userId = caller.userId;
    const key = posting.external_id;
    const print = fingerprint(posting.company, posting.title, posting.location);

    if (key !== null) {
      const own = await firstId(
        tx,
        "select id from public.jobs where owner_id = $1 and source = $2 and external_id = $3",
        [userId, posting.source, key],
      );
      if (own) {
        const changed = await firstId(
          tx,
          `update public.jobs set (${columnList}) = row(${placeholders(2)})
            where id = $1 and (${columnList}) is distinct from (${placeholders(2)})
            returning id`,
          [own, ...postingValues(posting)],
        );
        return await done(changed ? "updated" : "unchanged", "source_external_id", own);
      }
      const shared = await firstId(
        tx,
        "select id from public.jobs where owner_id is null and source = $1 and external_id = $2",
        [posting.source, key],
      );
      if (shared) return await done("linked", "source_external_id", shared);
    }
    const sameJob = await firstId(
      tx,
      `select id from public.jobs where owner_id is null and fingerprint = $1
        order by is_active desc, first_seen_at, id limit 1`,
      [print],
    );
    if (sameJob) return await done("linked", "fingerprint", sameJob);
    const ownSameJob = await firstId(
      tx,
      "select id from public.jobs where owner_id = $1 and fingerprint = $2 order by created_at, id limit 1",
      [userId, print],
    );
    if (ownSameJob) return await done("unchanged", "fingerprint", ownSameJob);

    const created = await firstId(
      tx,
      `insert into public.jobs (owner_id, source, external_id, ${columnList})
       values ($1, $2, $3, ${placeholders(4)})
       on conflict (owner_id, source, external_id) where owner_id is not null and external_id is not null
       do nothing
       returning id`,
      [userId, posting.source, key, ...postingValues(posting)],
    );
    if (created) return await done("created", null, created);
    // The same URL imported by a concurrent request of the same user: theirs won.
    const raced = await firstId(
      tx,
      "select id from public.jobs where owner_id = $1 and source = $2 and external_id = $3",
      [userId, posting.source, key],
    );
    if (!raced) throw new Error("import conflicted with a posting that is not there");
    return await done("unchanged", "source_external_id", raced);
  });
}

// Section: batches for the shared board
interface IngestCounts {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  reactivated: number;
  deactivated: number;
  linked: number;
}

const COUNT_KEYS = ["received", "inserted", "updated", "unchanged", "reactivated", "deactivated", "linked"] as const;

/** Skills as the dictionary spells them; a skill both required and preferred is required. */
function withCanonicalSkills(dictionary: SkillDictionary, posting: NormalizedPosting): NormalizedPosting {
  const required = canonicalSkills(dictionary, posting.required_skills);
  const requiredKeys = new Set(required.map(skillKey));
  const preferred = canonicalSkills(dictionary, posting.preferred_skills).filter((skill) =>
    !requiredKeys.has(skillKey(skill))
  );
  return { ...posting, required_skills: required, preferred_skills: preferred };
}

/** Ingests postings grouped by source, one ingest_postings call per source, in one transaction. */
function ingest(caller: Caller, postings: readonly NormalizedPosting[], board: string | null, fullRefresh: boolean) {
  return withCaller(caller, async (tx) => {
    const bySource = new Map<string, NormalizedPosting[]>();
    for (const posting of postings) {
      const group = bySource.get(posting.source);
      if (group) group.push(posting);
      else bySource.set(posting.source, [posting]);
    }
    const counts = Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as unknown as IngestCounts;
    for (const [source, group] of bySource) {
      const { rows } = await tx.query<IngestCounts>(
        "select * from public.ingest_postings($1, $2, $3::jsonb, $4)",
        [source, board, JSON.stringify(group), fullRefresh],
      );
      for (const key of COUNT_KEYS) counts[key] += rows[0][key];
    }
    return counts;
  });
}

// Section: the handler
export function createImportJobsHandler(options: ImportJobsOptions = {}): (request: Request) => Promise<Response> {
  const testFetch = options.fetchForTests ?? {};
  const greenhouseApi = options.boardApisForTests?.greenhouse ?? GREENHOUSE_API;
  const leverApi = options.boardApisForTests?.lever ?? LEVER_API;
  const dictionaryMaxAge = options.dictionaryMaxAgeMs ?? 5 * 60_000;

  async function importUrl(
    caller: Caller & { userId: string },
    body: unknown,
    requestId: string,
  ): Promise<Result<Response>> {
    const input = parseWith(urlRequest, body);
    if (!input.ok) return input;
    const page = await guardedFetch(input.value.url, { ...PAGE_FETCH, ...testFetch });
    if (!page.ok) return importFailure(page.error, "page", requestId);
    const dictionary = await loadDictionary(caller, dictionaryMaxAge);
    const parsed = parseJsonLdPageBytes(
      { bytes: page.value.bytes, url: page.value.url, contentType: page.value.contentType },
      { dictionary, source: "url" },
    );
    if (!parsed.ok) return importFailure(parsed.error, "page", requestId);
    return await catchPostgres(async () => {
      const saved = await saveForUser(caller, parsed.value);
      return ok(json(saved, saved.result === "created" ? 201 : 200));
    });
  }

  async function fetchBoard(
    request: z.infer<typeof boardRequest>,
    dictionary: SkillDictionary,
  ): Promise<{ ok: true; board: string; parse: BoardParse } | { ok: false; error: ImportFailure }> {
    const board = request.source === "greenhouse" ? request.board : request.company;
    const url = request.source === "greenhouse"
      ? `${greenhouseApi}/v1/boards/${encodeURIComponent(board)}/jobs?content=true`
      : `${leverApi}/v0/postings/${encodeURIComponent(board)}?mode=json`;
    const fetched = await guardedFetch(url, { ...BOARD_FETCH, ...testFetch });
    if (!fetched.ok) return fetched;
    const text = new TextDecoder().decode(fetched.value.bytes);
    const parsed = request.source === "greenhouse"
      ? parseGreenhouseBoardJson(text, { dictionary, board })
      : parseLeverPostingsJson(text, { dictionary, company: board });
    return parsed.ok ? { ok: true, board, parse: parsed.value } : parsed;
  }

  async function importBatch(caller: Caller, body: unknown, requestId: string): Promise<Result<Response>> {
    if (isObject(body) && "postings" in body) {
      const input = parseWith(postingsRequest, body);
      if (!input.ok) return input;
      const dictionary = await loadDictionary(caller, dictionaryMaxAge);
      const postings = input.value.postings.map((posting) => withCanonicalSkills(dictionary, posting));
      return await catchPostgres(async () => {
        const counts = await ingest(caller, postings, input.value.board ?? null, false);
        return ok(json({ board: input.value.board ?? null, full_refresh: false, rejected: [], counts }));
      });
    }
    const input = parseWith(boardRequest, body);
    if (!input.ok) return input;
    const dictionary = await loadDictionary(caller, dictionaryMaxAge);
    const fetched = await fetchBoard(input.value, dictionary);
    if (!fetched.ok) return importFailure(fetched.error, "board", requestId);
    const { board, parse } = fetched;
    const usable = parse.postings.filter((posting) => posting.external_id !== null);
    // A job the parser could not read is missing from the postings but not from the board: a full
    // refresh would deactivate it. Only a feed read in full is a full refresh.
    const fullRefresh = parse.rejected.length === 0 && usable.length === parse.postings.length;
    return await catchPostgres(async () => {
      const counts = await ingest(caller, usable, board, fullRefresh);
      return ok(json({
        source: input.value.source,
        board,
        full_refresh: fullRefresh,
        rejected: parse.rejected,
        counts,
      }));
    });
  }

  return createHandler("import-jobs", {
    methods: ["POST"],
    async handle(request, requestId) {
      const verified = await verifyCaller(request, options.auth ?? authConfigFromEnv());
      if (!verified.ok) return verified;
      const caller = verified.value;
      if (caller.role === "service_role") {
        const body = await readJsonBody(request, BATCH_BODY_BYTES);
        if (!body.ok) return body;
        if (isObject(body.value) && "url" in body.value) {
          return fail("forbidden", "URL import saves a user's private posting: call it with the user's access token.");
        }
        return await importBatch(caller, body.value, requestId);
      }
      const user = asUser(caller, "Sign in: importing a posting needs a user's access token.");
      if (!user.ok) return user;
      const body = await readJsonBody(request, USER_BODY_BYTES);
      if (!body.ok) return body;
      if (isObject(body.value) && ("postings" in body.value || "source" in body.value)) {
        return fail("forbidden", "Batch imports into the shared board are for the service role only.");
      }
      return await importUrl(user.value, body.value, requestId);
    },
  });
}

/** The deployed handler: production fetch rules, the real board APIs. */
export const handler = createImportJobsHandler();
