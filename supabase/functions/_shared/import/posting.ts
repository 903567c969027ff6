// The normalised posting every importer produces: one shape for JSON-LD pages, Greenhouse, Lever
// and batches sent already normalised. Its caps and formats repeat the public.jobs constraints
// (20261125181200_jobs.sql) so a posting that passes this schema never fails an insert; the
// database stays the guard, this only turns a doomed insert into a clear error before any I/O.
import { createHash } from "node:crypto";
import { z } from "zod";
import { issueList } from "../http.ts";
import { importFail, importOk, type ImportResult } from "./errors.ts";

export const REMOTE_TYPES = ["onsite", "hybrid", "remote"] as const;
export const EMPLOYMENT_TYPES = ["full_time", "part_time", "contract", "temporary", "internship", "freelance"] as const;
export const SALARY_PERIODS = ["year", "month", "week", "day", "hour"] as const;

export type RemoteType = (typeof REMOTE_TYPES)[number];
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

/** Column caps, in characters, as in the jobs table's check constraints. */
export const LIMITS = {
  externalId: 200,
  url: 2048,
  title: 300,
  company: 200,
  location: 300,
  description: 100_000,
  requirements: 50_000,
  responsibilities: 50_000,
  skills: 100, // items per array
  skill: 100, // characters per item
  /** Postgres `integer`. */
  salary: 2_147_483_647,
} as const;

// JS lengths count UTF-16 units, Postgres counts characters; a string within the cap in UTF-16 is
// within it in characters too, so checking .length errs on the safe side.
const noNul = (value: string) => !value.includes("\u0000"); // Postgres text cannot hold NUL.
const trimmed = (value: string) => value === value.trim();

// private.is_http_url(): absolute http(s), no whitespace, at most 2048 characters.
const HTTP_URL = /^https?:\/\/[^\s/?#]+\S*$/i;
export function isHttpUrl(value: string): boolean {
  if (value.length > LIMITS.url || !HTTP_URL.test(value)) return false;
  return URL.canParse(value);
}

const text = (max: number) => z.string().max(max).refine(noNul, "must not contain NUL characters");
const requiredText = (max: number) =>
  text(max).min(1).refine(trimmed, "must be trimmed").refine((value) => value.length > 0, "must not be empty");
const httpUrl = z.string().refine(isHttpUrl, "must be an absolute http(s) URL of at most 2048 characters");
const skillList = z
  .array(requiredText(LIMITS.skill))
  .max(LIMITS.skills);
const salaryAmount = z.number().int().min(0).max(LIMITS.salary);
const timestamp = z.iso.datetime({ offset: true });

export const NormalizedPostingSchema = z
  .strictObject({
    source: z.string().regex(/^[a-z0-9_-]{1,40}$/),
    external_id: text(LIMITS.externalId).min(1).nullable(),
    source_url: httpUrl.nullable(),
    title: requiredText(LIMITS.title),
    company: requiredText(LIMITS.company),
    company_url: httpUrl.nullable(),
    location: text(LIMITS.location).nullable(),
    country_code: z.string().regex(/^[A-Z]{2}$/).nullable(),
    remote_type: z.enum(REMOTE_TYPES).nullable(),
    employment_type: z.enum(EMPLOYMENT_TYPES).nullable(),
    description: text(LIMITS.description).nullable(),
    requirements: text(LIMITS.requirements).nullable(),
    responsibilities: text(LIMITS.responsibilities).nullable(),
    salary_min: salaryAmount.nullable(),
    salary_max: salaryAmount.nullable(),
    salary_currency: z.string().regex(/^[A-Z]{3}$/).nullable(),
    salary_period: z.enum(SALARY_PERIODS).nullable(),
    required_skills: skillList,
    preferred_skills: skillList,
    posted_at: timestamp.nullable(),
    expires_at: timestamp.nullable(),
  })
  // The table-level constraints: jobs_salary_range_check, jobs_salary_needs_currency_check,
  // jobs_dates_ordered_check.
  .refine((p) => p.salary_min === null || p.salary_max === null || p.salary_min <= p.salary_max, {
    message: "salary_min must not exceed salary_max",
    path: ["salary_min"],
  })
  .refine((p) => (p.salary_min === null && p.salary_max === null) || p.salary_currency !== null, {
    message: "a salary needs a currency",
    path: ["salary_currency"],
  })
  .refine((p) => p.posted_at === null || p.expires_at === null || Date.parse(p.expires_at) >= Date.parse(p.posted_at), {
    message: "expires_at must not be before posted_at",
    path: ["expires_at"],
  });

export type NormalizedPosting = z.infer<typeof NormalizedPostingSchema>;

/**
 * What a parser knows before clean-up: every field optional and loose (untrimmed, too long,
 * fractional salaries, unchecked URLs). finalizePosting() turns it into a NormalizedPosting.
 */
export interface PostingDraft {
  source: string;
  external_id?: string | number | null;
  source_url?: string | null;
  title?: string | null;
  company?: string | null;
  company_url?: string | null;
  location?: string | null;
  country_code?: string | null;
  remote_type?: RemoteType | null;
  employment_type?: EmploymentType | null;
  description?: string | null;
  requirements?: string | null;
  responsibilities?: string | null;
  salary_min?: number | null;
  salary_max?: number | null;
  salary_currency?: string | null;
  salary_period?: SalaryPeriod | null;
  required_skills?: readonly string[];
  preferred_skills?: readonly string[];
  posted_at?: string | number | Date | null;
  expires_at?: string | number | Date | null;
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate whose partner would be cut off
  return value.slice(0, end);
}

const stripNul = (value: string) => value.replaceAll("\u0000", "");

/** One-line text (titles, names, locations): whitespace collapsed, trimmed, clipped. */
export function cleanLine(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const line = clip(stripNul(value).replace(/\s+/g, " ").trim(), max).trim();
  return line === "" ? null : line;
}

/** Multi-line body text: NUL removed, trimmed, clipped; empty becomes null. */
export function cleanBody(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const body = clip(stripNul(value).trim(), max).trimEnd();
  return body === "" ? null : body;
}

function cleanUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const candidate = value.trim();
  if (!URL.canParse(candidate)) return null;
  const href = new URL(candidate).href;
  return isHttpUrl(href) ? href : null;
}

