import assert from "node:assert/strict";
import { findJobPostings, parseJsonLdPage, parseJsonLdPageBytes, parseJsonLdPostings } from "./jsonld.ts";
import { fixtureDictionary, readFixtureBytes, readFixtureText } from "./fixtures.ts";
import type { NormalizedPosting } from "./posting.ts";
import type { ImportResult } from "./errors.ts";

const context = { dictionary: fixtureDictionary() };

function posting(result: ImportResult<NormalizedPosting>): NormalizedPosting {
  if (!result.ok) assert.fail(`expected a posting, got ${JSON.stringify(result.error)}`);
  return result.value;
}

Deno.test("JSON-LD: a complete posting page", () => {
  const page = readFixtureText("jsonld_basic.html");
  const job = posting(parseJsonLdPage({ html: page, url: "https://careers.northwind.example/jobs/123" }, context));
  assert.deepEqual(
    {
      source: job.source,
      external_id: job.external_id,
      source_url: job.source_url,
      title: job.title,
      company: job.company,
      company_url: job.company_url,
      location: job.location,
      country_code: job.country_code,
      remote_type: job.remote_type,
      employment_type: job.employment_type,
      salary: [job.salary_min, job.salary_max, job.salary_currency, job.salary_period],
      posted_at: job.posted_at,
      expires_at: job.expires_at,
    },
    {
      source: "url",
      external_id: "careers.northwind.example:NW-2024-117",
      source_url: "https://careers.northwind.example/jobs/senior-backend-engineer-go",
      title: "Senior Backend Engineer (Go)",
      company: "Northwind Analytics GmbH",
      company_url: "https://northwind.example/",
      location: "Berlin, DE",
      country_code: "DE",
      remote_type: null,
      employment_type: "full_time",
      salary: [75000, 95000, "EUR", "year"],
      posted_at: "2025-01-15T00:00:00.000Z",
      expires_at: "2025-03-15T22:59:59.000Z",
    },
  );
  assert.match(
    job.description ?? "",
    /^Northwind Analytics builds the data platform behind 2,000 retailers’ demand forecasts\./,
  );
  assert.doesNotMatch(job.description ?? "", /window\.analytics|font-family/, "scripts and styles are not text");
  assert.equal(
    job.responsibilities,
    "- Design and build services in Go on PostgreSQL and Kafka\n- Own reliability: on-call, SLOs, postmortems",
  );
  assert.match(job.requirements ?? "", /^- 5\+ years building backend systems/);
  assert.deepEqual(job.required_skills, ["Go", "PostgreSQL", "Kubernetes", "SQL", "Docker", "AWS"]);
  assert.deepEqual(job.preferred_skills, ["Rust", "Terraform", "React"]);
});

Deno.test("JSON-LD: several blocks, @graph, @type array, entities, relative URLs, TELECOMMUTE, single hourly value", () => {
  const page = readFixtureText("jsonld_graph.html");
  const job = posting(parseJsonLdPage({ html: page, url: "https://careers.example.org/en/jobs/4711" }, context));
  assert.equal(job.title, "R&D Engineer – Platform");
  assert.equal(job.company, "Example Org");
  // Resolved against <base href="https://careers.example.org/en/">, fragment dropped.
  assert.equal(job.source_url, "https://careers.example.org/en/jobs/4711?utm_source=feed");
  assert.equal(job.external_id, job.source_url, "no identifier: the URL is the identity");
  assert.equal(job.company_url, "https://careers.example.org/about");
  assert.equal(job.remote_type, "remote");
  assert.equal(job.location, "Remote (Germany)");
  assert.equal(job.country_code, "DE", "from applicantLocationRequirements");
  assert.equal(job.employment_type, "contract", "the first mappable of an employmentType array");
  assert.deepEqual([job.salary_min, job.salary_max, job.salary_currency, job.salary_period], [85, 85, "EUR", "hour"]);
  assert.equal(
    job.description,
    "Join the platform team at Example Org.\n\nYour tasks\n\n- Build the internal developer platform with TypeScript and Node.js\n\nYour profile\n\n- Python or TypeScript\n- CI/CD with GitHub Actions",
  );
  assert.equal(job.responsibilities, "- Build the internal developer platform with TypeScript and Node.js");
  assert.deepEqual(job.required_skills, ["Python", "TypeScript", "CI/CD", "GitHub Actions"]);
  assert.equal(job.expires_at, null);
});

