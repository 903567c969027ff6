// Zod schemas for the database rows the tailoring engine consumes (public.profiles,
// public.projects, public.jobs). They mirror the migrations' CHECK constraints so that a value
// that parses here is one the database would accept, and the pure modules can trust their input.
// Columns the engine never reads (salary, preferences, search vectors...) are left out: zod strips
// them, so a `select *` row parses as well as a narrow one.
import { z } from "zod";
import { fail, ok, type Result } from "../result.ts";

// Same pattern as private.is_partial_date(): JSON Resume dates as Jobtrail stores them.
export const PARTIAL_DATE_PATTERN = /^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
// Same pattern as private.is_http_url(): no javascript:, data: or file: links ever reach a template.
export const HTTP_URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
// PostgREST serialises `date` columns as YYYY-MM-DD.
const SQL_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const PartialDateSchema = z.string().regex(PARTIAL_DATE_PATTERN, "expected YYYY, YYYY-MM or YYYY-MM-DD");
export const HttpUrlSchema = z.string().max(2048).regex(HTTP_URL_PATTERN, "expected an http(s) URL");
export const SqlDateSchema = z.string().regex(SQL_DATE_PATTERN, "expected YYYY-MM-DD");

/** private.is_date_range_ordered(): compared at the precision both dates share ('2021' may end '2021-06'). */
export function isDateRangeOrdered(start: string | null | undefined, end: string | null | undefined): boolean {
  if (!start || !end) return true;
  const length = Math.min(start.length, end.length);
  return end.slice(0, length) >= start.slice(0, length);
}

const text = (max: number) => z.string().max(max);
const requiredText = (max: number) => z.string().max(max).refine((value) => value.trim() !== "", "must not be blank");
// private.is_clean_text_array(): non-empty, trimmed items of bounded length.
const cleanTextArray = (maxItems: number, maxLength: number) =>
  z.array(
    z.string().min(1).max(maxLength).refine((value) => value === value.trim(), "must be trimmed"),
  ).max(maxItems);

/** One JSON Resume `work` entry as private.is_valid_work_history() accepts it. */
export const WorkEntrySchema = z.object({
  name: requiredText(200),
  position: text(200).nullish(),
  location: text(200).nullish(),
  summary: text(4000).nullish(),
  startDate: PartialDateSchema.nullish(),
  endDate: PartialDateSchema.nullish(),
  url: HttpUrlSchema.nullish(),
  highlights: z.array(text(1000)).max(30).nullish(),
}).refine((entry) => isDateRangeOrdered(entry.startDate, entry.endDate), {
  message: "endDate lies before startDate",
  path: ["endDate"],
});
export type WorkEntry = z.infer<typeof WorkEntrySchema>;

/** One JSON Resume `education` entry as private.is_valid_education() accepts it. */
export const EducationEntrySchema = z.object({
  institution: requiredText(200),
  url: HttpUrlSchema.nullish(),
  area: text(200).nullish(),
  studyType: text(100).nullish(),
  startDate: PartialDateSchema.nullish(),
  endDate: PartialDateSchema.nullish(),
  score: text(50).nullish(),
  courses: z.array(text(200)).max(30).nullish(),
}).refine((entry) => isDateRangeOrdered(entry.startDate, entry.endDate), {
  message: "endDate lies before startDate",
  path: ["endDate"],
});
export type EducationEntry = z.infer<typeof EducationEntrySchema>;

/** The public.profiles columns a CV is built from. */
export const ProfileSchema = z.object({
  id: z.uuid().optional(),
  full_name: text(200).nullish(),
  headline: text(200).nullish(),
  email: text(320).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/).nullish(),
  phone: text(50).nullish(),
  location: text(200).nullish(),
  website_url: HttpUrlSchema.nullish(),
  linkedin_url: HttpUrlSchema.nullish(),
  github_url: HttpUrlSchema.nullish(),
  summary: text(5000).nullish(),
  skills: cleanTextArray(100, 200).default([]),
  work_experience: z.array(WorkEntrySchema).max(50).default([]),
  education: z.array(EducationEntrySchema).max(20).default([]),
  target_roles: cleanTextArray(20, 200).default([]),
});
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;

/** The public.projects columns tailoring ranks and renders. */
export const ProjectSchema = z.object({
  id: z.uuid().optional(),
  name: z.string().min(1).max(200).refine((value) => value === value.trim(), "must be trimmed"),
  role: text(200).nullish(),
  description: text(10000).nullish(),
  url: HttpUrlSchema.nullish(),
  repository_url: HttpUrlSchema.nullish(),
  start_date: SqlDateSchema.nullish(),
  end_date: SqlDateSchema.nullish(),
  technologies: cleanTextArray(50, 100).default([]),
  achievements: cleanTextArray(30, 1000).default([]),
  // Flat object of measured outcomes, e.g. {"latency_p95_ms": 40}; values are whatever JSON holds.
  metrics: z.record(z.string(), z.unknown()).default({}),
  relevance_tags: cleanTextArray(30, 100).default([]),
  is_featured: z.boolean().default(false),
}).refine((project) => isDateRangeOrdered(project.start_date, project.end_date), {
  message: "end_date lies before start_date",
  path: ["end_date"],
});
export type Project = z.infer<typeof ProjectSchema>;
export type ProjectInput = z.input<typeof ProjectSchema>;

export const RemoteTypeSchema = z.enum(["onsite", "hybrid", "remote"]);
export const EmploymentTypeSchema = z.enum([
  "full_time",
  "part_time",
  "contract",
  "temporary",
  "internship",
  "freelance",
]);

/** The public.jobs columns tailoring reads: who, what, and the text skills are extracted from. */
export const JobSchema = z.object({
  id: z.uuid().optional(),
  title: z.string().min(1).max(300).refine((value) => value === value.trim(), "must be trimmed"),
  company: z.string().min(1).max(200).refine((value) => value === value.trim(), "must be trimmed"),
  location: text(300).nullish(),
  remote_type: RemoteTypeSchema.nullish(),
  employment_type: EmploymentTypeSchema.nullish(),
  description: text(100000).nullish(),
  requirements: text(50000).nullish(),
  responsibilities: text(50000).nullish(),
  required_skills: cleanTextArray(100, 100).default([]),
  preferred_skills: cleanTextArray(100, 100).default([]),
});
export type Job = z.infer<typeof JobSchema>;
export type JobInput = z.input<typeof JobSchema>;

export interface Issue {
  path: string;
  message: string;
}

/** Zod issues as `{ path: "work_experience[0].name", message }`, the shape error details use. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function parseWith<T>(schema: z.ZodType<T>, what: string, input: unknown): Result<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return fail("validation_failed", `The ${what} is not valid.`, { issues: issuesOf(parsed.error) });
}

export const parseProfile = (input: unknown): Result<Profile> => parseWith(ProfileSchema, "profile", input);
export const parseProject = (input: unknown): Result<Project> => parseWith(ProjectSchema, "project", input);
export const parseJob = (input: unknown): Result<Job> => parseWith(JobSchema, "job posting", input);
export const parseProjects = (input: unknown): Result<Project[]> =>
  parseWith(z.array(ProjectSchema).max(500), "project list", input);
