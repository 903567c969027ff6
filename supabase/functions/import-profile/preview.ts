// The preview of an import, whatever its source: which profile fields it fills or changes, which
// projects it adds, and the exact values to write. Both sources go through the one merge rule of
// the LinkedIn preview (linkedin/preview.ts: an import only adds; lists are merged, never
// replaced; a project whose name exists is not added again). A JSON Resume brings fields LinkedIn
// archives lack (email, phone, LinkedIn and GitHub links; project roles, technologies and
// highlights): those are compared here with the same rule for scalars. Pure, no I/O.
import { type CurrentProfileInput, type LinkedInImport, previewLinkedInImport } from "../_shared/linkedin/archive.ts";
import { skillKey } from "../_shared/skills.ts";
import { LIMITS } from "../_shared/linkedin/model.ts";
import { fail, ok, type Result } from "../_shared/result.ts";
import type { ImportResult, ImportWarning, ProjectImport } from "../_shared/tailoring/resume.ts";

export type Source = "json_resume" | "linkedin";

/** The profile columns an import may write, and nothing else. */
export const PROFILE_COLUMNS = [
  "full_name",
  "headline",
  "email",
  "phone",
  "location",
  "website_url",
  "linkedin_url",
  "github_url",
  "summary",
  "skills",
  "work_experience",
  "education",
] as const;
export type ProfileColumn = typeof PROFILE_COLUMNS[number];

/** What the user has now (read in the same transaction as the write). */
export interface Current {
  profile: Record<ProfileColumn, unknown>;
  projects: { id: string; name: string }[];
}

/** A project row to insert: the JSON Resume import's columns (a LinkedIn project has fewer). */
export type ProjectRow = Partial<ProjectImport> & { name: string };

type FieldDiff = { status: "unchanged"; value: unknown } | { status: "added"; new: unknown } | {
  status: "changed";
  old: unknown;
  new: unknown;
};

export interface ImportPreview {
  source: Source;
  /** Per profile field: unchanged, added (was empty) or changed (old and new). */
  fields: Record<string, FieldDiff & { added?: unknown[] }>;
  /** The profile columns the import writes: exactly the added and changed fields. */
  profile_update: Partial<Record<ProfileColumn, unknown>>;
  projects: {
    add: ProjectRow[];
    /** Imported projects left out because one of that name exists. */
    matched: { name: string; existing: string; existingId?: string }[];
  };
  has_changes: boolean;
  /** What the parser and the merge dropped, cut or reinterpreted. */
  warnings: unknown[];
}

const squash = (value: string): string => value.replace(/\s+/g, " ").trim();

function currentInput(current: Current): CurrentProfileInput {
  const text = (column: ProfileColumn) => (current.profile[column] as string | null) ?? null;
  return {
    profile: {
      full_name: text("full_name"),
      headline: text("headline"),
      summary: text("summary"),
      location: text("location"),
      website_url: text("website_url"),
      skills: (current.profile.skills as string[] | null) ?? [],
      work_experience: (current.profile.work_experience as CurrentProfileInput["profile"]["work_experience"]) ?? [],
      education: (current.profile.education as CurrentProfileInput["profile"]["education"]) ?? [],
    },
    projects: current.projects,
  };
}

/** The preview of a LinkedIn archive. */
export function previewLinkedIn(current: Current, parsed: LinkedInImport): Result<ImportPreview> {
  const preview = previewLinkedInImport(currentInput(current), parsed);
  if (!preview.ok) return preview;
  const { fields, profileUpdate, projects, hasChanges, warnings } = preview.value;
  return ok({
    source: "linkedin",
    fields,
    profile_update: profileUpdate,
    projects: { add: projects.add, matched: projects.matched },
    has_changes: hasChanges,
    warnings,
  });
}

// The scalar rule of the LinkedIn preview, for the fields only a JSON Resume has.
function scalarDiff(column: ProfileColumn, before: string | null, incoming: string | null): FieldDiff {
  if (incoming === null) return { status: "unchanged", value: before };
  if (before === null || before.trim() === "") return { status: "added", new: incoming };
  const same = column.endsWith("_url")
    ? squash(before).replace(/\/+$/, "").toLowerCase() === squash(incoming).replace(/\/+$/, "").toLowerCase()
    : column === "email"
    ? before.trim().toLowerCase() === incoming.trim().toLowerCase()
    : squash(before) === squash(incoming);
  return same ? { status: "unchanged", value: before } : { status: "changed", old: before, new: incoming };
}

const EXTRA_SCALARS = ["email", "phone", "linkedin_url", "github_url"] as const;

/** The preview of a JSON Resume import (already validated and mapped by importJsonResume). */
export function previewJsonResume(current: Current, imported: ImportResult): Result<ImportPreview> {
  const { profile } = imported;
  const warnings: ImportWarning[] = [...imported.warnings];
  let projects = imported.projects;
  if (projects.length > LIMITS.projects) {
    warnings.push({
      path: "projects",
      code: "truncated",
      message: `Kept the first ${LIMITS.projects} of ${projects.length} projects.`,
    });
    projects = projects.slice(0, LIMITS.projects);
  }
  // The columns both sources share go through the LinkedIn preview's merge.
  const shared: LinkedInImport = {
    profile: {
      full_name: profile.full_name,
      headline: profile.headline,
      summary: profile.summary,
      location: profile.location,
      website_url: profile.website_url,
      skills: profile.skills,
      work_experience: profile.work_experience,
      education: profile.education,
    },
    projects: projects.map((project) => ({
      name: project.name,
      description: project.description,
      url: project.url,
      start_date: project.start_date,
      end_date: project.end_date,
    })),
    warnings: [],
    sources: [],
  };
  const merged = previewLinkedInImport(currentInput(current), shared);
  if (!merged.ok) {
    // importJsonResume fits every value to the database's limits; reaching this is a mapping bug.
    return fail("validation_failed", "The document could not be mapped onto your profile.", merged.error.details);
  }
  const fields: ImportPreview["fields"] = { ...merged.value.fields };
  const update: ImportPreview["profile_update"] = { ...merged.value.profileUpdate };
  for (const column of EXTRA_SCALARS) {
    const diff = scalarDiff(column, (current.profile[column] as string | null) ?? null, profile[column]);
    fields[column] = diff;
    if (diff.status !== "unchanged") update[column] = diff.new;
  }
  // The merge kept the first project of each new name, in order: give back its full row.
  const byName = new Map<string, ProjectImport>();
  for (const project of projects) if (!byName.has(skillKey(project.name))) byName.set(skillKey(project.name), project);
  const add = merged.value.projects.add.map((project) => byName.get(skillKey(project.name)) ?? project);

  return ok({
    source: "json_resume",
    fields,
    profile_update: update,
    projects: { add, matched: merged.value.projects.matched },
    has_changes: Object.keys(update).length > 0 || add.length > 0,
    warnings: [...warnings, ...merged.value.warnings],
  });
}
