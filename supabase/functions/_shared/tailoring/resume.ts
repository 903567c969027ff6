// JSON Resume (https://jsonresume.org/schema, v1.0.0) as zod schemas, import of a JSON Resume
// document into Jobtrail's profile and project rows, and export of those rows as a JSON Resume
// document. The CV is stored and exported in this format so users can move between Jobtrail and
// the JSON Resume ecosystem (themes, CLI, registry) without losing data.
//
// Import is lenient by design: people bring documents written years ago by other tools. Older
// pre-1.0 names (work[].company, website, gpa, picture, even the 0.0.x `bio` section) are upgraded,
// values Jobtrail cannot store are dropped with a warning, and fields it does not know are kept in
// the normalised document and listed as warnings. Nothing in here throws on any input.
import { z } from "zod";
import { fail, ok, type Result } from "../result.ts";
import { isDateRangeOrdered, PARTIAL_DATE_PATTERN, type Profile, type Project } from "./rows.ts";
import { HTTP_URL_PATTERN } from "./rows.ts";

export const JSON_RESUME_SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

// ---------------------------------------------------------------------------------------------
// Schemas. Objects are loose: JSON Resume allows extra properties, and themes rely on them.

const Str = z.string();
const StrList = z.array(z.string());
// The schema's own iso8601 pattern: YYYY, YYYY-MM or YYYY-MM-DD.
export const Iso8601Schema = z.string().regex(
  /^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$/,
  "expected YYYY, YYYY-MM or YYYY-MM-DD",
);

export const LocationSchema = z.looseObject({
  address: Str.optional(),
  postalCode: Str.optional(),
  city: Str.optional(),
  countryCode: Str.optional(),
  region: Str.optional(),
});

export const SocialProfileSchema = z.looseObject({
  network: Str.optional(),
  username: Str.optional(),
  url: Str.optional(),
});

export const BasicsSchema = z.looseObject({
  name: Str.optional(),
  label: Str.optional(),
  image: Str.optional(),
  email: Str.optional(),
  phone: Str.optional(),
  url: Str.optional(),
  summary: Str.optional(),
  location: LocationSchema.optional(),
  profiles: z.array(SocialProfileSchema).optional(),
});

export const ResumeWorkSchema = z.looseObject({
  name: Str.optional(),
  location: Str.optional(),
  description: Str.optional(),
  position: Str.optional(),
  url: Str.optional(),
  startDate: Iso8601Schema.optional(),
  endDate: Iso8601Schema.optional(),
  summary: Str.optional(),
  highlights: StrList.optional(),
});

export const VolunteerSchema = z.looseObject({
  organization: Str.optional(),
  position: Str.optional(),
  url: Str.optional(),
  startDate: Iso8601Schema.optional(),
  endDate: Iso8601Schema.optional(),
  summary: Str.optional(),
  highlights: StrList.optional(),
});

export const ResumeEducationSchema = z.looseObject({
  institution: Str.optional(),
  url: Str.optional(),
  area: Str.optional(),
  studyType: Str.optional(),
  startDate: Iso8601Schema.optional(),
  endDate: Iso8601Schema.optional(),
  score: Str.optional(),
  courses: StrList.optional(),
});

export const AwardSchema = z.looseObject({
  title: Str.optional(),
  date: Iso8601Schema.optional(),
  awarder: Str.optional(),
  summary: Str.optional(),
});

export const CertificateSchema = z.looseObject({
  name: Str.optional(),
  date: Iso8601Schema.optional(),
  url: Str.optional(),
  issuer: Str.optional(),
});

export const PublicationSchema = z.looseObject({
  name: Str.optional(),
  publisher: Str.optional(),
  releaseDate: Iso8601Schema.optional(),
  url: Str.optional(),
  summary: Str.optional(),
});

export const ResumeSkillSchema = z.looseObject({
  name: Str.optional(),
  level: Str.optional(),
  keywords: StrList.optional(),
});

export const LanguageSchema = z.looseObject({ language: Str.optional(), fluency: Str.optional() });
export const InterestSchema = z.looseObject({ name: Str.optional(), keywords: StrList.optional() });
export const ReferenceSchema = z.looseObject({ name: Str.optional(), reference: Str.optional() });

