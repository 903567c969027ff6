// POST /functions/v1/generate-cover-letter: a new cover-letter version for one posting, in the
// chosen tone and within a word limit. The deterministic draft states only the caller's own facts
// (tailoring/tailor.ts draftCoverLetter); an LLM may rewrite the prose when asked and configured,
// kept only if it passes the grounding check. Versions, the daily quota (429) and the draft-only
// rule for `attach` (409, nothing written) are the database's, exactly as for generate-cv.
import { z } from "zod";
import { requireUser } from "../_shared/auth.ts";
import type { Tx } from "../_shared/db.ts";
import { createHandler, json, readJson } from "../_shared/http.ts";
import { ok, type Result } from "../_shared/result.ts";
import { scoreMatch } from "../_shared/tailoring/analysis.ts";
import { factsFromProfile } from "../_shared/tailoring/grounding.ts";
import { improveWithLlm } from "../_shared/tailoring/llm.ts";
import { type CoverLetterDraft, draftCoverLetter, LetterToneSchema } from "../_shared/tailoring/tailor.ts";
import { wordCount } from "../_shared/tailoring/text.ts";
import {
  attachToApplication,
  fromImprove,
  type GenerationFlow,
  type GenerationInputs,
  loadInputs,
  type Provenance,
  runGeneration,
  scoreReport,
} from "../_shared/generation.ts";

/** Mirrors public.cover_letters: tone enum, max_words 50..1000. Unknown fields are rejected. */
export const requestSchema = z.strictObject({
  job_id: z.uuid(),
  tone: LetterToneSchema,
  max_words: z.int().min(50).max(1000).optional(),
  /** Also set the caller's (draft) application for this posting to the new letter. */
  attach: z.boolean().default(false),
  /** Let the configured LLM rewrite the prose; the deterministic letter is kept if it fails the grounding check. */
  use_llm: z.boolean().default(false),
});
export type GenerateCoverLetterRequest = z.infer<typeof requestSchema>;

interface Prepared {
  drafted: Drafted;
  /** The letter as stored: the LLM's accepted rewrite, else the deterministic draft. */
  body: string;
}

interface Drafted {
  draft: CoverLetterDraft;
  score: ReturnType<typeof scoreMatch>;
}

function draftFor(inputs: GenerationInputs, input: GenerateCoverLetterRequest): Result<Drafted> {
  const score = scoreMatch(inputs.profile, inputs.projects, inputs.job, inputs.dictionary);
  const options = input.max_words === undefined
    ? { tone: input.tone }
    : { tone: input.tone, maxWords: input.max_words };
  const draft = draftCoverLetter(inputs.profile, inputs.job, score, options, {
    projects: inputs.projects,
    dictionary: inputs.dictionary,
  });
  if (!draft.ok) return draft;
  return ok({ draft: draft.value, score });
}

const ROW_COLUMNS = `id, user_id, job_id, version, tone, max_words, body, generator, model, prompt_version, grounding,
  created_at`;

interface LetterRow {
  id: string;
  version: number;
  body: string;
  [column: string]: unknown;
}

async function persist(
  tx: Tx,
  input: GenerateCoverLetterRequest,
  drafted: Drafted,
  body: string,
  provenance: Provenance,
): Promise<Result<{ row: LetterRow; applicationId: string | null }>> {
  const { rows } = await tx.query<LetterRow>(
    `insert into public.cover_letters (job_id, tone, max_words, body, generator, model, prompt_version, grounding)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     returning ${ROW_COLUMNS}`,
    [
      input.job_id,
      drafted.draft.tone,
      drafted.draft.maxWords,
      body,
      provenance.generator,
      provenance.model,
      provenance.prompt_version,
      provenance.grounding === null ? null : JSON.stringify(provenance.grounding),
    ],
  );
  const row = rows[0];
  if (!input.attach) return ok({ row, applicationId: null });
  const attached = await attachToApplication(tx, input.job_id, "cover_letter_id", row.id);
  if (!attached.ok) return attached;
  return ok({ row, applicationId: attached.value });
}

type Saved = { row: LetterRow; applicationId: string | null };

interface Loaded {
  inputs: GenerationInputs;
  /** Drafted once, as it is read: the LLM rewrites it and the stored letter falls back to it. */
  drafted: Drafted;
}

/** The flow for one letter: the LLM may rewrite the whole deterministic draft. */
function letterFlow(input: GenerateCoverLetterRequest): GenerationFlow<Loaded, Prepared, Saved> {
  return {
    table: "cover_letters",
    jobId: input.job_id,
    async load(tx) {
      const inputs = await loadInputs(tx, input.job_id);
      if (!inputs.ok) return inputs;
      const drafted = draftFor(inputs.value, input);
      if (!drafted.ok) return drafted;
      return ok({ inputs: inputs.value, drafted: drafted.value });
    },
    async improve({ inputs, drafted: { draft } }, client, signal) {
      const facts = factsFromProfile(inputs.profile, inputs.projects, inputs.dictionary, { job: inputs.job });
      const improved = await improveWithLlm(draft.text, facts, client, {
        task: "cover_letter",
        tone: draft.tone,
        maxWords: draft.maxWords,
        job: { title: inputs.job.title, company: inputs.job.company },
      }, signal);
      return { text: improved.text, ...fromImprove(improved, "cover_letter") };
    },
    prepare: ({ drafted }, llmText) => ok({ drafted, body: llmText ?? drafted.draft.text }),
    persist: (tx, _loaded, prepared, provenance) => persist(tx, input, prepared.drafted, prepared.body, provenance),
  };
}

export const handler = createHandler("generate-cover-letter", {
  methods: ["POST"],
  async handle(request) {
    const caller = await requireUser(request);
    if (!caller.ok) return caller;
    const input = await readJson(request, requestSchema);
    if (!input.ok) return input;

    const generated = await runGeneration(caller.value, input.value.use_llm, letterFlow(input.value), request.signal);
    if (!generated.ok) return generated;
    const { saved: { row, applicationId }, prepared: { drafted }, llm } = generated.value;
    return ok(json(
      {
        cover_letter: row,
        word_count: wordCount(row.body),
        score: scoreReport(drafted.score),
        llm,
        application_id: applicationId,
      },
      201,
    ));
  },
});
