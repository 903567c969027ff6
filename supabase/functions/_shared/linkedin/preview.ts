// The diff a UI shows before a LinkedIn import is applied: for each profile field whether the
// import leaves it alone, fills it, or would change it (old and new side by side), which projects
// it would add, and the exact column values to write. An import only adds: a field LinkedIn has
// nothing for is left as it is, work and education entries and skills are merged into the
// existing lists (never replacing what the user edited in Jobtrail), and a project whose name
// already exists is not added again. Merged lists are capped at the database's limits.
import { z } from "zod";
import { fail, ok, type Result } from "../result.ts";
import { skillKey } from "../skills.ts";
import { type EducationEntry, EducationEntrySchema, type WorkEntry, WorkEntrySchema } from "../tailoring/rows.ts";
import {
  LIMITS,
  type LinkedInImport,
  LinkedInImportSchema,
  type LinkedInProfile,
  LinkedInProfileSchema,
  type LinkedInProject,
  type LinkedInWarning,
  Warnings,
} from "./model.ts";

/** What the user has now: the profile row's importable columns and the names of their projects. */
export const CurrentProfileSchema = z.object({
  profile: z.object({
    full_name: z.string().nullish(),
    headline: z.string().nullish(),
    summary: z.string().nullish(),
    location: z.string().nullish(),
    website_url: z.string().nullish(),
    skills: z.array(z.string()).default([]),
    work_experience: z.array(WorkEntrySchema).default([]),
    education: z.array(EducationEntrySchema).default([]),
  }),
  projects: z.array(z.object({ id: z.string().optional(), name: z.string() })).default([]),
});
export type CurrentProfileInput = z.input<typeof CurrentProfileSchema>;

export type FieldDiff<T> =
  | { status: "unchanged"; value: T }
  | { status: "added"; new: T }
  | { status: "changed"; old: T; new: T };

/** A list field's diff; `added` lists the items the import brings in. */
export type ListDiff<T> = FieldDiff<T[]> & { added: T[] };

type ScalarField = "full_name" | "headline" | "summary" | "location" | "website_url";
const SCALAR_FIELDS: readonly ScalarField[] = ["full_name", "headline", "summary", "location", "website_url"];

export interface LinkedInPreview {
  fields: { [K in ScalarField]: FieldDiff<string | null> } & {
    skills: ListDiff<string>;
    work_experience: ListDiff<WorkEntry>;
    education: ListDiff<EducationEntry>;
  };
  /** The profile columns to write: exactly the added and changed fields, within the database limits. */
  profileUpdate: Partial<LinkedInProfile>;
  projects: {
    /** Rows to insert into public.projects (user_id comes from the session). */
    add: LinkedInProject[];
    /** Imported projects left out because the user already has one of that name. */
    matched: { name: string; existing: string; existingId?: string }[];
  };
  hasChanges: boolean;
  warnings: LinkedInWarning[];
}

const squash = (value: string): string => value.replace(/\s+/g, " ").trim();
const nameKey = (value: string | null | undefined): string => skillKey(value ?? "");

function sameScalar(field: ScalarField, before: string, after: string): boolean {
  if (field === "website_url") {
    // Scheme and host are case-insensitive and a trailing slash names the same page.
    const normalise = (url: string) =>
      squash(url).replace(/\/+$/, "").replace(/^[a-z]+:\/\/[^/]+/i, (s) => s.toLowerCase());
    return normalise(before) === normalise(after);
  }
  return squash(before) === squash(after);
}

function scalarDiff(field: ScalarField, current: string | null | undefined, incoming: string | null): FieldDiff<
  string | null
> {
  const before = current ?? null;
  if (incoming === null) return { status: "unchanged", value: before };
  if (before === null || before.trim() === "") return { status: "added", new: incoming };
  if (sameScalar(field, before, incoming)) return { status: "unchanged", value: before };
  return { status: "changed", old: before, new: incoming };
}

function listDiff<T>(before: T[], merged: T[], added: T[]): ListDiff<T> {
  if (added.length === 0) return { status: "unchanged", value: before, added };
  if (before.length === 0) return { status: "added", new: merged, added };
  return { status: "changed", old: before, new: merged, added };
}

/** Two partial dates that could be the same day: equal, or one a prefix of the other ("2020", "2020-03"). */
const compatibleDates = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !a || !b || a.startsWith(b) || b.startsWith(a);

const compatibleText = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !a || !b || nameKey(a) === nameKey(b);

const sameWork = (a: WorkEntry, b: WorkEntry): boolean =>
  nameKey(a.name) === nameKey(b.name) && compatibleText(a.position, b.position) &&
  compatibleDates(a.startDate, b.startDate);

const sameEducation = (a: EducationEntry, b: EducationEntry): boolean =>
  nameKey(a.institution) === nameKey(b.institution) && compatibleText(a.studyType, b.studyType) &&
  compatibleDates(a.startDate, b.startDate);

