// Import from the data archive LinkedIn lets every member download ("Get a copy of your data"):
// a ZIP of CSV files. Profile.csv, Positions.csv, Education.csv, Skills.csv and Projects.csv are
// mapped onto Jobtrail's profile columns (work and education as JSON Resume entries) and project
// rows, then previewLinkedInImport() compares them with what the user already has, so the UI can
// show a diff before anything is written.
//
// The archive is untrusted input: the ZIP is read with limits (zip.ts), every value is cleaned
// and cut to the database's limits, links that are not http(s) are dropped, and the result is
// checked against schemas that mirror the CHECK constraints (tailoring/rows.ts) before it is
// returned, so applying it can never hit a constraint violation. Nothing is lost silently: each
// value dropped, cut or reinterpreted is listed in `warnings`. Nothing here does I/O.
import { z } from "zod";
import { fail, ok, type Result } from "../result.ts";
import { skillKey } from "../skills.ts";
import {
  type EducationEntry,
  HTTP_URL_PATTERN,
  isDateRangeOrdered,
  PARTIAL_DATE_PATTERN,
  type WorkEntry,
} from "../tailoring/rows.ts";
import { columnKey, type CsvTable, readCsv } from "./csv.ts";
import {
  LIMITS,
  type LinkedInImport,
  LinkedInImportSchema,
  type LinkedInProfile,
  type LinkedInProject,
  Warnings,
  type Where,
} from "./model.ts";
import { readZipFiles, type ZipLimits } from "./zip.ts";

export * from "./model.ts";
export { previewLinkedInImport } from "./preview.ts";
export type { CurrentProfileInput, FieldDiff, LinkedInPreview, ListDiff } from "./preview.ts";
export type { ZipFailureReason, ZipLimits } from "./zip.ts";

// ---------------------------------------------------------------------------------------------
// The files read, each found by its name anywhere in the archive and its header by a key column.

const FILES = {
  profile: { name: "Profile.csv", keyColumn: "First Name" },
  positions: { name: "Positions.csv", keyColumn: "Company Name" },
  education: { name: "Education.csv", keyColumn: "School Name" },
  skills: { name: "Skills.csv", keyColumn: "Name" },
  projects: { name: "Projects.csv", keyColumn: "Title" },
} as const;
type FileKey = keyof typeof FILES;
const FILE_KEYS = Object.keys(FILES) as FileKey[];

// ---------------------------------------------------------------------------------------------
// CSV rows at the boundary: every column optional (LinkedIn adds and drops columns over the
// years), every cell a string.

const cell = z.string().default("");
const ProfileRowSchema = z.object({
  "first name": cell,
  "last name": cell,
  headline: cell,
  summary: cell,
  "geo location": cell,
  websites: cell,
});
const PositionRowSchema = z.object({
  "company name": cell,
  title: cell,
  description: cell,
  location: cell,
  "started on": cell,
  "finished on": cell,
});
const EducationRowSchema = z.object({
  "school name": cell,
  "start date": cell,
  "end date": cell,
  notes: cell,
  "degree name": cell,
  activities: cell,
});
const SkillRowSchema = z.object({ name: cell });
const ProjectRowSchema = z.object({
  title: cell,
  description: cell,
  url: cell,
  "started on": cell,
  "finished on": cell,
});

// ---------------------------------------------------------------------------------------------
// Values

// Postgres text cannot hold NUL, and no other C0 control (bar tab and newline) belongs in a CV.
// deno-lint-ignore no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Multi-line text: NFC, LF line ends, no control characters, trailing spaces and blank runs gone. */
export function cleanText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/g, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Single-line text: cleanText with line breaks and runs of blanks as one space. */
export const cleanLine = (raw: string): string => cleanText(raw).replace(/\s+/g, " ");

/**
 * Cut to `max` UTF-16 code units (never more characters than Postgres counts, so within the
 * column), without splitting a surrogate pair; reported when anything was cut.
 */
