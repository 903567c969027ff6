// POST /functions/v1/generate-cv: a new tailored CV version for one posting. The deterministic
// engine chooses, orders and trims the caller's own data (tailoring/tailor.ts); an LLM may polish
// the summary when asked and configured, kept only if it passes the grounding check. The database
// numbers the version, enforces the daily quota (429) and, with `attach`, the draft-only rule
// (409, and nothing is written). The response is the stored row as JSON, or the CV as a PDF or DOCX
// file (the row is stored all the same).
import { z } from "zod";
import { requireUser } from "../_shared/auth.ts";
import type { Tx } from "../_shared/db.ts";
import { renderDocx } from "../_shared/export/docx.ts";
import { needsUnicodeFont, renderPdf } from "../_shared/export/pdf.ts";
import { corsHeaders, createHandler, json, readJson } from "../_shared/http.ts";
import { fail, ok, type Result } from "../_shared/result.ts";
import { factsFromProfile } from "../_shared/tailoring/grounding.ts";
import { improveWithLlm } from "../_shared/tailoring/llm.ts";
import { renderCv, type TemplateFormat } from "../_shared/tailoring/render.ts";
import { tailorCv, type TailoredCv } from "../_shared/tailoring/tailor.ts";
import { wordCount } from "../_shared/tailoring/text.ts";
import {
  attachToApplication,
  fromImprove,
  type Generation,
  type GenerationFlow,
  type GenerationInputs,
  loadInputs,
  type Provenance,
  runGeneration,
  scoreReport,
  skillColumn,
  unavailable,
} from "../_shared/generation.ts";

export const formats = ["json", "markdown", "html", "pdf", "docx"] as const;

/** Unknown fields are rejected (400), so a typo never silently changes what is generated. */
export const requestSchema = z.strictObject({
  job_id: z.uuid(),
  /** A system template or one of the caller's; default: the caller's default, else the system default. */
  template_id: z.uuid().optional(),
  /** json, markdown and html answer with the stored row as JSON (it holds both renderings); pdf and docx with the file. */
  format: z.enum(formats).default("json"),
  /** Also set the caller's (draft) application for this posting to the new version. */
  attach: z.boolean().default(false),
  /** Let the configured LLM polish the summary; the deterministic text is kept if it fails the grounding check. */
  use_llm: z.boolean().default(false),
});
export type GenerateCvRequest = z.infer<typeof requestSchema>;

interface Template {
  id: string;
  name: string;
  format: TemplateFormat;
  body: string;
  /** How it was chosen. */
  source: "requested" | "user_default" | "system_default";
}

/** The template to render with: the one asked for (404 when not visible), else a default, else the built-ins. */
async function chooseTemplate(tx: Tx, templateId: string | undefined): Promise<Result<Template | null>> {
  const columns = "id, name, format::text as format, body, owner_id is null as is_system";
  if (templateId) {
    const { rows } = await tx.query(`select ${columns} from public.cv_templates where id = $1`, [templateId]);
    if (rows.length === 0) return fail("not_found", "No CV template with this id is visible to you.");
    return ok({ ...rows[0], source: "requested" });
  }
  // RLS shows the system templates and the caller's own: an owned default comes first.
  const { rows } = await tx.query(
    `select ${columns} from public.cv_templates where is_default order by owner_id is null, created_at limit 1`,
  );
  if (rows.length === 0) return ok(null);
  return ok({ ...rows[0], source: rows[0].is_system ? "system_default" : "user_default" });
}

interface Prepared {
  tailored: TailoredCv;
  markdown: string;
  html: string;
}

/** Tailors and renders; `summary` replaces the profile's summary when an LLM's version passed. */
function prepare(inputs: GenerationInputs, template: Template | null, summary: string | null): Result<Prepared> {
  const tailored = tailorCv(inputs.profile, inputs.projects, inputs.job, inputs.dictionary);
  if (!tailored.ok) return tailored;
  const { resume, sections } = tailored.value;
  if (summary !== null) resume.basics = { ...resume.basics, summary };
  const render = (format: TemplateFormat) => {
    const own = template?.format === format ? template : null;
    const rendered = renderCv(resume, { format, template: own?.body, sections });
    if (!rendered.ok && own) {
      return fail<string>(rendered.error.code, `The template "${own.name}" cannot be used: ${rendered.error.message}`, {
        template_id: own.id,
      });
    }
    return rendered;
  };
  const markdown = render("markdown");
  if (!markdown.ok) return markdown;
  const html = render("html");
  if (!html.ok) return html;
  return ok({ tailored: tailored.value, markdown: markdown.value, html: html.value });
}

const ROW_COLUMNS = `id, user_id, job_id, version, template_id, content, rendered_markdown, rendered_html, match_score,
  matched_skills, missing_required_skills, missing_preferred_skills, generator, model, prompt_version, grounding,
  created_at`;

interface CvRow {
  id: string;
  version: number;
  content: unknown;
  [column: string]: unknown;
}