Deno.test("JSON-LD: missing salary, array block, full-IRI type, string organisation and address", () => {
  const page = readFixtureText("jsonld_missing_salary.html");
  const job = posting(parseJsonLdPage({ html: page, url: "https://maple.example/careers/data-analyst" }, context));
  assert.equal(job.title, "Data Analyst", "name used when there is no title");
  assert.equal(job.company, "Maple & Co. Ltd.");
  assert.equal(job.external_id, "maple.example:99812");
  assert.equal(job.location, "Toronto, ON, Canada");
  assert.equal(job.country_code, "CA");
  assert.equal(job.remote_type, "hybrid", "from the description's words");
  assert.deepEqual([job.salary_min, job.salary_max, job.salary_currency, job.salary_period], [null, null, null, null]);
  assert.equal(job.posted_at, "2025-04-10T00:00:00.000Z");
  assert.equal(job.expires_at, null, "validThrough before datePosted is dropped, not stored");
  assert.match(job.description ?? "", /Toronto\.\n\nYou have: strong SQL/, "plain-text line breaks survive");
  assert.deepEqual(job.required_skills, ["SQL", "R", "Tableau"]);
});

Deno.test("JSON-LD: non-UTF-8 pages decode by their declared charset", () => {
  const swiss = posting(
    parseJsonLdPageBytes(
      { bytes: readFixtureBytes("jsonld_windows1252.html"), url: "https://jobs.example.ch/42" },
      context,
    ),
  );
  assert.equal(swiss.title, "Softwareentwicklerin (m/w/d) „Embedded“");
  assert.equal(swiss.company, "Müller Präzisionstechnik AG");
  assert.equal(swiss.location, "Zürich, CH");
  assert.equal(swiss.employment_type, "full_time", "Vollzeit");
  assert.deepEqual([swiss.salary_min, swiss.salary_max, swiss.salary_currency, swiss.salary_period], [
    120000,
    140000,
    "CHF",
    "year",
  ]);
  assert.deepEqual(swiss.required_skills, ["C", "C++", "Python"]);

  const french = posting(
    parseJsonLdPageBytes({
      bytes: readFixtureBytes("jsonld_iso8859_1_header.html"),
      url: "https://emplois.example.fr/1",
      contentType: "text/html; charset=ISO-8859-1",
    }, context),
  );
  assert.equal(french.title, "Développeur·se Full-Stack");
  assert.equal(french.company, "Société Générale d'Études");
  assert.deepEqual(
    [french.salary_min, french.salary_max, french.salary_currency],
    [45000, 55000, "EUR"],
    "string figures with spaces",
  );
  assert.equal(french.country_code, "FR");

  const japanese = posting(
    parseJsonLdPageBytes(
      { bytes: readFixtureBytes("jsonld_shift_jis.html"), url: "https://example.jp/jobs/1" },
      context,
    ),
  );
  assert.equal(japanese.title, "バックエンドエンジニア（Go）");
  assert.equal(japanese.company, "株式会社サンプル");
  assert.deepEqual([japanese.salary_min, japanese.salary_currency, japanese.salary_period], [6000000, "JPY", "year"]);
});

Deno.test("JSON-LD: a page without a JobPosting is a typed error", () => {
  const result = parseJsonLdPage(
    { html: readFixtureText("no_jsonld.html"), url: "https://example.org/about" },
    context,
  );
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.error.code, "no_job_posting");
    assert.deepEqual(result.error.details, { json_ld_blocks: 1, unreadable_blocks: 1 });
  }
  const bad = parseJsonLdPage({ html: "<p>x</p>", url: "file:///etc/passwd" }, context);
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.error.code, "unexpected_shape");
});

