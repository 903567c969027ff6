import assert from "node:assert/strict";
import fc from "fast-check";
import { people } from "./fixtures/profiles.ts";
import v1 from "./fixtures/resume_v1.json" with { type: "json" };
import legacy from "./fixtures/resume_legacy.json" with { type: "json" };
import bio from "./fixtures/resume_bio.json" with { type: "json" };
import { importJsonResume, type ImportResult, profileToResume, ResumeSchema } from "./resume.ts";
import { ProfileSchema, ProjectSchema } from "./rows.ts";

function imported(input: unknown): ImportResult {
  const result = importJsonResume(input);
  if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
  return result.value;
}

const warningAt = (result: ImportResult, path: string) => result.warnings.filter((warning) => warning.path === path);

Deno.test("import: a JSON Resume 1.0 document fills the profile and projects", () => {
  const result = imported(v1);
  const { profile } = result;
  assert.equal(profile.full_name, "Richard Hendriks");
  assert.equal(profile.headline, "Programmer");
  assert.equal(profile.location, "San Francisco, California, US");
  assert.equal(profile.website_url, "https://richardhendricks.example.com");
  assert.equal(profile.linkedin_url, "https://www.linkedin.com/in/richardhendriks");
  // GitHub had only a username: the canonical profile URL is built from it, and said so.
  assert.equal(profile.github_url, "https://github.com/richardhendriks");
  assert.equal(warningAt(result, "basics.profiles[1].url")[0].code, "normalised_value");
  // Skill groups flatten to their keywords; a group without keywords counts by its name.
  assert.deepEqual(profile.skills, ["HTML", "CSS", "JavaScript", "Mpeg", "MP4", "GIF", "Leadership"]);
  assert.deepEqual(profile.work_experience[0], {
    name: "Pied Piper",
    position: "CEO/President",
    location: "Palo Alto, CA",
    url: "https://piedpiper.example.com",
    startDate: "2013-12-01",
    endDate: "2014-12-01",
    summary: "Pied Piper is a multi-platform technology based on a proprietary universal compression algorithm.",
    highlights: [
      "Build an algorithm for artist to detect if their music was violating copy right infringement laws",
      "Successfully won Techcrunch Disrupt",
      "Optimized an algorithm that holds the current world record for Weisman Scores",
    ],
  });
  assert.equal(profile.education[0].score, "4.0");
  assert.deepEqual(result.projects, [{
    name: "Miss Direction",
    role: "Team Lead, Designer",
    description: "A mapping engine that misguides you",
    url: "https://missdirection.example.com",
    start_date: "2016-08-24",
    end_date: "2016-08-24",
    technologies: ["GoogleMaps", "Chrome Extension", "JavaScript"],
    achievements: ["Won award at AIHacks 2016", "Built by all women team of newbie programmers"],
  }]);
});

Deno.test("import: unknown fields are kept in the document and reported", () => {
  const result = imported(v1);
  const unknown = result.warnings.filter((warning) => warning.code === "unknown_field").map((warning) => warning.path);
  assert.deepEqual(unknown.sort(), ["basics.pronouns", "work[0].x-team-size", "x-theme"]);
  assert.equal(result.resume["x-theme"], "elegant");
  assert.equal(result.resume.work?.[0]["x-team-size"], 9);
  assert.equal(result.resume.basics?.pronouns, "he/him");
  // Sections Jobtrail has no columns for are kept in the document and reported, not silently lost.
  const notImported = result.warnings.filter((warning) => warning.code === "not_imported").map((w) => w.path);
  for (const section of ["volunteer", "awards", "certificates", "languages", "interests", "basics.profiles[0]"]) {
    assert.ok(notImported.includes(section), section);
  }
  assert.equal(result.resume.certificates?.[0].name, "Certified Kubernetes Administrator");
});

Deno.test("import: pre-1.0 names (company, website, picture, gpa) are upgraded", () => {
  const result = imported(legacy);
  const { profile } = result;
  assert.equal(profile.work_experience[0].name, "Listium");
  assert.equal(profile.work_experience[0].url, "https://listium.example.com");
  assert.equal(result.resume.basics?.image, "https://example.com/thomas.png");
  assert.equal(result.resume.publications?.[0].url, "https://publications.example.com/1");
  assert.equal(profile.education[0].score, "3.7");
  for (const path of ["work[0].company", "work[0].website", "basics.website", "basics.picture", "education[0].gpa"]) {
    assert.equal(warningAt(result, path)[0]?.code, "renamed_field", path);
  }
});

