// What generate-cv and generate-cover-letter share: reading the caller's inputs under RLS, the
// transaction that rolls back on an expected failure, the database's own quota check before an LLM
// is asked, the optional LLM client, the provenance stored with every document, and attaching a new
// version to the caller's draft application.
//
// Transactions. The deterministic path is one transaction: read, generate, insert, attach. With an
// LLM, the read (plus a quota probe) and the write are two transactions around the LLM call, so no
// pooled connection idles in a transaction for up to the LLM's timeout and an over-quota user costs
// no LLM call; the write (version, quota, attach) is still one transaction, enforced by the database.
import type { Caller } from "./auth.ts";
import { type Tx, withCaller } from "./db.ts";
import { catchPostgres } from "./pg-errors.ts";
import { fail, type Failure, ok, type Result } from "./result.ts";
import { dictionaryFrom, type SkillDictionary } from "./skills.ts";
import type { MatchScore } from "./tailoring/analysis.ts";
import type { GroundingResult } from "./tailoring/grounding.ts";
import { createLlmClient, type ImproveResult, type LlmClient, llmConfigFromEnv } from "./tailoring/llm.ts";
import {
  issuesOf,
  type Job,
  JobSchema,
  type Profile,
  ProfileSchema,
  type Project,
  ProjectSchema,
} from "./tailoring/rows.ts";

// ---------------------------------------------------------------------------------------------
// Transactions that roll back on a Failure

/** Thrown inside withCaller so that an expected failure rolls the transaction back. */
class RollbackWith extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/**
 * Runs `work` in one transaction as the caller. A Failure returned by `work` rolls everything back
 * (nothing of the request is written) and is returned as is; expected database errors (quota,
 * frozen documents, constraints) become failures through catchPostgres; the unexpected still throws.
 */
