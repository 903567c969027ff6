import assert from "node:assert/strict";
import {
  type CurrentProfileInput,
  type LinkedInImport,
  parseLinkedInArchive,
  previewLinkedInImport,
} from "./archive.ts";
import { ALL_FILES, zipOf } from "./fixtures/exports.ts";
import type { LinkedInPreview } from "./preview.ts";

function imported(): LinkedInImport {
  const result = parseLinkedInArchive(zipOf(ALL_FILES));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function preview(current: CurrentProfileInput, parsed = imported()): LinkedInPreview {
  const result = previewLinkedInImport(current, parsed);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const EMPTY: CurrentProfileInput = {
  profile: { full_name: null, headline: null, summary: null, location: null, website_url: null },
  projects: [],
};

Deno.test("into an empty profile everything is added, and the update is the whole import", () => {
  const parsed = imported();
  const result = preview(EMPTY, parsed);
  assert.deepEqual(result.fields.full_name, { status: "added", new: "Zoë Łódź-Kowalska" });
  assert.deepEqual(result.fields.website_url, { status: "added", new: "https://www.zoe.dev" });
  assert.equal(result.fields.work_experience.status, "added");
  assert.deepEqual(result.fields.skills, {
    status: "added",
    new: ["Python", "Apache Spark", "SQL", "dbt"],
    added: ["Python", "Apache Spark", "SQL", "dbt"],
  });
  assert.deepEqual(result.profileUpdate, parsed.profile);
  assert.deepEqual(result.projects.add, parsed.projects);
  assert.deepEqual(result.projects.matched, []);
  assert.equal(result.hasChanges, true);
  assert.deepEqual(result.warnings, parsed.warnings);
});

Deno.test("against an existing profile: unchanged, changed with old and new, merged lists, matched projects", () => {
  const current: CurrentProfileInput = {
    profile: {
      full_name: "Zoë  Łódź-Kowalska", // same up to spacing
      headline: "Data Engineer",
      summary: null,
      location: "Kraków, Poland",
      website_url: "HTTPS://WWW.ZOE.DEV/", // same page
      skills: ["python", "Kubernetes"],
      work_experience: [
        { name: "Żabka Tech", position: "Senior Data Engineer", startDate: "2021", highlights: ["My own words"] },
        { name: "Old Job", position: "Junior", startDate: "2014-01", endDate: "2015-12" },
      ],
      education: [{ institution: "AGH University of Science and Technology", startDate: "2012" }],
    },
    projects: [{ id: "6c8f2a8e-0b6b-4a8e-9a39-0f3f7c9d1a01", name: "open data pipeline" }],
  };
  const result = preview(current);
  const { fields } = result;

  assert.deepEqual(fields.full_name, { status: "unchanged", value: "Zoë  Łódź-Kowalska" });
  assert.deepEqual(fields.website_url, { status: "unchanged", value: "HTTPS://WWW.ZOE.DEV/" });
  assert.deepEqual(fields.headline, {
    status: "changed",
    old: "Data Engineer",
    new: "Senior Data Engineer at Żabka | Python, Spark & dbt",
  });
  assert.equal(fields.summary.status, "added");
  assert.deepEqual(fields.location, {
    status: "changed",
    old: "Kraków, Poland",
    new: "Kraków, Małopolskie, Poland",
  });

  // Skills: the user's spelling stays; only new ones are appended.
  assert.equal(fields.skills.status, "changed");
  if (fields.skills.status === "changed") {
    assert.deepEqual(fields.skills.new, ["python", "Kubernetes", "Apache Spark", "SQL", "dbt"]);
  }
  assert.deepEqual(fields.skills.added, ["Apache Spark", "SQL", "dbt"]);

  // Work: the user's Żabka entry (with their own highlights) is kept, not duplicated; new entries
  // go in newest first, around the user's own.
  assert.equal(fields.work_experience.status, "changed");
  if (fields.work_experience.status === "changed") {
    assert.deepEqual(fields.work_experience.new.map((entry) => entry.name), [
      "Żabka Tech",
      "Acme, Inc.",
      "Freelance",
      "Backwards Ltd",
      "Old Job",
    ]);
    assert.deepEqual(fields.work_experience.new[0].highlights, ["My own words"]);
  }
  assert.deepEqual(fields.work_experience.added.map((entry) => entry.name), [
    "Acme, Inc.",
    "Freelance",
    "Backwards Ltd",
  ]);

  assert.deepEqual(fields.education.added.map((entry) => entry.institution), ["Liceum im. Mikołaja Kopernika"]);

  assert.deepEqual(Object.keys(result.profileUpdate).sort(), [
    "education",
    "headline",
    "location",
    "skills",
    "summary",
    "work_experience",
  ]);
  assert.deepEqual(result.projects.matched, [{
    name: "Open Data Pipeline",
    existing: "open data pipeline",
    existingId: "6c8f2a8e-0b6b-4a8e-9a39-0f3f7c9d1a01",
  }]);
  assert.deepEqual(result.projects.add.map((project) => project.name), ["Home Lab", "Blog"]);
});

Deno.test("importing the same archive again after applying it changes nothing", () => {
  const parsed = imported();
  const applied: CurrentProfileInput = {
    profile: { ...parsed.profile },
    projects: parsed.projects.map((project) => ({ name: project.name })),
  };
  const result = preview(applied, parsed);
  assert.equal(result.hasChanges, false);
  assert.deepEqual(result.profileUpdate, {});
  assert.deepEqual(result.projects.add, []);
  for (const diff of Object.values(result.fields)) assert.equal(diff.status, "unchanged");
});

Deno.test("merged lists never exceed the database limits", () => {
  const current: CurrentProfileInput = {
    profile: {
      skills: Array.from({ length: 98 }, (_, index) => `Skill ${index}`),
      work_experience: Array.from({ length: 50 }, (_, index) => ({ name: `Employer ${index}` })),
      education: [],
    },
    projects: [],
  };
  const result = preview(current);
  assert.equal(result.fields.work_experience.status, "unchanged");
  assert.equal(result.profileUpdate.work_experience, undefined);
  assert.equal(result.profileUpdate.skills?.length, 100);
  assert.deepEqual(result.fields.skills.added, ["Python", "Apache Spark"]);
  assert.ok(result.warnings.some((warning) => warning.file === "Positions.csv" && warning.code === "truncated"));
  assert.ok(result.warnings.some((warning) => warning.file === "Skills.csv" && warning.code === "truncated"));
});

Deno.test("imported projects with the same name are added once", () => {
  const parsed = imported();
  parsed.projects.push({ ...parsed.projects[0], name: "OPEN DATA PIPELINE" });
  const result = preview(EMPTY, parsed);
  assert.deepEqual(result.projects.add.map((project) => project.name), ["Open Data Pipeline", "Home Lab", "Blog"]);
  assert.deepEqual(result.projects.matched, [{ name: "OPEN DATA PIPELINE", existing: "Open Data Pipeline" }]);
});

Deno.test("invalid input is an error value, not an exception", () => {
  const badCurrent = previewLinkedInImport(
    { profile: { skills: "Go" as unknown as string[] }, projects: [] },
    imported(),
  );
  assert.equal(badCurrent.ok, false);
  if (!badCurrent.ok) assert.equal(badCurrent.error.code, "validation_failed");

  const tampered = imported();
  tampered.profile.headline = "x".repeat(500);
  const badImport = previewLinkedInImport(EMPTY, tampered);
  assert.equal(badImport.ok, false);
  if (!badImport.ok) assert.equal(badImport.error.code, "validation_failed");
});
