import assert from "node:assert/strict";
import { parseLeverPostings, parseLeverPostingsJson } from "./lever.ts";
import { fixtureDictionary, readFixtureJson } from "./fixtures.ts";

const context = { dictionary: fixtureDictionary(), company: "northstar", companyName: "Northstar" };

function postings() {
  const result = parseLeverPostings(readFixtureJson("lever_postings.json"), context);
  if (!result.ok) assert.fail(JSON.stringify(result.error));
  return result.value;
}

Deno.test("Lever: every usable posting, the one without an id reported", () => {
  const { postings: jobs, rejected } = postings();
  assert.equal(jobs.length, 3);
  assert.deepEqual(rejected.map((r) => [r.index, r.external_id, r.code]), [[3, null, "unexpected_shape"]]);
  assert.ok(jobs.every((job) => job.source === "lever" && job.company === "Northstar"));
});

Deno.test("Lever: salaryRange, workplaceType, country, lists into sections, createdAt", () => {
  const job = postings().postings[0];
  assert.equal(job.external_id, "5ac21346-8e0c-4494-8e7a-3eb92ff77902");
  assert.equal(job.source_url, "https://jobs.lever.co/northstar/5ac21346-8e0c-4494-8e7a-3eb92ff77902");
  assert.equal(job.title, "Platform Engineer");
  assert.equal(job.location, "New York, NY; San Francisco, CA");
  assert.equal(job.country_code, "US");
  assert.equal(job.remote_type, "remote");
  assert.equal(job.employment_type, "full_time");
  assert.deepEqual([job.salary_min, job.salary_max, job.salary_currency, job.salary_period], [
    150000,
    190000,
    "USD",
    "year",
  ]);
  assert.equal(job.posted_at, "2025-02-01T00:00:00.000Z");
  assert.equal(job.responsibilities, "- Run our Kubernetes clusters on AWS\n- Automate everything with Terraform");
  assert.equal(job.requirements, "- 4+ years with Go or Python\n- Kubernetes in production\n- PostgreSQL");
  assert.match(job.description ?? "", /^Northstar helps 40,000 small businesses get paid faster\.\nWe are hiring/);
  assert.match(job.description ?? "", /equal opportunity workplace\.$/, "the closing text is part of the description");
  assert.deepEqual(job.required_skills, ["Go", "Python", "Kubernetes", "PostgreSQL"]);
  assert.deepEqual(job.preferred_skills, ["Kafka"]);
});

Deno.test("Lever: salary from salaryDescriptionPlain, hybrid, contract", () => {
  const job = postings().postings[1];
  assert.deepEqual([job.salary_min, job.salary_max, job.salary_currency, job.salary_period], [
    60000,
    75000,
    "EUR",
    "year",
  ]);
  assert.equal(job.remote_type, "hybrid");
  assert.equal(job.employment_type, "contract");
  assert.equal(job.country_code, "NL");
  assert.deepEqual(job.required_skills, ["Figma", "React"]);
});

Deno.test("Lever: no salary, on-site internship from descriptionPlain", () => {
  const job = postings().postings[2];
  assert.deepEqual([job.salary_min, job.salary_max, job.salary_currency, job.salary_period], [null, null, null, null]);
  assert.equal(job.remote_type, "onsite");
  assert.equal(job.employment_type, "internship");
  assert.equal(job.country_code, "CA");
  assert.deepEqual(job.required_skills, ["Swift", "Kotlin"], "Swift counts next to Kotlin in a qualifications list");
});

Deno.test("Lever: wrong envelopes are typed errors; the company slug is the last resort", () => {
  for (const payload of [{}, null, "x", { postings: [] }]) {
    const result = parseLeverPostings(payload, context);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, "unexpected_shape");
  }
  const notJson = parseLeverPostingsJson("{", context);
  assert.equal(!notJson.ok && notJson.error.code, "invalid_json");
  const slug = parseLeverPostings([{ id: "x", text: "Engineer" }], {
    dictionary: context.dictionary,
    company: "northstar",
  });
  assert.equal(slug.ok && slug.value.postings[0].company, "northstar");
});