Deno.test("import: messy values are repaired or dropped, each with a warning", () => {
  const result = imported(legacy);
  const work = result.profile.work_experience;
  // Timestamps cut to dates, "2012-9" padded, "2014/04" read as 2014-04, "Present" means ongoing.
  assert.equal(work[0].startDate, "2014-05-01");
  assert.equal(work[0].endDate, undefined);
  assert.deepEqual([work[1].startDate, work[1].endDate], ["2012-09", "2014-04"]);
  // A number among highlights becomes text; nulls vanish without noise.
  assert.deepEqual(work[0].highlights, ["Built the API with Node.js", "42", "Grew usage tenfold"]);
  assert.deepEqual(result.profile.education[0].courses, ["Algorithms"]);
  // No employer name: the entry cannot be stored, so it is left out and reported.
  assert.deepEqual(work.map((entry) => entry.name), ["Listium", "Earbits", "Time Travel Inc"]);
  assert.equal(warningAt(result, "work[2]")[0].code, "dropped_value");
  // An end before the start and a javascript: link are dropped.
  assert.equal(work[2].endDate, undefined);
  assert.equal(work[2].url, undefined);
  assert.equal(warningAt(result, "work[3].url")[0].code, "dropped_value");
  // "sometime in 2008" is no date.
  assert.equal(result.profile.education[0].startDate, undefined);
  assert.equal(warningAt(result, "education[0].startDate")[0].code, "dropped_value");
  // A bare domain is read as https.
  assert.equal(result.profile.website_url, "https://thomasdavis.example.com");
  // `projects` was not a list.
  assert.deepEqual(result.projects, []);
  assert.equal(warningAt(result, "projects")[0].code, "dropped_value");
  // Skills de-duplicated case-insensitively, blanks dropped.
  assert.deepEqual(result.profile.skills, ["HTML", "CSS", "JavaScript"]);
});

Deno.test("import: the 0.0.x `bio` format is read too", () => {
  const result = imported(bio);
  assert.equal(result.profile.full_name, "Grace Hopper");
  assert.equal(result.profile.email, "grace@example.com");
  assert.equal(result.profile.phone, "555-0100");
  assert.equal(result.profile.website_url, "https://grace.example.com");
  assert.equal(result.profile.github_url, "https://github.com/gracehopper");
  assert.equal(result.profile.work_experience[0].name, "Harvard Computation Laboratory");
  assert.equal(result.resume.interests?.[0].name, "Nanoseconds");
});

Deno.test("import: values are cut to the columns' limits, with a warning", () => {
  const result = imported({
    basics: { summary: "x".repeat(6000), email: "nope", name: "  " },
    work: Array.from({ length: 55 }, (_, index) => ({ name: `Employer ${index}`, startDate: "1850" })),
  });
  assert.equal(result.profile.summary?.length, 5000);
  assert.equal(warningAt(result, "basics.summary")[0].code, "truncated");
  assert.equal(result.profile.email, null);
  assert.equal(result.profile.full_name, null);
  assert.equal(result.profile.work_experience.length, 50);
  assert.equal(result.profile.work_experience[0].startDate, undefined);
  assert.equal(warningAt(result, "work")[0].code, "truncated");
});

Deno.test("import: anything that is not a JSON object is refused as a value", () => {
  for (const input of [null, undefined, 42, "resume", [], [{ basics: {} }]]) {
    const result = importJsonResume(input);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, "validation_failed");
  }
});

Deno.test("import: a __proto__ key stays data and pollutes nothing", () => {
  const input = JSON.parse('{"__proto__": {"polluted": true}, "basics": {"name": "Eve", "__proto__": {"x": 1}}}');
  const result = imported(input);
  assert.equal(result.profile.full_name, "Eve");
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(result.resume), Object.prototype);
});

