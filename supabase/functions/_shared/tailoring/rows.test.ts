import assert from "node:assert/strict";
import { people } from "./fixtures/profiles.ts";
import { jobs } from "./fixtures/jobs.ts";
import { formatPath, isDateRangeOrdered, parseJob, parseProfile, parseProject, parseProjects } from "./rows.ts";

Deno.test("rows: every fixture parses with the row schemas (they mirror the migrations)", () => {
  for (const person of people) {
    assert.ok(parseProfile(person.profile).ok, person.key);
    assert.ok(parseProjects(person.projects).ok, person.key);
  }
  for (const job of jobs) assert.ok(parseJob(job).ok, job.title);
});

Deno.test("rows: a select * row parses; columns the engine does not read are dropped", () => {
  const parsed = parseProfile({
    ...people[0].profile,
    salary_min: 50000,
    remote_preferences: ["remote"],
    created_at: "2026-01-01T00:00:00Z",
  });
  assert.ok(parsed.ok);
  assert.equal("salary_min" in parsed.value, false);
  assert.equal(parsed.value.full_name, "Maya Okafor");
});

Deno.test("rows: defaults fill the not-null array columns", () => {
  const parsed = parseProfile({});
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value.skills, []);
  assert.deepEqual(parsed.value.work_experience, []);
  const project = parseProject({ name: "Solo" });
  assert.ok(project.ok);
  assert.deepEqual(project.value.technologies, []);
  assert.equal(project.value.is_featured, false);
});

Deno.test("rows: values the database would refuse are refused here, with paths", () => {
  const cases: [unknown, string][] = [
    [{ work_experience: [{ name: "  " }] }, "work_experience[0].name"],
    [{ work_experience: [{ name: "A", startDate: "2020-05", endDate: "2019" }] }, "work_experience[0].endDate"],
    [{ work_experience: [{ name: "A", startDate: "1899" }] }, "work_experience[0].startDate"],
    [{ website_url: "javascript:alert(1)" }, "website_url"],
    [{ skills: [" padded "] }, "skills[0]"],
    [{ email: "not an email" }, "email"],
    [{ education: [{ institution: "X", courses: ["a".repeat(201)] }] }, "education[0].courses[0]"],
  ];
  for (const [input, path] of cases) {
    const parsed = parseProfile(input);
    assert.equal(parsed.ok, false, path);
    if (!parsed.ok) {
      assert.equal(parsed.error.code, "validation_failed");
      const issues = (parsed.error.details as { issues: { path: string }[] }).issues;
      assert.ok(issues.some((issue) => issue.path === path), `${path} in ${JSON.stringify(issues)}`);
    }
  }
  assert.equal(parseProject({ name: "x", start_date: "2022-05-01", end_date: "2021-01-01" }).ok, false);
  assert.equal(parseJob({ title: " padded", company: "Acme" }).ok, false);
  assert.equal(parseJob({ title: "Engineer", company: "Acme", remote_type: "moon" }).ok, false);
});

Deno.test("rows: date ranges compare at the precision both dates share, like the SQL helper", () => {
  assert.equal(isDateRangeOrdered("2021-06", "2021"), true);
  assert.equal(isDateRangeOrdered("2021-06", "2021-05"), false);
  assert.equal(isDateRangeOrdered("2021-06-15", "2021-06-15"), true);
  assert.equal(isDateRangeOrdered(null, "2020"), true);
  assert.equal(formatPath(["work", 2, "highlights", 0]), "work[2].highlights[0]");
});