export const ResumeProjectSchema = z.looseObject({
  name: Str.optional(),
  description: Str.optional(),
  highlights: StrList.optional(),
  keywords: StrList.optional(),
  startDate: Iso8601Schema.optional(),
  endDate: Iso8601Schema.optional(),
  url: Str.optional(),
  roles: StrList.optional(),
  entity: Str.optional(),
  type: Str.optional(),
});

export const MetaSchema = z.looseObject({
  canonical: Str.optional(),
  version: Str.optional(),
  lastModified: Str.optional(),
});

export const ResumeSchema = z.looseObject({
  $schema: Str.optional(),
  basics: BasicsSchema.optional(),
  work: z.array(ResumeWorkSchema).optional(),
  volunteer: z.array(VolunteerSchema).optional(),
  education: z.array(ResumeEducationSchema).optional(),
  awards: z.array(AwardSchema).optional(),
  certificates: z.array(CertificateSchema).optional(),
  publications: z.array(PublicationSchema).optional(),
  skills: z.array(ResumeSkillSchema).optional(),
  languages: z.array(LanguageSchema).optional(),
  interests: z.array(InterestSchema).optional(),
  references: z.array(ReferenceSchema).optional(),
  projects: z.array(ResumeProjectSchema).optional(),
  meta: MetaSchema.optional(),
});

export type Resume = z.infer<typeof ResumeSchema>;
export type ResumeBasics = z.infer<typeof BasicsSchema>;
export type ResumeWork = z.infer<typeof ResumeWorkSchema>;
export type ResumeEducation = z.infer<typeof ResumeEducationSchema>;
export type ResumeSkill = z.infer<typeof ResumeSkillSchema>;
export type ResumeProject = z.infer<typeof ResumeProjectSchema>;

// Known keys per object kind, taken from the schemas so the unknown-field report cannot drift.
const KNOWN_KEYS = {
  root: keysOf(ResumeSchema),
  basics: keysOf(BasicsSchema),
  location: keysOf(LocationSchema),
  profiles: keysOf(SocialProfileSchema),
  work: keysOf(ResumeWorkSchema),
  volunteer: keysOf(VolunteerSchema),
  education: keysOf(ResumeEducationSchema),
  awards: keysOf(AwardSchema),
  certificates: keysOf(CertificateSchema),
  publications: keysOf(PublicationSchema),
  skills: keysOf(ResumeSkillSchema),
  languages: keysOf(LanguageSchema),
  interests: keysOf(InterestSchema),
  references: keysOf(ReferenceSchema),
  projects: keysOf(ResumeProjectSchema),
  meta: keysOf(MetaSchema),
} as const;

function keysOf(schema: { shape: Record<string, unknown> }): ReadonlySet<string> {
  return new Set(Object.keys(schema.shape));
}

// ---------------------------------------------------------------------------------------------
// Import

export type ImportWarningCode =
  | "renamed_field"
  | "unknown_field"
  | "dropped_value"
  | "normalised_value"
  | "truncated"
  | "not_imported";

export interface ImportWarning {
  path: string;
  code: ImportWarningCode;
  message: string;
}

/** The public.profiles columns an import writes. */
export interface ProfileImport {
  full_name: string | null;
  headline: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  website_url: string | null;
  linkedin_url: string | null;
  github_url: string | null;
  summary: string | null;
  skills: string[];
  work_experience: WorkImport[];
  education: EducationImport[];
}

export interface WorkImport {
  name: string;
  position?: string;
  location?: string;
  url?: string;
  startDate?: string;
  endDate?: string;
  summary?: string;
  highlights?: string[];
}

export interface EducationImport {
  institution: string;
  url?: string;
  area?: string;
  studyType?: string;
  startDate?: string;
  endDate?: string;
  score?: string;
  courses?: string[];
}

/** The public.projects columns an import writes (user_id comes from the caller's session). */
export interface ProjectImport {
  name: string;
  role: string | null;
  description: string | null;
  url: string | null;
  start_date: string | null;
  end_date: string | null;
  technologies: string[];
  achievements: string[];
}

export interface ImportResult {
  profile: ProfileImport;
  projects: ProjectImport[];
  /** The document after upgrading legacy names and dropping invalid values; unknown fields kept. */
  resume: Resume;
  warnings: ImportWarning[];
}

// A huge document should not produce a huge preview: the first warnings tell the story.
const MAX_WARNINGS = 200;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