async function persist(
  tx: Tx,
  input: GenerateCvRequest,
  template: Template | null,
  prepared: Prepared,
  provenance: Provenance,
): Promise<Result<{ row: CvRow; applicationId: string | null }>> {
  const { score } = prepared.tailored;
  const { rows } = await tx.query<CvRow>(
    `insert into public.generated_cvs (job_id, template_id, content, rendered_markdown, rendered_html, match_score,
       matched_skills, missing_required_skills, missing_preferred_skills, generator, model, prompt_version, grounding)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     returning ${ROW_COLUMNS}`,
    [
      input.job_id,
      template?.id ?? null,
      JSON.stringify(prepared.tailored.resume),
      prepared.markdown,
      prepared.html,
      score.score,
      skillColumn(score.matched),
      skillColumn(score.missingRequired),
      skillColumn(score.missingPreferred),
      provenance.generator,
      provenance.model,
      provenance.prompt_version,
      provenance.grounding === null ? null : JSON.stringify(provenance.grounding),
    ],
  );
  const row = rows[0];
  if (!input.attach) return ok({ row, applicationId: null });
  const attached = await attachToApplication(tx, input.job_id, "cv_id", row.id);
  if (!attached.ok) return attached;
  return ok({ row, applicationId: attached.value });
}

/** The summary an LLM may rewrite: about as long as the person's own, within sensible bounds. */
function summaryWordLimit(summary: string): number {
  return Math.min(200, Math.max(40, Math.ceil(wordCount(summary) * 1.5)));
}

interface Loaded {
  inputs: GenerationInputs;
  template: Template | null;
}

type Generated = Generation<Loaded, Prepared, { row: CvRow; applicationId: string | null }>;

/** The flow for one CV: the LLM may only rewrite the summary, and only a summary the person wrote. */
function cvFlow(
  input: GenerateCvRequest,
): GenerationFlow<Loaded, Prepared, { row: CvRow; applicationId: string | null }> {
  return {
    table: "generated_cvs",
    jobId: input.job_id,
    async load(tx) {
      const inputs = await loadInputs(tx, input.job_id);
      if (!inputs.ok) return inputs;
      const template = await chooseTemplate(tx, input.template_id);
      if (!template.ok) return template;
      return ok({ inputs: inputs.value, template: template.value });
    },
    async improve({ inputs }, client, signal) {
      const draft = inputs.profile.summary?.trim();
      if (!draft) return { text: null, ...unavailable("no_summary") };
      const facts = factsFromProfile(inputs.profile, inputs.projects, inputs.dictionary, { job: inputs.job });
      const improved = await improveWithLlm(draft, facts, client, {
        task: "summary",
        maxWords: summaryWordLimit(draft),
        job: { title: inputs.job.title, company: inputs.job.company },
      }, signal);
      return { text: improved.generator === "llm" ? improved.text : null, ...fromImprove(improved, "summary") };
    },
    prepare: ({ inputs, template }, summary) => prepare(inputs, template, summary),
    persist: (tx, { template }, prepared, provenance) => persist(tx, input, template, prepared, provenance),
  };
}

const exposeHeaders = { "access-control-expose-headers": "content-disposition, x-cv-id, x-cv-version, x-request-id" };

async function fileResponse(generated: Generated, format: "pdf" | "docx"): Promise<Result<Response>> {
  const resume = generated.prepared.tailored.resume;
  const sections = generated.prepared.tailored.sections;
  let file: Result<{ bytes: Uint8Array; contentType: string; fileName: string }>;
  if (format === "pdf") {
    // The Unicode font module is large: loaded only for CVs Helvetica cannot draw.
    const fonts = needsUnicodeFont(resume) ? (await import("../_shared/export/fonts.ts")).unicodeFonts() : undefined;
    file = await renderPdf(resume, { sections, fonts });
  } else {
    file = await renderDocx(resume, { sections });
  }
  if (!file.ok) return file;
  const { bytes, contentType, fileName } = file.value;
  return ok(
    new Response(bytes.slice(), {
      status: 201,
      headers: {
        ...corsHeaders,
        ...exposeHeaders,
        "content-type": contentType,
        "content-disposition": `attachment; filename="${fileName}"`,
        "x-cv-id": generated.saved.row.id,
        "x-cv-version": String(generated.saved.row.version),
      },
    }),
  );
}

export const handler = createHandler("generate-cv", {
  methods: ["POST"],
  async handle(request) {
    const caller = await requireUser(request);
    if (!caller.ok) return caller;
    const input = await readJson(request, requestSchema);
    if (!input.ok) return input;

    const generated = await runGeneration(caller.value, input.value.use_llm, cvFlow(input.value), request.signal);
    if (!generated.ok) return generated;
    const { format } = input.value;
    if (format === "pdf" || format === "docx") return await fileResponse(generated.value, format);

    const { saved: { row, applicationId }, prepared, loaded: { template }, llm } = generated.value;
    return ok(json(
      {
        cv: row,
        score: scoreReport(prepared.tailored.score),
        sections: prepared.tailored.sections,
        explanation: prepared.tailored.explanation,
        template: template
          ? { id: template.id, name: template.name, source: template.source }
          : { id: null, name: "Built-in", source: "built_in" },
        llm,
        application_id: applicationId,
      },
      201,
    ));
  },
});
