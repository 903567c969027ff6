import assert from "node:assert/strict";
import { parseGreenhouseBoard, parseGreenhouseBoardJson } from "./greenhouse.ts";
import { fixtureDictionary, readFixtureJson, readFixtureText } from "./fixtures.ts";

const context = { dictionary: fixtureDictionary(), board: "acmerobotics", companyName: "Acme Robotics" };

function board() {
  const result = parseGreenhouseBoard(readFixtureJson("greenhouse_board.json"), context);
  if (!result.ok) assert.fail(JSON.stringify(result.error));
  return result.value;
}

Deno.test("Greenhouse: every usable job, the broken one reported", () => {
  const { postings, rejected } = board();
  assert.deepEqual(postings.map((p) => p.external_id), ["4012345006", "4012345007", "4012345008", "4012345009"]);
  assert.equal(rejected.length, 1);
  assert.deepEqual([rejected[0].index, rejected[0].external_id, rejected[0].code], [
    4,
    "4012345010",
    "unexpected_shape",
  ]);
  assert.ok(postings.every((p) => p.source === "greenhouse" && p.company === "Acme Robotics"));
});

Deno.test("Greenhouse: escaped content, metadata salary range and employment type, sections", () => {
  const job = board().postings[0];
  assert.equal(job.title, "Staff Software Engineer, Motion Planning");
  assert.equal(job.source_url, "https://boards.greenhouse.io/acmerobotics/jobs/4012345006");
  assert.equal(job.location, "San Francisco, CA");
  assert.equal(job.country_code, "US");
  assert.equal(job.remote_type, "onsite", "from the Workplace Type field");
  assert.equal(job.employment_type, "full_time");
  assert.deepEqual([job.salary_min, job.salary_max, job.salary_currency, job.salary_period], [
    165000,
    210000,
    "USD",
    "year",
  ]);
  assert.equal(job.posted_at, "2025-02-20T14:15:00.000Z", "first_published over updated_at");
  assert.match(job.description ?? "", /^At Acme Robotics, we’re building warehouse robots/);
  assert.doesNotMatch(job.description ?? "", /&lt;|&amp;|<p>/);
  assert.equal(
    job.responsibilities,
    "- Own the motion planning stack, written in C++ and Python\n- Ship to a fleet of 3,000 robots",
  );
  assert.equal(job.requirements, "- 8+ years of C++ experience\n- Linux, ROS and CI/CD pipelines");
  assert.deepEqual(job.required_skills, ["C++", "Linux", "ROS", "CI/CD"]);
  assert.deepEqual(job.preferred_skills, ["Rust", "CUDA"]);
});

Deno.test("Greenhouse: pay transparency ranges in cents, remote location", () => {
  const job = board().postings[1];
  assert.deepEqual([job.salary_min, job.salary_max, job.salary_currency, job.salary_period], [
    150000,
    185000,
    "USD",
    "year",
  ]);
  assert.equal(job.remote_type, "remote");
  assert.equal(job.country_code, "US");
  assert.equal(job.posted_at, "2025-03-01T13:00:00.000Z", "updated_at when never published");
  assert.deepEqual(job.required_skills, ["Python", "SQL", "Apache Spark"]);
});

Deno.test("Greenhouse: single-value hourly pay from the text, hybrid from the text, contract", () => {
  const job = board().postings[2];
  assert.deepEqual([job.salary_min, job.salary_max, job.salary_currency, job.salary_period], [32, 32, "GBP", "hour"]);
  assert.equal(job.remote_type, "hybrid");
  assert.equal(job.employment_type, "contract");
  assert.equal(job.country_code, "GB");
});

Deno.test("Greenhouse: missing salary stays null; the title gives the employment type", () => {
  const job = board().postings[3];
  assert.deepEqual([job.salary_min, job.salary_max, job.salary_currency, job.salary_period], [null, null, null, null]);
  assert.equal(job.employment_type, "internship", "Werkstudent");
  assert.equal(job.country_code, "DE");
  assert.equal(job.remote_type, null);
});

Deno.test("Greenhouse: the company falls back to company_name, then the board token", () => {
  const payload = { jobs: [{ id: 1, title: "A" }, { id: 2, title: "B", company_name: "Named Co" }] };
  const result = parseGreenhouseBoard(payload, { dictionary: context.dictionary, board: "acme-labs" });
  assert.equal(result.ok, true);
  if (result.ok) assert.deepEqual(result.value.postings.map((p) => p.company), ["Acme Labs", "Named Co"]);
});

Deno.test("Greenhouse: a wrong envelope or non-JSON is a typed error", () => {
  for (const payload of [null, [], { jobs: "x" }, { data: [] }]) {
    const result = parseGreenhouseBoard(payload, context);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, "unexpected_shape");
  }
  const text = parseGreenhouseBoardJson("<html>", context);
  assert.equal(text.ok, false);
  if (!text.ok) assert.equal(text.error.code, "invalid_json");
  const fromText = parseGreenhouseBoardJson(readFixtureText("greenhouse_board.json"), context);
  assert.equal(fromText.ok && fromText.value.postings.length, 4);
});

Deno.test("Greenhouse: malformed optional fields do not sink a job", () => {
  const payload = {
    jobs: [{
      id: 7,
      title: "Engineer",
      location: "not an object",
      metadata: "nope",
      offices: [1, 2],
      pay_input_ranges: [{ min_cents: "a lot" }],
      content: 42,
      updated_at: "garbage",
    }],
  };
  const result = parseGreenhouseBoard(payload, context);
  assert.equal(result.ok, true);
  if (result.ok) {
    assert.equal(result.value.postings.length, 1);
    assert.deepEqual([result.value.postings[0].location, result.value.postings[0].posted_at], [null, null]);
  }
});
