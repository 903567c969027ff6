// POST /functions/v1/import-profile: imports a profile from a JSON Resume document or from the
// data archive LinkedIn lets every member download, no AI key needed.
//
//   application/json  { "json_resume": { ... }, "apply": false }
//   application/zip   the archive as the body, ?apply=true|false (default false), at most 20 MiB
//
// Both answer with the preview (which profile fields the import fills or changes, which projects it
// adds, every value dropped or cut). With apply, the profile update and the new projects are
// written in one transaction as the caller (RLS applies) and the saved profile comes back too. Bad
// input is a 400 carrying the parser's reason; nothing is written unless everything is.
import { z } from "zod";
import { requireUser } from "../_shared/auth.ts";
import { type Tx, withCaller } from "../_shared/db.ts";
import { createHandler, json, parseWith, readBodyBytes, readJson } from "../_shared/http.ts";
import { type LinkedInImport, parseLinkedInArchive } from "../_shared/linkedin/archive.ts";
import { catchPostgres } from "../_shared/pg-errors.ts";
import { fail, type Failure, ok, type Result } from "../_shared/result.ts";
import { importJsonResume, type ImportResult } from "../_shared/tailoring/resume.ts";
import {
  type Current,
  type ImportPreview,
  previewJsonResume,
  previewLinkedIn,
  PROFILE_COLUMNS,
  type ProfileColumn,
  type ProjectRow,
} from "./preview.ts";

const MiB = 1024 * 1024;
/** An archive larger than this is refused (413) before it is read. LinkedIn exports are a few MB. */
export const MAX_ARCHIVE_BYTES = 20 * MiB;
/** A JSON Resume document is text: 2 MiB holds a very long career many times over. */
export const MAX_JSON_BYTES = 2 * MiB;

const ZIP_TYPES = /^application\/(zip|x-zip-compressed|x-zip)\s*(;|$)/i;

/** Unknown fields are rejected (400). The document itself is checked by the JSON Resume importer. */
export const jsonRequestSchema = z.strictObject({
  json_resume: z.unknown().refine((value) => value !== undefined, "Send the JSON Resume document here."),
  apply: z.boolean().default(false),
});

const applyParamSchema = z.enum(["true", "false"]).optional();

type Parsed = { source: "json_resume"; imported: ImportResult } | { source: "linkedin"; imported: LinkedInImport };

/**
 * A parser's failure as the API reports it: the upload is what is wrong, so a 400 carrying the
 * parser's reason (details.reason, e.g. "not_a_zip", "corrupt_archive", "missing_profile"), or a
 * 413 for an archive whose contents are too large. Never a 500 for something a user sent.
 */
function uploadFailure(error: Failure): Result<never> {
  if (error.code === "payload_too_large" || error.code === "validation_failed") {
    return { ok: false, error };
  }
  const details = typeof error.details === "object" && error.details !== null ? error.details : {};
  return fail("validation_failed", error.message, { ...details, parser_code: error.code });
}

async function parseRequest(request: Request): Promise<Result<{ parsed: Parsed; apply: boolean }>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (ZIP_TYPES.test(contentType)) {
    const applyParam = parseWith(applyParamSchema, new URL(request.url).searchParams.get("apply") ?? undefined);
    if (!applyParam.ok) return applyParam;
    const bytes = await readBodyBytes(request, MAX_ARCHIVE_BYTES, "The upload");
    if (!bytes.ok) return bytes;
    if (bytes.value === null) return fail("bad_request", "The request body is empty; send the LinkedIn archive (ZIP).");
    const imported = parseLinkedInArchive(bytes.value, { maxArchiveBytes: MAX_ARCHIVE_BYTES });
    if (!imported.ok) return uploadFailure(imported.error);
    return ok({ parsed: { source: "linkedin", imported: imported.value }, apply: applyParam.value === "true" });
  }
  // Anything else must be JSON (readJson answers 415 otherwise).
  const input = await readJson(request, jsonRequestSchema, MAX_JSON_BYTES);
  if (!input.ok) return input;
  const imported = importJsonResume(input.value.json_resume);
  if (!imported.ok) return uploadFailure(imported.error);
  return ok({ parsed: { source: "json_resume", imported: imported.value }, apply: input.value.apply });
}

