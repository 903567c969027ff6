import assert from "node:assert/strict";
import {
  cleanLine,
  cleanSkills,
  cleanTimestamp,
  clip,
  finalizePosting,
  isHttpUrl,
  LIMITS,
  type NormalizedPosting,
  NormalizedPostingSchema,
  type PostingDraft,
} from "./posting.ts";

const base: PostingDraft = { source: "url", title: "Engineer", company: "Acme" };

function finalized(draft: Partial<PostingDraft>): NormalizedPosting {
  const result = finalizePosting({ ...base, ...draft });
  if (!result.ok) assert.fail(`expected a posting, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const valid: NormalizedPosting = {
  source: "greenhouse",
  external_id: "42",
  source_url: "https://boards.greenhouse.io/acme/jobs/42",
  title: "Engineer",
  company: "Acme",
  company_url: null,
  location: "Berlin, Germany",
  country_code: "DE",
  remote_type: "hybrid",
  employment_type: "full_time",
  description: "Build things.",
  requirements: null,
  responsibilities: null,
  salary_min: 60000,
  salary_max: 75000,
  salary_currency: "EUR",
  salary_period: "year",
  required_skills: ["Go"],
  preferred_skills: [],
  posted_at: "2025-01-15T00:00:00.000Z",
  expires_at: "2025-03-01T00:00:00.000Z",
};

Deno.test("schema: a complete posting passes", () => {
  assert.equal(NormalizedPostingSchema.safeParse(valid).success, true);
});

Deno.test("schema: repeats the jobs table's constraints", () => {
  const refused: Array<[string, Partial<NormalizedPosting> & Record<string, unknown>]> = [
    ["source pattern", { source: "Green House" }],
    ["untrimmed title", { title: " Engineer" }],
    ["empty company", { company: "" }],
    ["title cap", { title: "x".repeat(LIMITS.title + 1) }],
    ["javascript: URL", { source_url: "javascript:alert(1)" }],
    ["URL with spaces", { company_url: "https://acme.example/a b" }],
    ["country code", { country_code: "de" }],
    ["remote enum", { remote_type: "office" as never }],
    ["employment enum", { employment_type: "full-time" as never }],
    ["period enum", { salary_period: "annual" as never }],
    ["negative salary", { salary_min: -1 }],
    ["fractional salary", { salary_min: 1.5 }],
    ["integer overflow", { salary_max: 2_147_483_648 }],
    ["min above max", { salary_min: 80000, salary_max: 70000 }],
    ["salary without currency", { salary_currency: null }],
    ["currency format", { salary_currency: "eur" }],
    ["expiry before posting", { expires_at: "2024-01-01T00:00:00.000Z" }],
    ["NUL in text", { description: "a\u0000b" }],
    ["untrimmed skill", { required_skills: [" Go"] }],
    ["too many skills", { preferred_skills: Array.from({ length: 101 }, (_, i) => `s${i}`) }],
    ["unknown column", { owner_id: "x" }],
    ["bad timestamp", { posted_at: "yesterday" }],
  ];
  for (const [why, patch] of refused) {
    assert.equal(NormalizedPostingSchema.safeParse({ ...valid, ...patch }).success, false, why);
  }
});

Deno.test("finalize: title and company are required", () => {
  const noTitle = finalizePosting({ ...base, title: "   " });
  assert.equal(noTitle.ok, false);
  if (!noTitle.ok) assert.equal(noTitle.error.code, "invalid_posting");
  const noCompany = finalizePosting({ ...base, company: null });
  assert.equal(noCompany.ok, false);
});

Deno.test("finalize: cleans instead of failing", () => {
  const posting = finalized({
    title: "  Senior\n  Engineer \u0000 ",
    external_id: 12345,
    source_url: "  https://jobs.example/a?x=1#apply ",
    company_url: "javascript:alert(1)",
    location: "   ",
    country_code: "de",
    description: "  body  ",
    salary_min: 90000.4,
    salary_max: 80000,
    salary_currency: "usd",
    salary_period: "year",
    posted_at: "2025-02-01",
    expires_at: "2025-01-01",
    required_skills: ["Go", " go ", "", "x".repeat(101), "Rust"],
    preferred_skills: ["Rust", "Kafka"],
  });
  assert.equal(posting.title, "Senior Engineer");
  assert.equal(posting.external_id, "12345");
  assert.equal(posting.source_url, "https://jobs.example/a?x=1#apply");
  assert.equal(posting.company_url, null);
  assert.equal(posting.location, null);
  assert.equal(posting.country_code, "DE");
  assert.equal(posting.description, "body");
  assert.deepEqual([posting.salary_min, posting.salary_max, posting.salary_currency], [80000, 90000, "USD"]);
  assert.equal(posting.posted_at, "2025-02-01T00:00:00.000Z");
  assert.equal(posting.expires_at, null, "an expiry before the posting date is dropped");
  assert.deepEqual(posting.required_skills, ["Go", "Rust"]);
  assert.deepEqual(posting.preferred_skills, ["Kafka"], "a required skill is not also preferred");
});

Deno.test("finalize: a salary without a currency is dropped whole", () => {
  const posting = finalized({ salary_min: 50000, salary_max: 60000, salary_period: "year" });
  assert.deepEqual(
    [posting.salary_min, posting.salary_max, posting.salary_currency, posting.salary_period],
    [null, null, null, null],
  );
});

Deno.test("finalize: long values are clipped or hashed to the column caps", () => {
  const posting = finalized({
    title: "t".repeat(400),
    description: "d".repeat(LIMITS.description + 10),
    external_id: "https://jobs.example/" + "x".repeat(300),
  });
  assert.equal(posting.title.length, LIMITS.title);
  assert.equal(posting.description?.length, LIMITS.description);
  assert.match(posting.external_id ?? "", /^sha256:[0-9a-f]{64}$/);
  const again = finalized({ external_id: "https://jobs.example/" + "x".repeat(300) });
  assert.equal(again.external_id, posting.external_id, "the hash is stable");
});

Deno.test("clip never splits a surrogate pair", () => {
  assert.equal(clip("ab😀", 3), "ab");
  assert.equal(clip("ab😀", 4), "ab😀");
  assert.equal(cleanLine(" a \n b ", 10), "a b");
});

Deno.test("timestamps: placeholders and garbage become null", () => {
  assert.equal(cleanTimestamp("0001-01-01"), null);
  assert.equal(cleanTimestamp("9999-12-31"), null);
  assert.equal(cleanTimestamp("not a date"), null);
  assert.equal(cleanTimestamp(1738368000000), "2025-02-01T00:00:00.000Z");
  assert.equal(cleanTimestamp("2025-03-15T23:59:59+01:00"), "2025-03-15T22:59:59.000Z");
});

Deno.test("isHttpUrl follows private.is_http_url", () => {
  assert.equal(isHttpUrl("https://a.example/x"), true);
  assert.equal(isHttpUrl("HTTP://A.EXAMPLE"), true);
  assert.equal(isHttpUrl("ftp://a.example"), false);
  assert.equal(isHttpUrl("https:///path"), false);
  assert.equal(isHttpUrl(`https://a.example/${"x".repeat(2048)}`), false);
  assert.deepEqual(cleanSkills(["A", "a", "B"]), ["A", "B"]);
});