/** a started before b, compared at the precision both have. */
function startsBefore(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const length = Math.min(a.length, b.length);
  return a.slice(0, length) < b.slice(0, length);
}

/**
 * Merges dated entries into the user's list: the user's entries keep their order, and each new
 * one goes before the first entry that started earlier (CVs read newest first), or at the end.
 */
function mergeDated<T extends { startDate?: string | null }>(
  current: readonly T[],
  incoming: readonly T[],
  same: (a: T, b: T) => boolean,
  max: number,
  what: { file: string; label: string },
  warnings: Warnings,
): { merged: T[]; added: T[] } {
  const merged = [...current];
  const added: T[] = [];
  let skipped = 0;
  for (const item of incoming) {
    if (merged.some((existing) => same(existing, item))) continue;
    if (merged.length >= max) {
      skipped++;
      continue;
    }
    const at = merged.findIndex((existing) => startsBefore(existing.startDate, item.startDate));
    merged.splice(at < 0 ? merged.length : at, 0, item);
    added.push(item);
  }
  if (skipped > 0) {
    warnings.add(
      { file: what.file },
      "truncated",
      `${skipped} ${what.label} not added: the profile holds at most ${max}.`,
    );
  }
  return { merged, added };
}

function mergeSkills(current: readonly string[], incoming: readonly string[], warnings: Warnings) {
  const seen = new Set(current.map(skillKey));
  const merged = [...current];
  const added: string[] = [];
  let skipped = 0;
  for (const skill of incoming) {
    if (seen.has(skillKey(skill))) continue;
    if (merged.length >= LIMITS.skills) {
      skipped++;
      continue;
    }
    seen.add(skillKey(skill));
    merged.push(skill);
    added.push(skill);
  }
  if (skipped > 0) {
    warnings.add(
      { file: "Skills.csv" },
      "truncated",
      `${skipped} skills not added: the profile holds at most ${LIMITS.skills}.`,
    );
  }
  return { merged, added };
}

/**
 * Compares an import with the user's current profile and projects. Both arguments are validated
 * (they may arrive in a request body between preview and apply).
 */
export function previewLinkedInImport(current: CurrentProfileInput, parsed: LinkedInImport): Result<LinkedInPreview> {
  const now = CurrentProfileSchema.safeParse(current);
  if (!now.success) {
    return fail("validation_failed", "The current profile is not valid.", { issues: now.error.issues });
  }
  const incoming = LinkedInImportSchema.safeParse(parsed);
  if (!incoming.success) {
    return fail("validation_failed", "The LinkedIn import is not valid.", { issues: incoming.error.issues });
  }
  const { profile } = now.data;
  const imported = incoming.data;
  const warnings = new Warnings();

  const skills = mergeSkills(profile.skills, imported.profile.skills, warnings);
  const work = mergeDated(
    profile.work_experience,
    imported.profile.work_experience,
    sameWork,
    LIMITS.work,
    { file: "Positions.csv", label: "positions" },
    warnings,
  );
  const education = mergeDated(
    profile.education,
    imported.profile.education,
    sameEducation,
    LIMITS.education,
    { file: "Education.csv", label: "education entries" },
    warnings,
  );

  const scalars = Object.fromEntries(
    SCALAR_FIELDS.map((field) => [field, scalarDiff(field, profile[field], imported.profile[field])]),
  ) as { [K in ScalarField]: FieldDiff<string | null> };
  const fields: LinkedInPreview["fields"] = {
    ...scalars,
    skills: listDiff(profile.skills, skills.merged, skills.added),
    work_experience: listDiff(profile.work_experience, work.merged, work.added),
    education: listDiff(profile.education, education.merged, education.added),
  };

  const update: Record<string, unknown> = {};
  for (const [field, diff] of Object.entries(fields)) {
    if (diff.status !== "unchanged") update[field] = diff.new;
  }
  // Merged lists are bounded above; this re-check is what makes "never rejected" hold for them.
  const profileUpdate = LinkedInProfileSchema.partial().safeParse(update);
  if (!profileUpdate.success) {
    return fail("internal_error", "The merged profile would not fit the database.", {
      issues: profileUpdate.error.issues,
    });
  }

  const existing = new Map(now.data.projects.map((project) => [nameKey(project.name), project]));
  const add: LinkedInProject[] = [];
  const matched: LinkedInPreview["projects"]["matched"] = [];
  for (const project of imported.projects) {
    const same = existing.get(nameKey(project.name));
    if (same) {
      matched.push(
        same.id ? { name: project.name, existing: same.name, existingId: same.id } : {
          name: project.name,
          existing: same.name,
        },
      );
      continue;
    }
    // Two imported projects of one name: the first is added, the second matches it.
    existing.set(nameKey(project.name), { name: project.name });
    add.push(project);
  }

  return ok({
    fields,
    profileUpdate: profileUpdate.data,
    projects: { add, matched },
    hasChanges: Object.keys(profileUpdate.data).length > 0 || add.length > 0,
    warnings: [...imported.warnings, ...warnings.finish()],
  });
}
