// The shapes a LinkedIn import produces, as zod schemas that mirror the database's CHECK
// constraints (profiles and projects migrations, via tailoring/rows.ts), with the types inferred
// from them, and the warning list both the parser and the preview write to.
import { z } from "zod";
import {
  EducationEntrySchema,
  HttpUrlSchema,
  isDateRangeOrdered,
  SqlDateSchema,
  WorkEntrySchema,
} from "../tailoring/rows.ts";

// Database limits (migrations 20261125180100_profiles.sql and 20261125181100_projects.sql).
export const LIMITS = {
  fullName: 200,
  headline: 200,
  summary: 5000,
  location: 200,
  skills: 100,
  skillLength: 200,
  work: 50,
  workText: 200,
  workSummary: 4000,
  highlights: 30,
  highlightLength: 1000,
  education: 20,
  institution: 200,
  studyType: 100,
  projectName: 200,
  projectDescription: 10000,
  url: 2048,
  /** Not a database limit: a sane bound on one import. */
  projects: 200,
} as const;

// ---------------------------------------------------------------------------------------------
// Output: schemas mirroring the constraints, and the types inferred from them.

export const WARNING_CODES = [
  "missing_file",
  "unreadable_file",
  "skipped_row",
  "dropped_value",
  "truncated",
  "normalised_value",
  "not_imported",
] as const;

export const LinkedInWarningSchema = z.object({
  file: z.string(),
  /** Data row, counted from 1 after the header (line numbers mislead when fields hold newlines). */
  row: z.number().int().positive().optional(),
  field: z.string().optional(),
  code: z.enum(WARNING_CODES),
  message: z.string(),
});
export type LinkedInWarning = z.infer<typeof LinkedInWarningSchema>;

const cleanItem = (max: number) =>
  z.string().min(1).max(max).refine((value) => value === value.trim(), "must be trimmed");

export const LinkedInProfileSchema = z.object({
  full_name: z.string().max(LIMITS.fullName).nullable(),
  headline: z.string().max(LIMITS.headline).nullable(),
  summary: z.string().max(LIMITS.summary).nullable(),
  location: z.string().max(LIMITS.location).nullable(),
  website_url: HttpUrlSchema.nullable(),
  skills: z.array(cleanItem(LIMITS.skillLength)).max(LIMITS.skills),
  work_experience: z.array(WorkEntrySchema).max(LIMITS.work),
  education: z.array(EducationEntrySchema).max(LIMITS.education),
});
export type LinkedInProfile = z.infer<typeof LinkedInProfileSchema>;

export const LinkedInProjectSchema = z.object({
  name: cleanItem(LIMITS.projectName),
  description: z.string().max(LIMITS.projectDescription).nullable(),
  url: HttpUrlSchema.nullable(),
  start_date: SqlDateSchema.nullable(),
  end_date: SqlDateSchema.nullable(),
}).refine((project) => isDateRangeOrdered(project.start_date, project.end_date), {
  message: "end_date lies before start_date",
  path: ["end_date"],
});
export type LinkedInProject = z.infer<typeof LinkedInProjectSchema>;

export const LinkedInImportSchema = z.object({
  profile: LinkedInProfileSchema,
  projects: z.array(LinkedInProjectSchema).max(LIMITS.projects),
  warnings: z.array(LinkedInWarningSchema),
  /** Which files were read, from where in the archive, and how many data rows each had. */
  sources: z.array(z.object({ file: z.string(), path: z.string(), rows: z.number().int().nonnegative() })),
});
export type LinkedInImport = z.infer<typeof LinkedInImportSchema>;

// ---------------------------------------------------------------------------------------------
// Warnings

// A pathological archive should not produce a pathological preview: the first ones tell the story.
const MAX_WARNINGS = 200;

export interface Where {
  file: string;
  row?: number;
  field?: string;
}

export class Warnings {
  readonly list: LinkedInWarning[] = [];
  private omitted = 0;

  add(where: Where, code: LinkedInWarning["code"], message: string): void {
    if (this.list.length >= MAX_WARNINGS) {
      this.omitted++;
      return;
    }
    const warning: LinkedInWarning = { file: where.file, code, message };
    if (where.row !== undefined) warning.row = where.row;
    if (where.field !== undefined) warning.field = where.field;
    this.list.push(warning);
  }

  finish(): LinkedInWarning[] {
    if (this.omitted > 0) {
      this.list.push({ file: "", code: "truncated", message: `${this.omitted} more warnings were left out.` });
      this.omitted = 0;
    }
    return this.list;
  }
}