// A generator of JSON Resume-shaped documents full of wrong types, bad dates and odd strings.
const messyValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("2020", "2020-13", "2020-02-30", "Present", "1899-01", "javascript:alert(1)", "https://ok.example"),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
const entry = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys, "x-extra"), messyValue, { maxKeys: 8 });
const messyResume = fc.record({
  basics: fc.oneof(
    messyValue,
    fc.record({
      name: messyValue,
      email: messyValue,
      url: messyValue,
      website: messyValue,
      location: fc.oneof(messyValue, entry(["city", "region", "countryCode", "address"])),
      profiles: fc.oneof(messyValue, fc.array(entry(["network", "username", "url"]), { maxLength: 3 })),
    }, { requiredKeys: [] }),
  ),
  work: fc.oneof(
    messyValue,
    fc.array(
      entry(["name", "company", "position", "website", "url", "startDate", "endDate", "summary", "highlights"]),
      { maxLength: 4 },
    ),
  ),
  education: fc.array(entry(["institution", "area", "studyType", "gpa", "score", "startDate", "endDate", "courses"]), {
    maxLength: 3,
  }),
  skills: fc.oneof(messyValue, fc.array(entry(["name", "level", "keywords"]), { maxLength: 4 })),
  projects: fc.array(entry(["name", "description", "highlights", "keywords", "startDate", "endDate", "url", "roles"]), {
    maxLength: 3,
  }),
}, { requiredKeys: [] });

Deno.test("import (property): never throws, and what it produces always fits the database", () => {
  fc.assert(
    fc.property(fc.oneof(messyResume, fc.jsonValue()), (input) => {
      const result = importJsonResume(input);
      if (!result.ok) return result.error.code === "validation_failed";
      assert.ok(ProfileSchema.safeParse(result.value.profile).success, JSON.stringify(result.value.profile));
      for (const project of result.value.projects) assert.ok(ProjectSchema.safeParse(project).success);
      assert.ok(ResumeSchema.safeParse(result.value.resume).success);
      return true;
    }),
    { numRuns: 400 },
  );
});

Deno.test("import (property): the caller's document is never modified", () => {
  fc.assert(
    fc.property(messyResume, (input) => {
      const before = JSON.stringify(input);
      importJsonResume(input);
      return JSON.stringify(input) === before;
    }),
    { numRuns: 200 },
  );
});

Deno.test("export: profileToResume is valid JSON Resume and round-trips through import", () => {
  for (const { key, profile, projects } of people) {
    const resume = profileToResume(profile, projects);
    assert.ok(ResumeSchema.safeParse(resume).success, key);
    const back = imported(resume);
    assert.deepEqual(back.warnings.filter((w) => w.code !== "normalised_value"), [], key);
    for (
      const column of [
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
      ] as const
    ) {
      assert.deepEqual(
        back.profile[column],
        profile[column] ?? (Array.isArray(profile[column]) ? [] : null),
        `${key}.${column}`,
      );
    }
    assert.deepEqual(
      back.projects.map((project) => project.name),
      projects.map((project) => project.name),
    );
    back.projects.forEach((project, index) => {
      const original = projects[index];
      assert.equal(project.url, original.url ?? original.repository_url ?? null);
      assert.equal(project.start_date, original.start_date ?? null);
      assert.deepEqual(project.technologies, original.technologies);
      assert.deepEqual(project.achievements, original.achievements);
    });
  }
});

Deno.test("export: empty sections are left out; social links carry a username", () => {
  const resume = profileToResume(ProfileSchema.parse({ full_name: "Only Name" }), []);
  assert.deepEqual(Object.keys(resume).sort(), ["$schema", "basics"]);
  const full = profileToResume(people[0].profile, []);
  assert.deepEqual(full.basics?.profiles?.map((p) => [p.network, p.username]), [
    ["LinkedIn", "mayaokafor"],
    ["GitHub", "mayaokafor"],
  ]);
  assert.equal(full.projects, undefined);
});

Deno.test("import: project dates fit the date columns (found by the property above)", () => {
  const imported = importJsonResume({
    projects: [
      { name: "Same year", startDate: "2020-02-15", endDate: "2020" },
      { name: "No such day", startDate: "2020-02-30", endDate: "2021-02-29" },
      { name: "Leap day", startDate: "2020-02-29", endDate: "2021-06" },
    ],
  });
  assert.ok(imported.ok);
  const dates = imported.value.projects.map((project) => [project.name, project.start_date, project.end_date]);
  assert.deepEqual(dates, [
    ["Same year", "2020-02-15", "2020-02-15"],
    ["No such day", null, null],
    ["Leap day", "2020-02-29", "2021-06-01"],
  ]);
  for (const project of imported.value.projects) assert.ok(ProjectSchema.safeParse(project).success);
  assert.deepEqual(
    imported.value.warnings.filter((warning) => warning.path.startsWith("projects[1]")).map((warning) => warning.path),
    ["projects[1].startDate", "projects[1].endDate"],
  );
});
