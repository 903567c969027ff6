import assert from "node:assert/strict";
import {
  countryCodeFromLocation,
  countryCodeOf,
  employmentTypeFrom,
  employmentTypeFromTitle,
  remoteTypeFrom,
} from "./classify.ts";

Deno.test("remoteTypeFrom: structured fields first", () => {
  assert.equal(remoteTypeFrom({ workplaceType: "remote" }), "remote");
  assert.equal(remoteTypeFrom({ workplaceType: "on-site" }), "onsite");
  assert.equal(remoteTypeFrom({ workplaceType: "hybrid", location: "Remote" }), "hybrid");
  assert.equal(remoteTypeFrom({ jobLocationType: "TELECOMMUTE" }), "remote");
  assert.equal(remoteTypeFrom({ jobLocationType: ["TELECOMMUTE"], location: "Berlin (hybrid)" }), "hybrid");
  assert.equal(remoteTypeFrom({ workplaceType: "unspecified", location: "Remote - US" }), "remote");
});

Deno.test("remoteTypeFrom: location and title words", () => {
  const cases: Array<[string, string | null]> = [
    ["Remote", "remote"],
    ["Remote - US", "remote"],
    ["Hybrid (2 days in office)", "hybrid"],
    ["London (3 days in the office)", "hybrid"],
    ["Berlin, Germany (On-site)", "onsite"],
    ["Work from home", "remote"],
    ["Anywhere", "remote"],
    ["Berlin, Germany", null],
  ];
  for (const [location, expected] of cases) assert.equal(remoteTypeFrom({ location }), expected, location);
  assert.equal(remoteTypeFrom({ title: "Senior Engineer (Remote)" }), "remote");
});

Deno.test("remoteTypeFrom: only explicit phrases in descriptions", () => {
  const cases: Array<[string, string | null]> = [
    ["This is a fully remote role.", "remote"],
    ["We are a remote-first company.", "remote"],
    ["You will spend 3 days a week in the office.", "hybrid"],
    ["This is a hybrid role based in Paris.", "hybrid"],
    ["This is not a remote position.", "onsite"],
    ["This role is on-site in Austin.", "onsite"],
    ["We build remote collaboration tools.", null],
    ["Our office has a great view.", null],
  ];
  for (const [text, expected] of cases) assert.equal(remoteTypeFrom({ text }), expected, text);
});

Deno.test("employmentTypeFrom: schema.org values, board wording, local words", () => {
  const cases: Array<[unknown, string | null]> = [
    ["FULL_TIME", "full_time"],
    ["Full-time", "full_time"],
    ["PART_TIME", "part_time"],
    ["CONTRACTOR", "contract"],
    ["Contract-to-hire", "contract"],
    ["TEMPORARY", "temporary"],
    ["Fixed-term", "temporary"],
    ["INTERN", "internship"],
    ["Werkstudent (m/w/d)", "internship"],
    ["Freelance", "freelance"],
    ["Vollzeit", "full_time"],
    ["Teilzeit", "part_time"],
    ["VOLUNTEER", null],
    ["OTHER", null],
    [["VOLUNTEER", "PART_TIME"], "part_time"],
    [["CONTRACTOR", "PART_TIME"], "contract"],
    ["Part-time or full-time", "part_time"],
    [42, null],
    [null, null],
  ];
  for (const [value, expected] of cases) assert.equal(employmentTypeFrom(value), expected, JSON.stringify(value));
});

Deno.test("countryCodeOf: codes and names in several languages", () => {
  const cases: Array<[string, string | null]> = [
    ["DE", "DE"],
    ["de", "DE"],
    ["USA", "US"],
    ["GBR", "GB"],
    ["United States", "US"],
    ["United Kingdom", "GB"],
    ["UK", "GB"],
    ["Deutschland", "DE"],
    ["Schweiz", "CH"],
    ["España", "ES"],
    ["Czech Republic", "CZ"],
    ["Georgia", null],
    ["Atlantis", null],
    ["ZZ", null],
  ];
  for (const [value, expected] of cases) assert.equal(countryCodeOf(value), expected, value);
});

Deno.test("countryCodeFromLocation: obvious cases only", () => {
  const cases: Array<[string | null, string | null]> = [
    ["Berlin, Germany", "DE"],
    ["München, Bayern, Deutschland", "DE"],
    ["Austin, TX", "US"],
    ["Wilmington, DE", "US"],
    ["Berlin, DE", "DE"],
    ["Toronto, ON, Canada", "CA"],
    ["Toronto, ON", "CA"],
    ["London, UK", "GB"],
    ["London", "GB"],
    ["Remote - US", "US"],
    ["Zürich", "CH"],
    ["San Francisco, CA or New York, NY", "US"],
    ["New York, NY; San Francisco, CA", "US"],
    ["Trinidad and Tobago", "TT"],
    ["Port of Spain, Trinidad & Tobago", "TT"],
    ["London or Berlin", null],
    ["Remote (EMEA)", null],
    ["Remote", null],
    ["Tbilisi, Georgia", null],
    ["Atlanta, Georgia", "US"],
    ["", null],
    [null, null],
  ];
  for (const [location, expected] of cases) assert.equal(countryCodeFromLocation(location), expected, String(location));
});

Deno.test("employmentTypeFromTitle: a title's job content is not its employment type", () => {
  const cases: Array<[string, string | null]> = [
    ["Contract Manager", null],
    ["Contracts Administrator", null],
    ["Field Technician (Contract)", "contract"],
    ["Designer - Contract", "contract"],
    ["Backend Engineer | Contractor", "contract"],
    ["Software Engineering Intern", "internship"],
    ["Werkstudent (m/w/d) Software Testing", "internship"],
    ["Internal Auditor", null],
    ["Part-time Barista", "part_time"],
    ["Senior Engineer", null],
  ];
  for (const [title, expected] of cases) assert.equal(employmentTypeFromTitle(title), expected, title);
});