Deno.test("JSON-LD: a posting without a company is reported, listing pages give every posting", () => {
  const html = `<script type="application/ld+json">{"@type":"ItemList","itemListElement":[
    {"@type":"ListItem","item":{"@type":"JobPosting","title":"A","hiringOrganization":"X"}},
    {"@type":"ListItem","item":{"@type":"JobPosting","title":"B"}},
    {"@type":"ListItem","item":{"@type":"schema:JobPosting","schema:title":"C","schema:hiringOrganization":{"name":"Y"}}}
  ]}</script>`;
  const all = parseJsonLdPostings({ html, url: "https://jobs.example/list" }, context);
  assert.equal(all.ok, true);
  if (!all.ok) return;
  assert.deepEqual(all.value.postings.map((p) => p.title), ["A", "C"]);
  assert.deepEqual(all.value.rejected.map((r) => [r.index, r.code]), [[1, "invalid_posting"]]);
  const one = parseJsonLdPage({
    html: html.replace('"title":"A","hiringOrganization":"X"', '"title":"A"').replace(
      '"schema:hiringOrganization":{"name":"Y"}',
      '"x":1',
    ),
    url: "https://jobs.example/list",
  }, context);
  assert.equal(one.ok, false);
  if (!one.ok) assert.equal(one.error.code, "invalid_posting");
});

Deno.test("JSON-LD: salary shapes", () => {
  const salaryOf = (baseSalary: unknown, extra: Record<string, unknown> = {}) => {
    const html = `<script type="application/ld+json">${
      JSON.stringify({ "@type": "JobPosting", title: "T", hiringOrganization: "C", baseSalary, ...extra })
    }</script>`;
    const job = posting(parseJsonLdPage({ html, url: "https://jobs.example/1" }, context));
    return [job.salary_min, job.salary_max, job.salary_currency, job.salary_period];
  };
  assert.deepEqual(salaryOf({ currency: "USD", value: { minValue: 100000, maxValue: 120000, unitText: "YEAR" } }), [
    100000,
    120000,
    "USD",
    "year",
  ]);
  assert.deepEqual(salaryOf({ currency: "USD", value: { value: 5000, unitText: "MONTH" } }), [
    5000,
    5000,
    "USD",
    "month",
  ]);
  assert.deepEqual(
    salaryOf({ currency: "GBP", value: 40000 }),
    [40000, 40000, "GBP", "year"],
    "a bare figure, period inferred",
  );
  assert.deepEqual(salaryOf({ currency: "EUR", minValue: "50.000", maxValue: "60.000", unitText: "YEAR" }), [
    50000,
    60000,
    "EUR",
    "year",
  ]);
  assert.deepEqual(salaryOf({ value: { minValue: 1, maxValue: 2, unitText: "HOUR" } }, { salaryCurrency: "cad" }), [
    1,
    2,
    "CAD",
    "hour",
  ]);
  assert.deepEqual(salaryOf("$120k-$150k"), [120000, 150000, "USD", "year"]);
  assert.deepEqual(salaryOf({ currency: "USD", value: { unitText: "YEAR" } }), [null, null, null, null]);
  assert.deepEqual(
    salaryOf({ value: { minValue: 100, maxValue: 200 } }),
    [null, null, null, null],
    "no currency, no salary",
  );
});

Deno.test("findJobPostings: bounded on cyclic or enormous input", () => {
  const cyclic: Record<string, unknown> = { "@type": "WebPage" };
  cyclic.self = cyclic;
  cyclic.child = { "@type": ["Thing", "https://schema.org/JobPosting"], title: "T" };
  assert.equal(findJobPostings([cyclic]).length, 1);
  let deep: unknown = { "@type": "JobPosting" };
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.equal(findJobPostings([deep]).length, 0, "deeper than the walk goes");
});