class Warnings {
  readonly list: ImportWarning[] = [];
  private dropped = 0;
  add(path: string, code: ImportWarningCode, message: string): void {
    if (this.list.length < MAX_WARNINGS) this.list.push({ path, code, message });
    else this.dropped++;
  }
  finish(): ImportWarning[] {
    if (this.dropped > 0) {
      this.list.push({ path: "", code: "truncated", message: `${this.dropped} more warnings were left out.` });
    }
    return this.list;
  }
}

/**
 * Validates a JSON Resume document (any version) and maps it onto the profile and project rows
 * Jobtrail stores. Fails only when the input is not a JSON object at all; everything else is
 * repaired or dropped with a warning so the user can preview the result before applying it.
 */
export function importJsonResume(input: unknown): Result<ImportResult> {
  try {
    if (!isObject(input)) {
      return fail("validation_failed", "A JSON Resume document must be a JSON object.");
    }
    const warnings = new Warnings();
    const upgraded = upgradeLegacy(input, warnings);
    const resume = sanitise(upgraded, warnings);
    reportUnknownFields(resume, warnings);
    const profile = toProfileImport(resume, warnings);
    const projects = toProjectImports(resume, warnings);
    reportUnimportedSections(resume, warnings);
    return ok({ profile, projects, resume, warnings: warnings.finish() });
  } catch (error) {
    // Unreachable for JSON input; a last guard so that import can promise never to throw.
    return fail("validation_failed", "The document could not be read as JSON Resume.", {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

// --- legacy upgrade ----------------------------------------------------------------------------

function rename(
  object: JsonObject,
  from: string,
  to: string,
  path: string,
  warnings: Warnings,
): void {
  if (!Object.hasOwn(object, from)) return;
  const here = path ? `${path}.${from}` : from;
  if (Object.hasOwn(object, to) && object[to] !== undefined) {
    warnings.add(here, "dropped_value", `Both "${from}" (pre-1.0) and "${to}" are set; kept "${to}".`);
  } else {
    object[to] = object[from];
    warnings.add(here, "renamed_field", `Pre-1.0 field "${from}" read as "${to}".`);
  }
  delete object[from];
}

function renameInArray(
  root: JsonObject,
  section: string,
  renames: readonly [string, string][],
  warnings: Warnings,
): void {
  const list = root[section];
  if (!Array.isArray(list)) return;
  root[section] = list.map((entry, index) => {
    if (!isObject(entry)) return entry;
    const copy = { ...entry };
    for (const [from, to] of renames) rename(copy, from, to, `${section}[${index}]`, warnings);
    return copy;
  });
}

// Pre-1.0 documents (schema 0.0.x) used other names for the same things.
function upgradeLegacy(input: JsonObject, warnings: Warnings): JsonObject {
  const root: JsonObject = { ...input };

  // 0.0.9 and earlier: `bio` with firstName/lastName and email/phone objects.
  if (isObject(root.bio) && !isObject(root.basics)) {
    root.basics = basicsFromBio(root.bio, warnings);
    delete root.bio;
    warnings.add("bio", "renamed_field", `Pre-1.0 section "bio" read as "basics".`);
  }
  if (Object.hasOwn(root, "hobbies") && !Object.hasOwn(root, "interests")) {
    rename(root, "hobbies", "interests", "", warnings);
  }
  if (isObject(root.basics)) {
    const basics = { ...root.basics };
    rename(basics, "website", "url", "basics", warnings);
    rename(basics, "picture", "image", "basics", warnings);
    root.basics = basics;
  }
  renameInArray(root, "work", [["company", "name"], ["website", "url"]], warnings);
  renameInArray(root, "volunteer", [["website", "url"]], warnings);
  renameInArray(root, "publications", [["website", "url"]], warnings);
  renameInArray(root, "education", [["gpa", "score"]], warnings);
  renameInArray(root, "awards", [["awardDate", "date"]], warnings);
  renameInArray(root, "projects", [["website", "url"]], warnings);
  return root;
}

function basicsFromBio(bio: JsonObject, warnings: Warnings): JsonObject {
  const pick = (value: unknown): string | undefined => {
    if (typeof value === "string") return value;
    if (isObject(value)) {
      // {work, personal}: the personal one is the person's own, prefer it.
      for (const key of ["personal", "work", "mobile"]) if (typeof value[key] === "string") return value[key] as string;
    }
    return undefined;
  };
  const basics: JsonObject = {};
  const name = [bio.firstName, bio.lastName].filter((part) => typeof part === "string" && part.trim()).join(" ");
  if (name) basics.name = name;
  if (typeof bio.label === "string") basics.label = bio.label;
  if (typeof bio.summary === "string") basics.summary = bio.summary;
  const email = pick(bio.email);
  if (email) basics.email = email;
  const phone = pick(bio.phone);
  if (phone) basics.phone = phone;
  if (typeof bio.picture === "string") basics.image = bio.picture;
  if (isObject(bio.location)) basics.location = bio.location;
  if (isObject(bio.websites)) {
    const first = Object.values(bio.websites).find((value) => typeof value === "string");
    if (first) basics.url = first;
  }
  if (isObject(bio.profiles)) {
    // {twitter: "name", github: "name"} became [{network, username}].
    basics.profiles = Object.entries(bio.profiles)
      .filter(([, username]) => typeof username === "string")
      .map(([network, username]) => ({ network, username }));
    warnings.add("bio.profiles", "normalised_value", "Pre-1.0 profiles map read as a list of profiles.");
  }
  return basics;
}

// --- sanitising against the schema ----------------------------------------------------------------

const DATE_FIELDS = new Set(["startDate", "endDate", "date", "releaseDate"]);
const ONGOING = /^(present|current|now|today|ongoing|)$/i;

/** A date as the schema wants it; timestamps cut to their date, "Present" means no end date. */
function normaliseDate(value: string): { kind: "date"; value: string } | { kind: "ongoing" } | { kind: "invalid" } {
  const trimmed = value.trim();
  if (ONGOING.test(trimmed)) return { kind: "ongoing" };
  const iso = trimmed.match(/^(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?(?:[T ].*)?$/);
  if (!iso) return { kind: "invalid" };
  const [, year, month, day] = iso;
  const parts = [year];
  if (month) parts.push(month.padStart(2, "0"));
  if (month && day) parts.push(day.padStart(2, "0"));
  const normalised = parts.join("-");
  return Iso8601Schema.safeParse(normalised).success ? { kind: "date", value: normalised } : { kind: "invalid" };
}

// Marks a value for removal; arrays are compacted and object keys deleted after each round.
const REMOVED = Symbol("removed");
type Key = string | number;

/**
 * Parses with ResumeSchema and repairs what zod rejects, value by value: null means "not given",
 * numbers where text belongs (a GPA of 3.7) become text, dates are normalised, anything else is
 * left out with a warning. Repairs only ever simplify the document, so a few rounds suffice.
 */
function sanitise(input: JsonObject, warnings: Warnings): Resume {
  let current: unknown = input;
  for (let round = 0; round < 8; round++) {
    const parsed = ResumeSchema.safeParse(current);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((key): key is Key => typeof key !== "symbol");
      if (path.length === 0) return {};
      const here = formatIssuePath(path);
      const value = getAt(current, path);
      const last = path[path.length - 1];
      let replacement: unknown = REMOVED;
      if (value === null || value === undefined) {
        // JSON null means "not given" in every JSON Resume field: no warning needed.
      } else if (typeof last === "string" && DATE_FIELDS.has(last) && typeof value === "string") {
        const date = normaliseDate(value);
        if (date.kind === "date") {
          replacement = date.value;
          warnings.add(here, "normalised_value", `Date read as ${date.value}.`);
        } else if (date.kind === "ongoing") {
          warnings.add(here, "normalised_value", "Read as ongoing (no date).");
        } else {
          warnings.add(here, "dropped_value", "Not a date (YYYY, YYYY-MM or YYYY-MM-DD); left out.");
        }
      } else if (
        (typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean"
      ) {
        replacement = String(value);
        warnings.add(here, "normalised_value", `Read ${String(value)} as text.`);
      } else {
        warnings.add(here, "dropped_value", `Left out: ${issue.message}.`);
      }
      current = setAt(current, path, replacement);
    }
    current = compact(current, 0);
  }
  // Unreachable in practice: fall back to an empty document rather than an exception.
  warnings.add("", "dropped_value", "The document could not be repaired; nothing was imported.");
  return {};
}

function formatIssuePath(path: readonly Key[]): string {
  return path.map((key, index) => typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`).join("");
}

function getAt(value: unknown, path: readonly Key[]): unknown {
  let here = value;
  for (const key of path) {
    if (Array.isArray(here) && typeof key === "number") here = here[key];
    else if (isObject(here) && typeof key === "string") here = here[key];
    else return undefined;
  }
  return here;
}

/** Copy-on-write set, so the caller's input object is never modified. */
function setAt(value: unknown, path: readonly Key[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === "number") {
    return value.map((item, index) => index === head ? setAt(item, rest, replacement) : item);
  }
  if (isObject(value) && typeof head === "string") {
    return { ...value, [head]: setAt(value[head], rest, replacement) };
  }
  return value;
}

// JSON Resume nests at most four levels (section, entry, list, item); deeper data is user-defined
// and never holds a removal mark.
function compact(value: unknown, depth: number): unknown {
  if (depth > 4) return value;
  if (Array.isArray(value)) {
    return value.filter((item) => item !== REMOVED).map((item) => compact(item, depth + 1));
  }
  if (isObject(value)) {
    // fromEntries defines own properties, so a "__proto__" key from JSON stays a plain key.
    return Object.fromEntries(
      Object.entries(value).filter(([, item]) => item !== REMOVED).map((
        [key, item],
      ) => [key, compact(item, depth + 1)]),
    );
  }
  return value;
}

function reportUnknownFields(resume: Resume, warnings: Warnings): void {
  const report = (object: unknown, known: ReadonlySet<string>, path: string) => {
    if (!isObject(object)) return;
    for (const key of Object.keys(object)) {
      if (!known.has(key)) {
        warnings.add(path ? `${path}.${key}` : key, "unknown_field", "Not part of JSON Resume; kept in the document.");
      }
    }
  };
  report(resume, KNOWN_KEYS.root, "");
  report(resume.basics, KNOWN_KEYS.basics, "basics");
  report(resume.basics?.location, KNOWN_KEYS.location, "basics.location");
  resume.basics?.profiles?.forEach((entry, index) => report(entry, KNOWN_KEYS.profiles, `basics.profiles[${index}]`));
  report(resume.meta, KNOWN_KEYS.meta, "meta");
  const sections = [
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
  ] as const;
  for (const section of sections) {
    resume[section]?.forEach((entry, index) => report(entry, KNOWN_KEYS[section], `${section}[${index}]`));
  }
}

function reportUnimportedSections(resume: Resume, warnings: Warnings): void {
  for (
    const section of [
      "volunteer",
      "awards",
      "certificates",
      "publications",
      "languages",
      "interests",
      "references",
    ] as const
  ) {
    const count = resume[section]?.length ?? 0;
    if (count > 0) {
      warnings.add(
        section,
        "not_imported",
        `Jobtrail has no place for ${section} yet; ${count} kept in the document only.`,
      );
    }
  }
}

// --- mapping onto Jobtrail's columns ---------------------------------------------------------------

/** Text that fits a column: trimmed, empty as absent, cut to the column's limit with a warning. */
function fit(value: string | undefined, max: number, path: string, warnings: Warnings): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (trimmed.length <= max) return trimmed;
  warnings.add(path, "truncated", `Cut to ${max} characters.`);
  return trimmed.slice(0, max).trimEnd();
}

/** A list that fits a text[] column: trimmed non-empty items, de-duplicated, bounded. */
function fitList(
  values: readonly string[] | undefined,
  maxItems: number,
  maxLength: number,
  path: string,
  warnings: Warnings,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [index, value] of (values ?? []).entries()) {
    const item = fit(value, maxLength, `${path}[${index}]`, warnings);
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  if (out.length > maxItems) {
    warnings.add(path, "truncated", `Kept the first ${maxItems} of ${out.length}.`);
    return out.slice(0, maxItems);
  }
  return out;
}

/** An http(s) URL; a bare domain gets https:// (a common shorthand), anything else is dropped. */
function fitUrl(value: string | undefined, path: string, warnings: Warnings): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length <= 2048 && HTTP_URL_PATTERN.test(trimmed)) return trimmed;
  if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(trimmed)) {
    warnings.add(path, "normalised_value", `Read as https://${trimmed}.`);
    return `https://${trimmed}`;
  }
  warnings.add(path, "dropped_value", "Only http(s) links are kept.");
  return undefined;
}

/** A date the database accepts (years 1900-2099). */
function fitDate(value: string | undefined, path: string, warnings: Warnings): string | undefined {
  if (value === undefined) return undefined;
  if (PARTIAL_DATE_PATTERN.test(value)) return value;
  warnings.add(path, "dropped_value", "Dates before 1900 or after 2099 are not kept.");
  return undefined;
}

/** An entry's start and end dates as the database accepts them: each in range, the end not before the start. */
function entryDates(
  entry: { startDate?: string; endDate?: string },
  path: string,
  warnings: Warnings,
): [string | undefined, string | undefined] {
  const start = fitDate(entry.startDate, `${path}.startDate`, warnings);
  const end = fitDate(entry.endDate, `${path}.endDate`, warnings);
  if (isDateRangeOrdered(start, end)) return [start, end];
  warnings.add(`${path}.endDate`, "dropped_value", "The end date lies before the start date; left out.");
  return [start, undefined];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function formatLocation(location: z.infer<typeof LocationSchema> | undefined): string | undefined {
  if (!location) return undefined;
  const parts = [location.city, location.region, location.countryCode].map((part) => part?.trim()).filter(Boolean);
  if (parts.length > 0) return parts.join(", ");
  return location.address?.trim() || undefined;
}

function socialUrl(
  resume: Resume,
  network: "linkedin" | "github",
  warnings: Warnings,
): string | undefined {
  const profiles = resume.basics?.profiles ?? [];
  const index = profiles.findIndex((entry) => entry.network?.trim().toLowerCase() === network);
  if (index < 0) return undefined;
  const entry = profiles[index];
  const path = `basics.profiles[${index}].url`;
  if (entry.url) return fitUrl(entry.url, path, warnings);
  const username = entry.username?.trim();
  if (!username || !/^[A-Za-z0-9_.-]{1,100}$/.test(username)) return undefined;
  // Both networks have one canonical profile address per username.
  const url = network === "github" ? `https://github.com/${username}` : `https://www.linkedin.com/in/${username}`;
  warnings.add(path, "normalised_value", `Profile link built from the username: ${url}.`);
  return url;
}

function toProfileImport(resume: Resume, warnings: Warnings): ProfileImport {
  const basics = resume.basics ?? {};
  const email = basics.email?.trim();
  if (email && !(email.length <= 320 && EMAIL.test(email))) {
    warnings.add("basics.email", "dropped_value", "Not an email address; left out.");
  }
  const profiles = basics.profiles ?? [];
  profiles.forEach((entry, index) => {
    const network = entry.network?.trim().toLowerCase();
    if (network !== "linkedin" && network !== "github") {
      warnings.add(`basics.profiles[${index}]`, "not_imported", `Jobtrail keeps LinkedIn and GitHub links only.`);
    }
  });

  return {
    full_name: fit(basics.name, 200, "basics.name", warnings) ?? null,
    headline: fit(basics.label, 200, "basics.label", warnings) ?? null,
    email: email && email.length <= 320 && EMAIL.test(email) ? email : null,
    phone: fit(basics.phone, 50, "basics.phone", warnings) ?? null,
    location: fit(formatLocation(basics.location), 200, "basics.location", warnings) ?? null,
    website_url: fitUrl(basics.url, "basics.url", warnings) ?? null,
    linkedin_url: socialUrl(resume, "linkedin", warnings) ?? null,
    github_url: socialUrl(resume, "github", warnings) ?? null,
    summary: fit(basics.summary, 5000, "basics.summary", warnings) ?? null,
    skills: importSkills(resume, warnings),
    work_experience: importWork(resume, warnings),
    education: importEducation(resume, warnings),
  };
}

// JSON Resume groups skills ({name: "Web Development", keywords: ["HTML", "CSS"]}); Jobtrail keeps a
// flat list. The keywords are the skills; a group name counts only when it has no keywords.
function importSkills(resume: Resume, warnings: Warnings): string[] {
  const flat: string[] = [];
  for (const group of resume.skills ?? []) {
    const keywords = (group.keywords ?? []).filter((keyword) => keyword.trim());
    if (keywords.length > 0) flat.push(...keywords);
    else if (group.name) flat.push(group.name);
  }
  return fitList(flat, 100, 200, "skills", warnings);
}

function importWork(resume: Resume, warnings: Warnings): WorkImport[] {
  const out: WorkImport[] = [];
  for (const [index, entry] of (resume.work ?? []).entries()) {
    const path = `work[${index}]`;
    const name = fit(entry.name, 200, `${path}.name`, warnings);
    if (!name) {
      warnings.add(path, "dropped_value", "A work entry needs an employer name; left out.");
      continue;
    }
    const [startDate, endDate] = entryDates(entry, path, warnings);
    const work: WorkImport = { name };
    assign(work, "position", fit(entry.position, 200, `${path}.position`, warnings));
    assign(work, "location", fit(entry.location, 200, `${path}.location`, warnings));
    assign(work, "url", fitUrl(entry.url, `${path}.url`, warnings));
    assign(work, "startDate", startDate);
    assign(work, "endDate", endDate);
    assign(work, "summary", fit(entry.summary, 4000, `${path}.summary`, warnings));
    const highlights = fitList(entry.highlights, 30, 1000, `${path}.highlights`, warnings);
    if (highlights.length > 0) work.highlights = highlights;
    if (entry.description?.trim()) {
      warnings.add(`${path}.description`, "not_imported", "The employer description is not stored on the profile.");
    }
    out.push(work);
  }
  if (out.length > 50) {
    warnings.add("work", "truncated", `Kept the first 50 of ${out.length} work entries.`);
    return out.slice(0, 50);
  }
  return out;
}

function importEducation(resume: Resume, warnings: Warnings): EducationImport[] {
  const out: EducationImport[] = [];
  for (const [index, entry] of (resume.education ?? []).entries()) {
    const path = `education[${index}]`;
    const institution = fit(entry.institution, 200, `${path}.institution`, warnings);
    if (!institution) {
      warnings.add(path, "dropped_value", "An education entry needs an institution; left out.");
      continue;
    }
    const [startDate, endDate] = entryDates(entry, path, warnings);
    const education: EducationImport = { institution };
    assign(education, "url", fitUrl(entry.url, `${path}.url`, warnings));
    assign(education, "area", fit(entry.area, 200, `${path}.area`, warnings));
    assign(education, "studyType", fit(entry.studyType, 100, `${path}.studyType`, warnings));
    assign(education, "startDate", startDate);
    assign(education, "endDate", endDate);
    assign(education, "score", fit(entry.score, 50, `${path}.score`, warnings));
    const courses = fitList(entry.courses, 30, 200, `${path}.courses`, warnings);
    if (courses.length > 0) education.courses = courses;
    out.push(education);
  }
  if (out.length > 20) {
    warnings.add("education", "truncated", `Kept the first 20 of ${out.length} education entries.`);
    return out.slice(0, 20);
  }
  return out;
}

/** public.projects dates are full dates: a year or month is read as its first day. */
function toSqlDate(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

const isCalendarDate = (value: string) => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/**
 * A project's dates as the date columns take them. A day that does not exist ("2020-02-30") is
 * left out with a warning (the column would refuse it). A year or month end read as its first day
 * can fall before a start in the same period ("2020-02-15" to "2020"): the end is then the start.
 */
function projectDates(
  entry: { startDate?: string; endDate?: string },
  path: string,
  warnings: Warnings,
): [string | null, string | null] {
  const [start, end] = entryDates(entry, path, warnings).map((value, index) => {
    const date = toSqlDate(value);
    if (date === null || isCalendarDate(date)) return date;
    warnings.add(`${path}.${index === 0 ? "startDate" : "endDate"}`, "dropped_value", "Not a calendar date; left out.");
    return null;
  });
  return [start, start !== null && end !== null && end < start ? start : end];
}

function toProjectImports(resume: Resume, warnings: Warnings): ProjectImport[] {
  const out: ProjectImport[] = [];
  for (const [index, entry] of (resume.projects ?? []).entries()) {
    const path = `projects[${index}]`;
    const name = fit(entry.name, 200, `${path}.name`, warnings);
    if (!name) {
      warnings.add(path, "dropped_value", "A project needs a name; left out.");
      continue;
    }
    const [startDate, endDate] = projectDates(entry, path, warnings);
    const roles = (entry.roles ?? []).map((role) => role.trim()).filter(Boolean).join(", ");
    out.push({
      name,
      role: fit(roles || undefined, 200, `${path}.roles`, warnings) ?? null,
      description: fit(entry.description, 10000, `${path}.description`, warnings) ?? null,
      url: fitUrl(entry.url, `${path}.url`, warnings) ?? null,
      start_date: startDate,
      end_date: endDate,
      technologies: fitList(entry.keywords, 50, 100, `${path}.keywords`, warnings),
      achievements: fitList(entry.highlights, 30, 1000, `${path}.highlights`, warnings),
    });
  }
  return out;
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

// ---------------------------------------------------------------------------------------------
// Export

function usernameFrom(url: string): string | undefined {
  try {
    const segments = new URL(url).pathname.split("/").filter(Boolean);
    return segments.length > 0 ? decodeURIComponent(segments[segments.length - 1]) : undefined;
  } catch {
    return undefined;
  }
}

/** A project as a JSON Resume `projects` entry; the live site wins over the repository as url. */
export function projectToResume(project: Project): ResumeProject {
  const entry: ResumeProject = { name: project.name };
  if (project.description) entry.description = project.description;
  if (project.achievements.length > 0) entry.highlights = [...project.achievements];
  if (project.technologies.length > 0) entry.keywords = [...project.technologies];
  if (project.start_date) entry.startDate = project.start_date;
  if (project.end_date) entry.endDate = project.end_date;
  const url = project.url ?? project.repository_url;
  if (url) entry.url = url;
  if (project.role) entry.roles = [project.role];
  return entry;
}

function workToResume(entry: Profile["work_experience"][number]): ResumeWork {
  const work: ResumeWork = { name: entry.name };
  if (entry.position) work.position = entry.position;
  if (entry.location) work.location = entry.location;
  if (entry.url) work.url = entry.url;
  if (entry.startDate) work.startDate = entry.startDate;
  if (entry.endDate) work.endDate = entry.endDate;
  if (entry.summary) work.summary = entry.summary;
  if (entry.highlights && entry.highlights.length > 0) work.highlights = [...entry.highlights];
  return work;
}

function educationToResume(entry: Profile["education"][number]): ResumeEducation {
  const education: ResumeEducation = { institution: entry.institution };
  if (entry.url) education.url = entry.url;
  if (entry.area) education.area = entry.area;
  if (entry.studyType) education.studyType = entry.studyType;
  if (entry.startDate) education.startDate = entry.startDate;
  if (entry.endDate) education.endDate = entry.endDate;
  if (entry.score) education.score = entry.score;
  if (entry.courses && entry.courses.length > 0) education.courses = [...entry.courses];
  return education;
}

/**
 * The JSON Resume document of a profile and its projects, in the order given. Empty sections are
 * left out rather than exported as [] so themes do not render empty headings. The free-text
 * profile location goes to `location.city`, the field themes show.
 */
export function profileToResume(profile: Profile, projects: readonly Project[]): Resume {
  const basics: ResumeBasics = {};
  if (profile.full_name) basics.name = profile.full_name;
  if (profile.headline) basics.label = profile.headline;
  if (profile.email) basics.email = profile.email;
  if (profile.phone) basics.phone = profile.phone;
  if (profile.website_url) basics.url = profile.website_url;
  if (profile.summary) basics.summary = profile.summary;
  if (profile.location) basics.location = { city: profile.location };
  const socials: z.infer<typeof SocialProfileSchema>[] = [];
  for (const [network, url] of [["LinkedIn", profile.linkedin_url], ["GitHub", profile.github_url]] as const) {
    if (!url) continue;
    const username = usernameFrom(url);
    socials.push(username ? { network, username, url } : { network, url });
  }
  if (socials.length > 0) basics.profiles = socials;

  const resume: Resume = { $schema: JSON_RESUME_SCHEMA_URL, basics };
  if (profile.work_experience.length > 0) resume.work = profile.work_experience.map(workToResume);
  if (profile.education.length > 0) resume.education = profile.education.map(educationToResume);
  if (profile.skills.length > 0) resume.skills = profile.skills.map((name) => ({ name }));
  if (projects.length > 0) resume.projects = projects.map(projectToResume);
  return resume;
}