/** External ids longer than the column are hashed rather than cut, so they stay unique and stable. */
function cleanExternalId(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const id = stripNul(String(value)).trim();
  if (id === "") return null;
  if (id.length <= LIMITS.externalId) return id;
  return `sha256:${createHash("sha256").update(id).digest("hex")}`;
}

function cleanAmount(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return null;
  const rounded = Math.round(value);
  return rounded <= LIMITS.salary ? rounded : null;
}

/** Skill arrays as is_clean_text_array() wants them: trimmed, non-empty, short, de-duplicated, capped. */
export function cleanSkills(values: readonly string[] | undefined, exclude: readonly string[] = []): string[] {
  const seen = new Set(exclude.map((value) => value.toLowerCase()));
  const out: string[] = [];
  for (const raw of values ?? []) {
    const skill = cleanLine(raw, Number.MAX_SAFE_INTEGER);
    if (skill === null || skill.length > LIMITS.skill) continue;
    const key = skill.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(skill);
    if (out.length === LIMITS.skills) break;
  }
  return out;
}

// Dates outside this window are typos or placeholders ("0001-01-01", "9999-12-31"), not facts.
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

export function cleanTimestamp(value: string | number | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value.trim());
  if (!Number.isFinite(ms) || ms < EARLIEST || ms > LATEST) return null;
  return new Date(ms).toISOString();
}

/**
 * Turns a draft into a posting the jobs table accepts, or says why it cannot: title and company
 * are required; everything else is cleaned or dropped (a salary without a currency, an expiry
 * before the posting date, a javascript: URL) rather than failing the whole posting.
 */
export function finalizePosting(draft: PostingDraft): ImportResult<NormalizedPosting> {
  const title = cleanLine(draft.title, LIMITS.title);
  const company = cleanLine(draft.company, LIMITS.company);
  if (title === null) return importFail("invalid_posting", "The posting has no title.");
  if (company === null) return importFail("invalid_posting", "The posting does not name the hiring company.");

  let salaryMin = cleanAmount(draft.salary_min);
  let salaryMax = cleanAmount(draft.salary_max);
  const currency = draft.salary_currency?.trim().toUpperCase() ?? null;
  const salaryCurrency = currency !== null && /^[A-Z]{3}$/.test(currency) ? currency : null;
  if (salaryMin !== null && salaryMax !== null && salaryMin > salaryMax) {
    [salaryMin, salaryMax] = [salaryMax, salaryMin];
  }
  const hasSalary = salaryCurrency !== null && (salaryMin !== null || salaryMax !== null);

  const postedAt = cleanTimestamp(draft.posted_at);
  let expiresAt = cleanTimestamp(draft.expires_at);
  if (postedAt !== null && expiresAt !== null && Date.parse(expiresAt) < Date.parse(postedAt)) expiresAt = null;

  const country = draft.country_code?.trim().toUpperCase() ?? null;
  const requiredSkills = cleanSkills(draft.required_skills);

  const candidate: NormalizedPosting = {
    source: draft.source,
    external_id: cleanExternalId(draft.external_id),
    source_url: cleanUrl(draft.source_url),
    title,
    company,
    company_url: cleanUrl(draft.company_url),
    location: cleanLine(draft.location, LIMITS.location),
    country_code: country !== null && /^[A-Z]{2}$/.test(country) ? country : null,
    remote_type: draft.remote_type ?? null,
    employment_type: draft.employment_type ?? null,
    description: cleanBody(draft.description, LIMITS.description),
    requirements: cleanBody(draft.requirements, LIMITS.requirements),
    responsibilities: cleanBody(draft.responsibilities, LIMITS.responsibilities),
    salary_min: hasSalary ? salaryMin : null,
    salary_max: hasSalary ? salaryMax : null,
    salary_currency: hasSalary ? salaryCurrency : null,
    salary_period: hasSalary ? draft.salary_period ?? null : null,
    required_skills: requiredSkills,
    // A skill both required and preferred is required.
    preferred_skills: cleanSkills(draft.preferred_skills, requiredSkills),
    posted_at: postedAt,
    expires_at: expiresAt,
  };
  // The last word is the schema: if clean-up ever misses a case, the posting is refused here
  // with the issues listed instead of failing later in the database.
  const parsed = NormalizedPostingSchema.safeParse(candidate);
  if (!parsed.success) {
    return importFail(
      "invalid_posting",
      "The posting does not fit the jobs table.",
      issueList(parsed.error),
    );
  }
  return importOk(parsed.data);
}