export async function transaction<T>(caller: Caller, work: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await catchPostgres(() =>
      withCaller(caller, async (tx) => {
        const result = await work(tx);
        if (!result.ok) throw new RollbackWith(result.error);
        return result;
      })
    );
  } catch (error) {
    if (error instanceof RollbackWith) return { ok: false, error: error.failure };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs, read as the caller (RLS decides what exists)

export interface GenerationInputs {
  profile: Profile;
  projects: Project[];
  job: Job & { id: string };
  dictionary: SkillDictionary;
}

// Dates as text: node-postgres would turn `date` into a local-time Date, the schemas want YYYY-MM-DD.
const PROFILE_SQL = `select id, full_name, headline, email, phone, location, website_url, linkedin_url, github_url,
                            summary, skills, work_experience, education, target_roles
                       from public.profiles where id = (select auth.uid())`;
const PROJECTS_SQL = `select id, name, role, description, url, repository_url, start_date::text as start_date,
                             end_date::text as end_date, technologies, achievements, metrics, relevance_tags, is_featured
                        from public.projects where user_id = (select auth.uid())
                       order by created_at, id`;
const JOB_SQL = `select id, title, company, location, remote_type::text as remote_type,
                        employment_type::text as employment_type, description, requirements, responsibilities,
                        required_skills, preferred_skills
                   from public.jobs where id = $1`;
const DICTIONARY_SQL = "select alias, skill_name as name from public.skill_aliases";

/**
 * The caller's profile and projects, the posting (404 when the caller cannot see it: someone
 * else's private import looks exactly like a missing one) and the skill dictionary.
 */
export async function loadInputs(tx: Tx, jobId: string): Promise<Result<GenerationInputs>> {
  const jobRows = (await tx.query(JOB_SQL, [jobId])).rows;
  if (jobRows.length === 0) return fail("not_found", "No posting with this id is visible to you.");
  const [profileRows, projectRows, dictionaryRows] = [
    (await tx.query(PROFILE_SQL)).rows,
    (await tx.query(PROJECTS_SQL)).rows,
    (await tx.query<{ alias: string; name: string }>(DICTIONARY_SQL)).rows,
  ];
  if (profileRows.length === 0) return fail("not_found", "Your profile does not exist.");

  const profile = ProfileSchema.safeParse(profileRows[0]);
  if (!profile.success) {
    return fail("validation_failed", "Your profile holds values the generator cannot read.", {
      issues: issuesOf(profile.error),
    });
  }
  const projects: Project[] = [];
  for (const row of projectRows) {
    const project = ProjectSchema.safeParse(row);
    if (!project.success) {
      return fail("validation_failed", `Your project "${row.name}" holds values the generator cannot read.`, {
        issues: issuesOf(project.error),
      });
    }
    projects.push(project.data);
  }
  const job = JobSchema.safeParse(jobRows[0]);
  if (!job.success) {
    return fail("validation_failed", "The posting holds values the generator cannot read.", {
      issues: issuesOf(job.error),
    });
  }
  return ok({
    profile: profile.data,
    projects,
    job: { ...job.data, id: jobId },
    dictionary: dictionaryFrom(dictionaryRows),
  });
}

/**
 * Asks the database whether the caller may generate one more document now, before any LLM is
 * paid for: the real insert is tried under a savepoint and undone. The quota and visibility
 * triggers run exactly as they will for the real row (PT429 with the reset time when the quota is
 * used up), so there is one rule, in the database. The advisory locks the triggers take are held
 * until this (short, read-only) transaction ends. The real insert checks again: a race between two
 * probes costs at most an LLM call, never a document over quota.
 */
export async function probeQuota(tx: Tx, table: "generated_cvs" | "cover_letters", jobId: string): Promise<void> {
  const insert = table === "generated_cvs"
    ? "insert into public.generated_cvs (job_id, content, generator) values ($1, '{}', 'deterministic')"
    : "insert into public.cover_letters (job_id, body, generator) values ($1, '-', 'deterministic')";
  await tx.query("savepoint quota_probe");
  try {
    await tx.query(insert, [jobId]);
  } finally {
    await tx.query("rollback to savepoint quota_probe");
  }
}

// ---------------------------------------------------------------------------------------------
// Attaching a new version to the caller's application

/**
 * Points the caller's application for this posting at the new document. It must exist and still be
 * a draft: once sent, its documents are the record of what the employer received (the database's
 * freeze trigger refuses the change too, PT409, should the status move under us). A failure here
 * is returned inside the generating transaction, so the new version is rolled back with it.
 */
export async function attachToApplication(
  tx: Tx,
  jobId: string,
  column: "cv_id" | "cover_letter_id",
  documentId: string,
): Promise<Result<string>> {
  const { rows } = await tx.query<{ id: string; status: string }>(
    `select id, status::text as status from public.applications
      where job_id = $1 and user_id = (select auth.uid()) for update`,
    [jobId],
  );
  const application = rows[0];
  if (!application) {
    return fail("conflict", "You have no application for this posting; create a draft application to attach to.", {
      reason: "no_application",
    });
  }
  if (application.status !== "draft") {
    return fail(
      "conflict",
      `The application has been sent (status ${application.status}); its documents can no longer change.`,
      { reason: "document_frozen", status: application.status },
    );
  }
  // `column` is one of two literals (typed above), never user input.
  await tx.query(`update public.applications set ${column} = $2 where id = $1`, [application.id, documentId]);
  return ok(application.id);
}

// ---------------------------------------------------------------------------------------------
// The optional LLM and provenance

export interface LlmSetup {
  client: LlmClient | null;
  /** Why there is no client although one was asked for. */
  problem?: "not_configured" | "invalid_configuration";
}

/** The LLM from LLM_BASE_URL, LLM_API_KEY and LLM_MODEL; none when unset or incomplete. */
export function llmFromEnv(): LlmSetup {
  const config = llmConfigFromEnv({
    LLM_BASE_URL: Deno.env.get("LLM_BASE_URL"),
    LLM_API_KEY: Deno.env.get("LLM_API_KEY"),
    LLM_MODEL: Deno.env.get("LLM_MODEL"),
  });
  if (!config.ok) return { client: null, problem: "invalid_configuration" };
  if (!config.value) return { client: null, problem: "not_configured" };
  const client = createLlmClient(config.value);
  return client.ok ? { client: client.value } : { client: null, problem: "invalid_configuration" };
}

/** The provenance columns every generated row stores. */
export interface Provenance {
  generator: "deterministic" | "llm";
  model: string | null;
  prompt_version: string | null;
  /** The grounding check of the LLM's draft ({passed, unsupported, ...}); null when no LLM was asked. */
  grounding: Record<string, unknown> | null;
}

/** What the response says about the LLM: asked for, used, and if not, why. */
export interface LlmReport {
  requested: boolean;
  used: boolean;
  fallback_reason: string | null;
  model: string | null;
  unsupported?: GroundingResult["unsupported"];
}

export const DETERMINISTIC: Provenance = {
  generator: "deterministic",
  model: null,
  prompt_version: null,
  grounding: null,
};

export function notRequested(): { provenance: Provenance; llm: LlmReport } {
  return {
    provenance: DETERMINISTIC,
    llm: { requested: false, used: false, fallback_reason: null, model: null },
  };
}

export function unavailable(reason: string): { provenance: Provenance; llm: LlmReport } {
  return {
    provenance: DETERMINISTIC,
    llm: { requested: true, used: false, fallback_reason: reason, model: null },
  };
}

/** Provenance of an improveWithLlm outcome: used or rejected, the model asked and the check's verdict. */
export function fromImprove(result: ImproveResult, task: string): { provenance: Provenance; llm: LlmReport } {
  const grounding: Record<string, unknown> | null = result.model
    ? {
      passed: result.grounding?.passed ?? null,
      unsupported: result.grounding?.unsupported ?? [],
      task,
      fallback_reason: result.fallbackReason,
      ...(result.error ? { error: llmErrorSummary(result.error) } : {}),
    }
    : null;
  const llm: LlmReport = {
    requested: true,
    used: result.generator === "llm",
    fallback_reason: result.fallbackReason,
    model: result.model,
  };
  if (result.grounding && !result.grounding.passed) llm.unsupported = result.grounding.unsupported;
  return {
    provenance: {
      generator: result.generator,
      model: result.model,
      prompt_version: result.promptVersion,
      grounding,
    },
    llm,
  };
}

type Outcome = { provenance: Provenance; llm: LlmReport };

/** The steps of one document generation; runGeneration places the transactions and the LLM call. */
export interface GenerationFlow<Loaded, Prepared, Saved> {
  /** The table whose daily quota applies; probed before an LLM call, so an over-quota user costs none. */
  table: "generated_cvs" | "cover_letters";
  jobId: string;
  /** Reads what the document is made from, as the caller. */
  load(tx: Tx): Promise<Result<Loaded>>;
  /** Asks the LLM to improve its part of the document: its accepted text, or null (kept deterministic). */
  improve(loaded: Loaded, client: LlmClient, signal: AbortSignal): Promise<{ text: string | null } & Outcome>;
  /** The document, with the LLM's accepted text when there is one. */
  prepare(loaded: Loaded, llmText: string | null): Result<Prepared>;
  /** Stores it (and attaches it when asked), as the caller. */
  persist(tx: Tx, loaded: Loaded, prepared: Prepared, provenance: Provenance): Promise<Result<Saved>>;
}

export interface Generation<Loaded, Prepared, Saved> {
  loaded: Loaded;
  prepared: Prepared;
  saved: Saved;
  llm: LlmReport;
}

/**
 * Runs a generation. Without an LLM: read, prepare and write in one transaction. With one: read
 * and probe the quota, ask the LLM outside any transaction (no pooled connection idles in a
 * transaction for the seconds it takes), then write in a second transaction.
 */
export async function runGeneration<Loaded, Prepared, Saved>(
  caller: Caller,
  useLlm: boolean,
  flow: GenerationFlow<Loaded, Prepared, Saved>,
  signal: AbortSignal,
): Promise<Result<Generation<Loaded, Prepared, Saved>>> {
  const llm = useLlm ? llmFromEnv() : null;

  if (!llm?.client) {
    const outcome = llm ? unavailable(llm.problem ?? "not_configured") : notRequested();
    return await transaction(caller, async (tx) => {
      const loaded = await flow.load(tx);
      if (!loaded.ok) return loaded;
      const prepared = flow.prepare(loaded.value, null);
      if (!prepared.ok) return prepared;
      const saved = await flow.persist(tx, loaded.value, prepared.value, outcome.provenance);
      if (!saved.ok) return saved;
      return ok({ loaded: loaded.value, prepared: prepared.value, saved: saved.value, llm: outcome.llm });
    });
  }

  const loaded = await transaction(caller, async (tx) => {
    const read = await flow.load(tx);
    if (!read.ok) return read;
    await probeQuota(tx, flow.table, flow.jobId);
    return read;
  });
  if (!loaded.ok) return loaded;
  const improved = await flow.improve(loaded.value, llm.client, signal);
  const prepared = flow.prepare(loaded.value, improved.text);
  if (!prepared.ok) return prepared;
  return await transaction(caller, async (tx) => {
    const saved = await flow.persist(tx, loaded.value, prepared.value, improved.provenance);
    if (!saved.ok) return saved;
    return ok({ loaded: loaded.value, prepared: prepared.value, saved: saved.value, llm: improved.llm });
  });
}

/** An LLM error as stored: its code and kind, never the message (it may quote the provider). */
function llmErrorSummary(error: Failure): Record<string, unknown> {
  const details = error.details as { kind?: unknown; status?: unknown } | undefined;
  const summary: Record<string, unknown> = { code: error.code };
  if (typeof details?.kind === "string") summary.kind = details.kind;
  if (typeof details?.status === "number") summary.status = details.status;
  return summary;
}

/** Score fields as the response shows them (snake_case, like the stored columns). */
export function scoreReport(score: MatchScore) {
  return {
    score: score.score,
    matched: score.matched,
    missing_required: score.missingRequired,
    missing_preferred: score.missingPreferred,
    missing_mentioned: score.missingMentioned,
    explanation: score.explanation,
  };
}

/** A list that fits the generated_cvs skill columns (at most 100 trimmed items of <= 200 characters). */
export function skillColumn(skills: readonly string[]): string[] {
  return skills.map((skill) => skill.trim()).filter((skill) => skill && skill.length <= 200).slice(0, 100);
}