function capText(value: string, max: number, where: Where, warnings: Warnings): string {
  if (value.length <= max) return value;
  let cut = value.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  warnings.add(where, "truncated", `Cut to ${max} characters (was ${value.length}).`);
  return cut.trimEnd();
}

const fitLine = (raw: string, max: number, where: Where, warnings: Warnings): string | undefined => {
  const value = cleanLine(raw);
  return value ? capText(value, max, where, warnings) : undefined;
};

const fitText = (raw: string, max: number, where: Where, warnings: Warnings): string | undefined => {
  const value = cleanText(raw);
  return value ? capText(value, max, where, warnings) : undefined;
};

const BARE_DOMAIN =
  /^(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?:[/?#]\S*)?$/i;

function isHttpUrl(value: string): boolean {
  if (value.length > LIMITS.url || !HTTP_URL_PATTERN.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** An http(s) URL the database accepts; "www.x.dev" becomes https://www.x.dev; anything else is dropped. */
export function fitUrl(raw: string, where: Where, warnings: Warnings): string | undefined {
  const value = cleanLine(raw);
  if (!value) return undefined;
  if (isHttpUrl(value)) return value;
  if (BARE_DOMAIN.test(value) && isHttpUrl(`https://${value}`)) {
    warnings.add(where, "normalised_value", `Read "${value}" as https://${value}.`);
    return `https://${value}`;
  }
  warnings.add(where, "dropped_value", `"${value.slice(0, 100)}" is not an http(s) link; left out.`);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates. LinkedIn writes "Jan 2020" for positions and projects and "2016" for education; older
// exports and hand-edited files have ISO dates too.

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

export type LinkedInDate =
  | { kind: "none" }
  | { kind: "date"; value: string; note?: string }
  | { kind: "invalid"; reason: string };

const pad = (value: number): string => String(value).padStart(2, "0");

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A LinkedIn date as a JSON Resume partial date (YYYY, YYYY-MM or YYYY-MM-DD) in the years 1900-2099. */
export function parseLinkedInDate(raw: string): LinkedInDate {
  const text = cleanLine(raw);
  if (!text || /^(present|current|now|today)$/i.test(text)) return { kind: "none" };
  let value: string | undefined;
  let note: string | undefined;
  let match: RegExpMatchArray | null;
  if ((match = text.match(/^(\d{4})$/))) {
    value = match[1];
  } else if ((match = text.match(/^([\p{L}]+)\.?,?\s+(\d{4})$/u))) {
    const month = MONTHS[match[1].toLowerCase()];
    value = month ? `${match[2]}-${pad(month)}` : match[2];
    if (!month) note = `Month "${match[1]}" not understood; kept the year.`;
  } else if ((match = text.match(/^(\d{1,2})[/.](\d{4})$/))) {
    const month = Number(match[1]);
    if (month >= 1 && month <= 12) value = `${match[2]}-${pad(month)}`;
  } else if ((match = text.match(/^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/))) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] ? Number(match[3]) : undefined];
    if (month >= 1 && month <= 12) {
      value = `${match[1]}-${pad(month)}`;
      if (day !== undefined && isRealDay(year, month, day)) value += `-${pad(day)}`;
      else if (day !== undefined) note = `${text} is not a calendar day; kept the month.`;
    }
  }
  if (value === undefined) return { kind: "invalid", reason: `"${text.slice(0, 40)}" is not a date.` };
  if (!PARTIAL_DATE_PATTERN.test(value)) {
    return { kind: "invalid", reason: `${text} is outside the years 1900-2099.` };
  }
  return note ? { kind: "date", value, note } : { kind: "date", value };
}

function fitDate(raw: string, where: Where, warnings: Warnings): string | undefined {
  const parsed = parseLinkedInDate(raw);
  if (parsed.kind === "invalid") {
    warnings.add(where, "dropped_value", `${parsed.reason} Left out.`);
    return undefined;
  }
  if (parsed.kind === "none") return undefined;
  if (parsed.note) warnings.add(where, "normalised_value", parsed.note);
  return parsed.value;
}

/** Start and end, the end dropped (with a warning) when it lies before the start. */
function fitRange(
  start: string,
  end: string,
  where: Where,
  fields: readonly [string, string],
  warnings: Warnings,
): [string | undefined, string | undefined] {
  const from = fitDate(start, { ...where, field: fields[0] }, warnings);
  const to = fitDate(end, { ...where, field: fields[1] }, warnings);
  if (isDateRangeOrdered(from, to)) return [from, to];
  warnings.add(
    { ...where, field: fields[1] },
    "dropped_value",
    `Ends (${to}) before it starts (${from}); end left out.`,
  );
  return [from, undefined];
}

/** public.projects dates are full dates: a year or month reads as its first day. */
function toSqlDate(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

// ---------------------------------------------------------------------------------------------
// Mapping each file

// LinkedIn descriptions are free text, but people write achievements as bulleted lines. Those
// become JSON Resume highlights (what tailoring ranks and picks); the rest stays the summary.
const BULLET_LINE = /^\s*(?:[•·▪◦●■‣∙*–—-]|\d{1,2}[.)])\s+(\S.*)$/u;

export function splitDescription(text: string): { summary: string; highlights: string[] } {
  const summary: string[] = [];
  const highlights: string[] = [];
  for (const line of text.split("\n")) {
    const bullet = line.match(BULLET_LINE);
    if (bullet) highlights.push(bullet[1].trim());
    else summary.push(line);
  }
  return { summary: summary.join("\n").replace(/\n{3,}/g, "\n\n").trim(), highlights };
}

function rowsOf<T>(table: CsvTable | undefined, schema: z.ZodType<T>): T[] {
  // Cells are strings and missing columns default to "", so parsing cannot fail; the schema
  // narrows each record to the columns Jobtrail reads.
  return (table?.rows ?? []).flatMap((row) => {
    const parsed = schema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

function parseWebsites(raw: string): string[] {
  // "[PERSONAL:www.example.dev,COMPANY:https://acme.com]": labelled, comma-separated, bracketed.
  const inner = cleanLine(raw).replace(/^\[/, "").replace(/\]$/, "").trim();
  if (!inner) return [];
  return inner
    .split(/,(?=\s*(?:[A-Za-z][A-Za-z_ ]*:|www\.))/)
    .map((item) => item.trim().replace(/^[A-Za-z][A-Za-z_ ]*:(?!\/\/)/, "").trim())
    .filter((item) => item !== "");
}

function mapProfile(table: CsvTable | undefined, warnings: Warnings): Omit<
  LinkedInProfile,
  "skills" | "work_experience" | "education"
> {
  const file = FILES.profile.name;
  const rows = rowsOf(table, ProfileRowSchema);
  const row = rows[0];
  const empty = { full_name: null, headline: null, summary: null, location: null, website_url: null };
  if (!row) {
    warnings.add({ file }, "skipped_row", "Profile.csv has no data row.");
    return empty;
  }
  const where = (field: string): Where => ({ file, row: 1, field });
  const name = [cleanLine(row["first name"]), cleanLine(row["last name"])].filter(Boolean).join(" ");

  let website: string | null = null;
  for (const candidate of parseWebsites(row.websites)) {
    const url = fitUrl(candidate, where("Websites"), warnings);
    if (!url) continue;
    if (website === null) website = url;
    else warnings.add(where("Websites"), "not_imported", `The profile keeps one website; ${url} left out.`);
  }
  return {
    full_name: name ? capText(name, LIMITS.fullName, where("First Name"), warnings) : null,
    headline: fitLine(row.headline, LIMITS.headline, where("Headline"), warnings) ?? null,
    summary: fitText(row.summary, LIMITS.summary, where("Summary"), warnings) ?? null,
    location: fitLine(row["geo location"], LIMITS.location, where("Geo Location"), warnings) ?? null,
    website_url: website,
  };
}

function keepFirst<T>(items: T[], max: number, file: string, what: string, warnings: Warnings): T[] {
  if (items.length <= max) return items;
  warnings.add({ file }, "truncated", `Kept the first ${max} of ${items.length} ${what}.`);
  return items.slice(0, max);
}

function mapPositions(table: CsvTable | undefined, warnings: Warnings): WorkEntry[] {
  const file = FILES.positions.name;
  const out: WorkEntry[] = [];
  rowsOf(table, PositionRowSchema).forEach((row, index) => {
    const where: Where = { file, row: index + 1 };
    const name = fitLine(row["company name"], LIMITS.workText, { ...where, field: "Company Name" }, warnings);
    if (!name) {
      warnings.add(where, "skipped_row", "A position needs a company name; left out.");
      return;
    }
    const entry: WorkEntry = { name };
    const position = fitLine(row.title, LIMITS.workText, { ...where, field: "Title" }, warnings);
    if (position) entry.position = position;
    const location = fitLine(row.location, LIMITS.workText, { ...where, field: "Location" }, warnings);
    if (location) entry.location = location;
    const [startDate, endDate] = fitRange(
      row["started on"],
      row["finished on"],
      where,
      ["Started On", "Finished On"],
      warnings,
    );
    if (startDate) entry.startDate = startDate;
    if (endDate) entry.endDate = endDate;

    const description = { ...where, field: "Description" };
    const { summary, highlights } = splitDescription(cleanText(row.description));
    if (summary) entry.summary = capText(summary, LIMITS.workSummary, description, warnings);
    const kept = highlights.map((item) => capText(item, LIMITS.highlightLength, description, warnings));
    if (kept.length > LIMITS.highlights) {
      warnings.add(description, "truncated", `Kept the first ${LIMITS.highlights} of ${kept.length} bullet points.`);
    }
    if (kept.length > 0) entry.highlights = kept.slice(0, LIMITS.highlights);
    out.push(entry);
  });
  return keepFirst(out, LIMITS.work, file, "positions", warnings);
}

function mapEducation(table: CsvTable | undefined, warnings: Warnings): EducationEntry[] {
  const file = FILES.education.name;
  const out: EducationEntry[] = [];
  rowsOf(table, EducationRowSchema).forEach((row, index) => {
    const where: Where = { file, row: index + 1 };
    const institution = fitLine(row["school name"], LIMITS.institution, { ...where, field: "School Name" }, warnings);
    if (!institution) {
      warnings.add(where, "skipped_row", "An education entry needs a school name; left out.");
      return;
    }
    const entry: EducationEntry = { institution };
    const degree = fitLine(row["degree name"], LIMITS.studyType, { ...where, field: "Degree Name" }, warnings);
    if (degree) entry.studyType = degree;
    const [startDate, endDate] = fitRange(
      row["start date"],
      row["end date"],
      where,
      ["Start Date", "End Date"],
      warnings,
    );
    if (startDate) entry.startDate = startDate;
    if (endDate) entry.endDate = endDate;
    // JSON Resume education has no free-text field; say so rather than lose it silently.
    for (const [field, value] of [["Notes", row.notes], ["Activities", row.activities]] as const) {
      if (cleanLine(value)) warnings.add({ ...where, field }, "not_imported", `${field} have no place in the profile.`);
    }
    out.push(entry);
  });
  return keepFirst(out, LIMITS.education, file, "education entries", warnings);
}

function mapSkills(table: CsvTable | undefined, warnings: Warnings): string[] {
  const file = FILES.skills.name;
  const seen = new Set<string>();
  const out: string[] = [];
  rowsOf(table, SkillRowSchema).forEach((row, index) => {
    const name = fitLine(row.name, LIMITS.skillLength, { file, row: index + 1, field: "Name" }, warnings);
    if (!name || seen.has(skillKey(name))) return;
    seen.add(skillKey(name));
    out.push(name);
  });
  return keepFirst(out, LIMITS.skills, file, "skills", warnings);
}

function mapProjects(table: CsvTable | undefined, warnings: Warnings): LinkedInProject[] {
  const file = FILES.projects.name;
  const out: LinkedInProject[] = [];
  rowsOf(table, ProjectRowSchema).forEach((row, index) => {
    const where: Where = { file, row: index + 1 };
    const name = fitLine(row.title, LIMITS.projectName, { ...where, field: "Title" }, warnings);
    if (!name) {
      warnings.add(where, "skipped_row", "A project needs a title; left out.");
      return;
    }
    const [start, end] = fitRange(
      row["started on"],
      row["finished on"],
      where,
      ["Started On", "Finished On"],
      warnings,
    );
    out.push({
      name,
      description: fitText(row.description, LIMITS.projectDescription, { ...where, field: "Description" }, warnings) ??
        null,
      url: fitUrl(row.url, { ...where, field: "Url" }, warnings) ?? null,
      start_date: toSqlDate(start),
      end_date: toSqlDate(end),
    });
  });
  return keepFirst(out, LIMITS.projects, file, "projects", warnings);
}

// ---------------------------------------------------------------------------------------------
// Entry point

const basename = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

function pickFile(path: string): FileKey | undefined {
  // Resource forks a Mac adds when re-zipping ("__MACOSX/._Profile.csv") are not the files.
  if (path.startsWith("__MACOSX/")) return undefined;
  const name = columnKey(basename(path));
  return FILE_KEYS.find((key) => columnKey(FILES[key].name) === name);
}

// Exports are UTF-8; a stray invalid byte becomes U+FFFD rather than failing the whole import.
const decoder = new TextDecoder("utf-8");

/**
 * Reads a LinkedIn data export. Fails when the file is not a ZIP, is too large (limits in
 * zip.ts), is damaged, or has no readable Profile.csv; a missing or unreadable other file is a
 * warning, since LinkedIn leaves out files a member has no data for.
 */
export function parseLinkedInArchive(archive: Uint8Array, limits: ZipLimits = {}): Result<LinkedInImport> {
  const files = readZipFiles(archive, pickFile, limits);
  if (!files.ok) return files;
  const warnings = new Warnings();
  const tables = new Map<FileKey, CsvTable>();
  const sources: LinkedInImport["sources"] = [];

  if (!files.value.has("profile")) {
    return fail("validation_failed", "This does not look like a LinkedIn data export: it has no Profile.csv.", {
      reason: "missing_profile",
    });
  }
  for (const key of FILE_KEYS) {
    const { name, keyColumn } = FILES[key];
    const file = files.value.get(key);
    if (!file) {
      warnings.add({ file: name }, "missing_file", `${name} is not in the archive; nothing imported from it.`);
      continue;
    }
    const table = readCsv(decoder.decode(file.bytes), keyColumn);
    if (!table) {
      if (key === "profile") {
        return fail("validation_failed", `Profile.csv has no "${keyColumn}" column.`, { reason: "unreadable_profile" });
      }
      warnings.add({ file: name }, "unreadable_file", `${name} has no "${keyColumn}" column; skipped.`);
      continue;
    }
    tables.set(key, table);
    sources.push({ file: name, path: file.path, rows: table.rows.length });
  }

  const profile: LinkedInProfile = {
    ...mapProfile(tables.get("profile"), warnings),
    skills: mapSkills(tables.get("skills"), warnings),
    work_experience: mapPositions(tables.get("positions"), warnings),
    education: mapEducation(tables.get("education"), warnings),
  };
  const projects = mapProjects(tables.get("projects"), warnings);

  // The promise of this module: nothing the database would reject. A failure here is a bug in
  // the mapping above, reported as such rather than passed on to fail at write time.
  const checked = LinkedInImportSchema.safeParse({ profile, projects, warnings: warnings.finish(), sources });
  if (!checked.success) {
    return fail("internal_error", "The import produced values the database would reject.", {
      issues: checked.error.issues,
    });
  }
  return ok(checked.data);
}
