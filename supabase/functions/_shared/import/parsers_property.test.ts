// Property tests: whatever JSON or text arrives, a parser returns a posting that fits the jobs
// table or a typed error; it never throws and never emits something the database would refuse.
import assert from "node:assert/strict";
import fc from "fast-check";
import type { ImportResult } from "./errors.ts";
import { fingerprint } from "./fingerprint.ts";
import { parseGreenhouseBoard } from "./greenhouse.ts";
import { htmlToText } from "./html.ts";
import { parseJsonLdPostings } from "./jsonld.ts";
import { parseLeverPostings } from "./lever.ts";
import { type NormalizedPosting, NormalizedPostingSchema } from "./posting.ts";
import { countryCodeFromLocation, employmentTypeFrom, remoteTypeFrom } from "./classify.ts";
import { findSalary, parseSalary } from "./salary.ts";
import { skillsInText } from "../skill_mentions.ts";
import { fixtureDictionary } from "./fixtures.ts";

const dictionary = fixtureDictionary();
const RUNS = { numRuns: 150 };
const CODES = new Set(["invalid_json", "unexpected_shape", "no_job_posting", "invalid_posting"]);

function assertWellFormed(
  result: ImportResult<{ postings: NormalizedPosting[]; rejected: Array<{ code: string }> }>,
): void {
  if (!result.ok) {
    assert.ok(CODES.has(result.error.code), result.error.code);
    return;
  }
  for (const posting of result.value.postings) {
    const parsed = NormalizedPostingSchema.safeParse(posting);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  }
  for (const rejected of result.value.rejected) assert.ok(CODES.has(rejected.code), rejected.code);
}

// Values that look like the real thing often enough to get past the envelope checks.
const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "",
    " ",
    "<p>x</p>",
    "&lt;b&gt;",
    "$120k-$150k",
    "Remote - US",
    "FULL_TIME",
    "2025-01-01",
    "TELECOMMUTE",
    "\u0000",
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof({ depthSize: "small" }, scalar, fc.jsonValue({ maxDepth: 3 }));

const greenhouseJob = fc.record(
  {
    id: fc.oneof(fc.integer(), fc.string(), value),
    title: fc.oneof(fc.string(), value),
    absolute_url: fc.oneof(fc.webUrl(), value),
    location: fc.oneof(fc.record({ name: fc.oneof(fc.string(), value) }), value),
    content: fc.oneof(fc.string(), value),
    updated_at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), value),
    metadata: fc.oneof(fc.array(fc.record({ name: fc.string(), value, value_type: fc.string() })), value),
    pay_input_ranges: fc.oneof(
      fc.array(fc.record({ min_cents: value, max_cents: value, currency_type: value })),
      value,
    ),
    offices: value,
    company_name: value,
  },
  { requiredKeys: [] },
);

const leverPosting = fc.record(
  {
    id: fc.oneof(fc.uuid(), value),
    text: fc.oneof(fc.string(), value),
    hostedUrl: fc.oneof(fc.webUrl(), value),
    categories: fc.oneof(
      fc.record({ location: value, commitment: value, allLocations: value }, { requiredKeys: [] }),
      value,
    ),
    workplaceType: fc.oneof(fc.constantFrom("remote", "hybrid", "on-site", "unspecified"), value),
    createdAt: fc.oneof(fc.integer(), fc.double(), value),
    description: value,
    descriptionPlain: value,
    lists: fc.oneof(fc.array(fc.record({ text: value, content: value })), value),
    salaryRange: fc.oneof(fc.record({ min: value, max: value, currency: value, interval: value }), value),
    salaryDescriptionPlain: value,
    country: value,
  },
  { requiredKeys: [] },
);

const jobPosting = fc.record(
  {
    "@type": fc.oneof(fc.constant("JobPosting"), fc.constant(["JobPosting", "X"]), value),
    title: value,
    name: value,
    description: value,
    hiringOrganization: fc.oneof(fc.record({ name: value, url: value, sameAs: value }, { requiredKeys: [] }), value),
    jobLocation: fc.oneof(
      fc.record({ address: fc.oneof(fc.record({ addressLocality: value, addressCountry: value }), value) }),
      value,
    ),
    baseSalary: fc.oneof(
      fc.record({
        currency: value,
        value: fc.oneof(fc.record({ minValue: value, maxValue: value, value, unitText: value }), value),
      }),
      value,
    ),
    datePosted: value,
    validThrough: value,
    employmentType: value,
    jobLocationType: value,
    applicantLocationRequirements: value,
    identifier: value,
    url: value,
    skills: value,
  },
  { requiredKeys: [] },
);

Deno.test("property: random JSON never throws out of the Greenhouse parser", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.jsonValue(), fc.record({ jobs: fc.array(fc.oneof(greenhouseJob, value), { maxLength: 4 }) })),
      (payload) => {
        assertWellFormed(parseGreenhouseBoard(payload, { dictionary, board: "b" }));
      },
    ),
    RUNS,
  );
});

Deno.test("property: random JSON never throws out of the Lever parser", () => {
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), fc.array(fc.oneof(leverPosting, value), { maxLength: 4 })), (payload) => {
      assertWellFormed(parseLeverPostings(payload, { dictionary, company: "c" }));
    }),
    RUNS,
  );
});

Deno.test("property: random JSON-LD and random pages never throw out of the JSON-LD parser", () => {
  const block = fc.oneof(
    fc.jsonValue(),
    jobPosting,
    fc.record({ "@graph": fc.array(fc.oneof(jobPosting, value), { maxLength: 3 }) }),
  );
  const page = fc.oneof(
    fc.array(block, { maxLength: 3 }).map((blocks) =>
      blocks.map((b) => `<script type="application/ld+json">${JSON.stringify(b)}</script>`).join("\n")
    ),
    fc.string(),
    fc.string().map((s) => `<script type="application/ld+json">${s}</script>`),
  );
  fc.assert(
    fc.property(page, fc.constantFrom("https://jobs.example/a", "http://x.example"), (html, url) => {
      assertWellFormed(parseJsonLdPostings({ html, url }, { dictionary }));
    }),
    RUNS,
  );
});

Deno.test("property: text helpers never throw on any string", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
      htmlToText(text);
      const salary = parseSalary(text);
      if (salary) {
        for (const figure of [salary.min, salary.max]) assert.ok(figure === null || Number.isFinite(figure));
      }
      findSalary(text);
      countryCodeFromLocation(text);
      remoteTypeFrom({ location: text, text });
      employmentTypeFrom(text);
      skillsInText(dictionary, text);
      assert.match(fingerprint(text, text, text), /^[0-9a-f]{32}$/);
    }),
    { numRuns: 300 },
  );
});