const PROFILE_SELECT = `id, ${PROFILE_COLUMNS.join(", ")}, updated_at`;

async function loadCurrent(tx: Tx, forUpdate: boolean): Promise<Result<Current>> {
  // Applying locks the profile row, so two imports cannot merge into the same old lists.
  const profiles = await tx.query(
    `select ${PROFILE_SELECT} from public.profiles where id = (select auth.uid())${forUpdate ? " for update" : ""}`,
  );
  if (profiles.rows.length === 0) return fail("not_found", "Your profile does not exist.");
  const projects = await tx.query<{ id: string; name: string }>(
    "select id, name from public.projects where user_id = (select auth.uid()) order by created_at, id",
  );
  return ok({ profile: profiles.rows[0], projects: projects.rows });
}

const JSONB_COLUMNS = new Set<ProfileColumn>(["work_experience", "education"]);

async function writeProfile(
  tx: Tx,
  current: Record<string, unknown>,
  update: ImportPreview["profile_update"],
): Promise<Record<string, unknown>> {
  // Column names come from the fixed list, never from the request.
  const columns = PROFILE_COLUMNS.filter((column) => Object.hasOwn(update, column));
  // Nothing to change: the row as loadCurrent read (and locked) it.
  if (columns.length === 0) return current;
  const assignments = columns.map((column, index) =>
    JSONB_COLUMNS.has(column) ? `${column} = $${index + 1}::jsonb` : `${column} = $${index + 1}`
  );
  const values = columns.map((column) => JSONB_COLUMNS.has(column) ? JSON.stringify(update[column]) : update[column]);
  const { rows } = await tx.query(
    `update public.profiles set ${assignments.join(", ")} where id = (select auth.uid()) returning ${PROFILE_SELECT}`,
    values,
  );
  return rows[0];
}

async function insertProjects(tx: Tx, projects: readonly ProjectRow[]): Promise<Record<string, unknown>[]> {
  if (projects.length === 0) return [];
  const rows = projects.map((project) => ({
    name: project.name,
    role: project.role ?? null,
    description: project.description ?? null,
    url: project.url ?? null,
    start_date: project.start_date ?? null,
    end_date: project.end_date ?? null,
    technologies: project.technologies ?? [],
    achievements: project.achievements ?? [],
  }));
  const { rows: inserted } = await tx.query(
    `insert into public.projects (name, role, description, url, start_date, end_date, technologies, achievements)
     select p.name, p.role, p.description, p.url, p.start_date, p.end_date, p.technologies, p.achievements
       from jsonb_to_recordset($1::jsonb) as p (
         name text, role text, description text, url text, start_date date, end_date date,
         technologies text[], achievements text[]
       )
     returning id, name, role, description, url, start_date::text as start_date, end_date::text as end_date,
               technologies, achievements, created_at`,
    [JSON.stringify(rows)],
  );
  return inserted;
}

export const handler = createHandler("import-profile", {
  methods: ["POST"],
  async handle(request) {
    const caller = await requireUser(request);
    if (!caller.ok) return caller;
    const parsed = await parseRequest(request);
    if (!parsed.ok) return parsed;
    const { parsed: document, apply } = parsed.value;

    return await catchPostgres(() =>
      withCaller(caller.value, async (tx) => {
        const current = await loadCurrent(tx, apply);
        if (!current.ok) return current;
        const preview = document.source === "linkedin"
          ? previewLinkedIn(current.value, document.imported)
          : previewJsonResume(current.value, document.imported);
        if (!preview.ok) return preview;
        if (!apply) return ok(json({ applied: false, preview: preview.value }));
        // One transaction: a failing project insert throws, and withCaller rolls the profile back too.
        const profile = await writeProfile(tx, current.value.profile, preview.value.profile_update);
        const projects = await insertProjects(tx, preview.value.projects.add);
        return ok(json({
          applied: true,
          preview: preview.value,
          profile,
          projects_added: projects,
        }));
      })
    );
  },
});
