import assert from "node:assert/strict";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
// @ts-types="@types/papaparse"
import Papa from "papaparse";
import {
  type LinkedInImport,
  LinkedInImportSchema,
  type LinkedInWarning,
  parseLinkedInArchive,
  parseLinkedInDate,
  splitDescription,
} from "./archive.ts";
import {
  ALL_FILES,
  EDUCATION_CSV,
  NOTES_PREAMBLE,
  POSITIONS_CSV,
  PROFILE_CSV,
  PROJECTS_CSV,
  SKILLS_CSV,
  streamedZipOf,
  zipOf,
} from "./fixtures/exports.ts";
import { readZipFiles } from "./zip.ts";

function parse(archive: Uint8Array, limits = {}): LinkedInImport {
  const result = parseLinkedInArchive(archive, limits);
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

function failure(archive: Uint8Array, limits = {}): { code: string; reason: unknown } {
  const result = parseLinkedInArchive(archive, limits);
  assert.equal(result.ok, false, "expected the import to fail");
  if (result.ok) throw new Error("unreachable");
  const details = result.error.details as { reason?: unknown } | undefined;
  return { code: result.error.code, reason: details?.reason };
}

const has = (warnings: LinkedInWarning[], expected: Partial<LinkedInWarning>): boolean =>
  warnings.some((warning) =>
    Object.entries(expected).every(([key, value]) => warning[key as keyof LinkedInWarning] === value)
  );

const EXPECTED_PROFILE: LinkedInImport["profile"] = {
  full_name: "Zoë Łódź-Kowalska",
  headline: "Senior Data Engineer at Żabka | Python, Spark & dbt",
  summary: 'I build data platforms that people trust.\nI like "clean" pipelines, tests, and coffee.',
  location: "Kraków, Małopolskie, Poland",
  website_url: "https://www.zoe.dev",
  skills: ["Python", "Apache Spark", "SQL", "dbt"],
  work_experience: [
    {
      name: "Żabka Tech",
      position: "Senior Data Engineer",
      location: "Kraków, Poland",
      startDate: "2021-01",
      summary: "Led the data platform team of 6.",
      highlights: [
        "Migrated 200 Airflow DAGs to Dagster, cutting failed runs by 40%",
        "Built a Spark streaming pipeline for 3M events/day, with exactly-once sinks",
      ],
    },
    {
      name: "Acme, Inc.",
      position: "Data Engineer",
      location: "Berlin",
      startDate: "2018-03",
      endDate: "2020-12",
      summary: 'Built ETL jobs in Python, "mostly" on AWS.',
      highlights: ["Owned the Redshift to Snowflake migration", "On-call for 30 pipelines"],
    },
    { name: "Freelance", position: "Data Consultant", startDate: "2016", endDate: "2017" },
    { name: "Backwards Ltd", position: "Analyst", startDate: "2015-03" },
  ],
  education: [
    {
      institution: "AGH University of Science and Technology",
      studyType: "Master of Science - MS, Computer Science",
      startDate: "2012",
      endDate: "2016",
    },
    { institution: "Liceum im. Mikołaja Kopernika", startDate: "2008", endDate: "2012" },
  ],
};

const EXPECTED_PROJECTS: LinkedInImport["projects"] = [
  {
    name: "Open Data Pipeline",
    description: `A pipeline for the city's open data.\nUses Airflow, dbt and "a lot" of SQL.`,
    url: "https://github.com/zoe/odp",
    start_date: "2020-02-01",
    end_date: "2020-11-01",
  },
  { name: "Home Lab", description: "Self-hosted Kubernetes", url: null, start_date: "2019-01-01", end_date: null },
  { name: "Blog", description: null, url: "https://www.zoe.dev/blog", start_date: "2022-09-01", end_date: null },
];

Deno.test("a realistic export maps onto the profile columns and project rows", () => {
  const result = parse(zipOf(ALL_FILES));
  assert.deepEqual(result.profile, EXPECTED_PROFILE);
  assert.deepEqual(result.projects, EXPECTED_PROJECTS);
  assert.deepEqual(result.sources, [
    { file: "Profile.csv", path: "Profile.csv", rows: 1 },
    { file: "Positions.csv", path: "Positions.csv", rows: 5 },
    { file: "Education.csv", path: "Education.csv", rows: 2 },
    { file: "Skills.csv", path: "Skills.csv", rows: 5 },
    { file: "Projects.csv", path: "Projects.csv", rows: 3 },
  ]);
  // Every value the database would reject was dropped, and each drop is explained.
  const { warnings } = result;
  assert.ok(has(warnings, { file: "Profile.csv", field: "Websites", code: "normalised_value" }));
  assert.ok(has(warnings, { file: "Profile.csv", field: "Websites", code: "not_imported" }), "second website");
  assert.ok(has(warnings, { file: "Profile.csv", field: "Websites", code: "dropped_value" }), "ftp:// link");
  assert.ok(has(warnings, { file: "Positions.csv", row: 4, code: "skipped_row" }), "no company name");
  assert.ok(has(warnings, { file: "Positions.csv", row: 5, field: "Finished On", code: "dropped_value" }));
  assert.ok(has(warnings, { file: "Education.csv", row: 1, field: "Notes", code: "not_imported" }));
  assert.ok(has(warnings, { file: "Education.csv", row: 1, field: "Activities", code: "not_imported" }));
  assert.ok(has(warnings, { file: "Projects.csv", row: 2, field: "Url", code: "dropped_value" }), "javascript:");
  assert.ok(has(warnings, { file: "Projects.csv", row: 3, field: "Url", code: "normalised_value" }));
  assert.equal(warnings.length, 9, JSON.stringify(warnings, null, 1));
});

Deno.test("a streamed ZIP (data descriptors), one folder down, with Mac resource forks, reads the same", () => {
  const folder = "Basic_LinkedInDataExport_11-25-2026";
  const files: Record<string, string | Uint8Array> = {};
  for (const [name, content] of Object.entries(ALL_FILES)) files[`${folder}/${name}`] = content;
  files[`__MACOSX/${folder}/._Profile.csv`] = new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0]);
  const result = parse(streamedZipOf(files));
  assert.deepEqual(result.profile, EXPECTED_PROFILE);
  assert.deepEqual(result.projects, EXPECTED_PROJECTS);
  assert.equal(result.sources[0].path, `${folder}/Profile.csv`);
});

Deno.test("the file nearest the root wins when a name appears twice", () => {
  const result = parse(zipOf({
    "old/copy/Profile.csv": "First Name,Last Name\nOld,Copy\n",
    "Profile.csv": "First Name,Last Name\nNew,Copy\n",
  }));
  assert.equal(result.profile.full_name, "New Copy");
});

Deno.test("CRLF line ends, a BOM, the Notes preamble and quoted newlines and commas", () => {
  const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");
  const files = Object.fromEntries(Object.entries(ALL_FILES).map(([name, content]) => [name, crlf(content)]));
  files["Skills.csv"] = "\uFEFF" + NOTES_PREAMBLE.replace(/\n/g, "\r\n") + crlf(SKILLS_CSV);
  const result = parse(zipOf(files));
  assert.deepEqual(result.profile, EXPECTED_PROFILE);
  assert.deepEqual(result.projects, EXPECTED_PROJECTS);
});

Deno.test("a preamble with a broken quote still finds the header", () => {
  const positions =
    `Notes:\n"This note never closes its quote\n\nCompany Name,Title,Started On\nAcme,Engineer,Jan 2020\n`;
  const result = parse(zipOf({ "Profile.csv": PROFILE_CSV, "Positions.csv": positions }));
  assert.deepEqual(result.profile.work_experience, [{ name: "Acme", position: "Engineer", startDate: "2020-01" }]);
});

Deno.test("missing files are warnings; only Profile.csv is required", () => {
  const result = parse(zipOf({ "Profile.csv": PROFILE_CSV }));
  assert.equal(result.profile.full_name, "Zoë Łódź-Kowalska");
  assert.deepEqual(result.profile.work_experience, []);
  assert.deepEqual(result.profile.education, []);
  assert.deepEqual(result.profile.skills, []);
  assert.deepEqual(result.projects, []);
  for (const file of ["Positions.csv", "Education.csv", "Skills.csv", "Projects.csv"]) {
    assert.ok(has(result.warnings, { file, code: "missing_file" }), file);
  }

  const unreadable = parse(zipOf({ "Profile.csv": PROFILE_CSV, "Skills.csv": "Skill Title\nGo\n" }));
  assert.ok(has(unreadable.warnings, { file: "Skills.csv", code: "unreadable_file" }));

  const headerOnly = parse(zipOf({ "Profile.csv": "First Name,Last Name,Headline\n" }));
  assert.equal(headerOnly.profile.full_name, null);
  assert.ok(has(headerOnly.warnings, { file: "Profile.csv", code: "skipped_row" }));
});

Deno.test("no Profile.csv, or one without its columns, is not a LinkedIn export", () => {
  assert.deepEqual(failure(zipOf({ "Positions.csv": POSITIONS_CSV })), {
    code: "validation_failed",
    reason: "missing_profile",
  });
  assert.deepEqual(failure(zipOf({})), { code: "validation_failed", reason: "missing_profile" });
  assert.deepEqual(failure(zipOf({ "Profile.csv": "Name,Surname\nA,B\n" })), {
    code: "validation_failed",
    reason: "unreadable_profile",
  });
});

Deno.test("what is not a ZIP is refused as such", () => {
  const notZip = { code: "unsupported_media_type", reason: "not_a_zip" };
  assert.deepEqual(failure(new Uint8Array()), notZip);
  assert.deepEqual(failure(strToU8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")), notZip);
  assert.deepEqual(failure(strToU8(PROFILE_CSV)), notZip);
  // ZIP magic followed by garbage: no central directory to read.
  const garbage = new Uint8Array(4096).map((_, index) => (index * 7919) % 251);
  garbage.set([0x50, 0x4b, 0x03, 0x04]);
  assert.deepEqual(failure(garbage), notZip);
  // A real archive cut short loses its central directory.
  const cut = zipOf(ALL_FILES);
  assert.deepEqual(failure(cut.subarray(0, cut.length - 30)), notZip);
});

Deno.test("a zip bomb is refused by its declared size, without inflating it", () => {
  const bomb = zipSync({ "Profile.csv": strToU8(PROFILE_CSV), "Positions.csv": new Uint8Array(24 * 1024 * 1024) });
  assert.ok(bomb.length < 200 * 1024, `the bomb is small (${bomb.length} bytes)`);
  const started = performance.now();
  assert.deepEqual(failure(bomb), { code: "payload_too_large", reason: "file_too_large" });
  assert.ok(performance.now() - started < 1000);
});

/** Rewrites the uncompressed size of `name` in its local header and central directory entry. */
function lieAboutSize(archive: Uint8Array, name: string, size: number): Uint8Array {
  const out = archive.slice();
  const view = new DataView(out.buffer);
  const encodedName = strToU8(name);
  const nameAt = (offset: number) => encodedName.every((byte, index) => out[offset + index] === byte);
  for (let offset = 0; offset + 46 < out.length; offset++) {
    const signature = view.getUint32(offset, true);
    if (signature === 0x04034b50 && nameAt(offset + 30)) view.setUint32(offset + 22, size, true);
    if (signature === 0x02014b50 && nameAt(offset + 46)) view.setUint32(offset + 24, size, true);
  }
  return out;
}

Deno.test("a zip bomb that lies about its size is stopped while inflating, in bounded time", () => {
  const honest = zipSync({ "Profile.csv": strToU8(PROFILE_CSV), "Positions.csv": new Uint8Array(24 * 1024 * 1024) });
  const lying = lieAboutSize(honest, "Positions.csv", 1000);
  const started = performance.now();
  assert.deepEqual(failure(lying), { code: "payload_too_large", reason: "declared_size_exceeded" });
  assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);

  // Claiming more than is there is caught too: the entry does not match its directory.
  const short = lieAboutSize(zipSync({ "Profile.csv": strToU8(PROFILE_CSV) }), "Profile.csv", PROFILE_CSV.length + 50);
  assert.deepEqual(failure(short), { code: "validation_failed", reason: "corrupt_archive" });
});

Deno.test("limits: archive size, number of files, size of the files read", () => {
  const archive = zipOf(ALL_FILES);
  assert.deepEqual(failure(archive, { maxArchiveBytes: 1000 }), {
    code: "payload_too_large",
    reason: "archive_too_large",
  });
  assert.deepEqual(failure(archive, { maxEntries: 5 }), { code: "payload_too_large", reason: "too_many_files" });
  assert.deepEqual(failure(archive, { maxFileBytes: 500 }), { code: "payload_too_large", reason: "file_too_large" });
  assert.deepEqual(failure(archive, { maxTotalBytes: 1500 }), {
    code: "payload_too_large",
    reason: "uncompressed_too_large",
  });

  // The default entry limit, with an archive of 6,000 empty files.
  const many: Record<string, Uint8Array> = { "Profile.csv": strToU8(PROFILE_CSV) };
  for (let index = 0; index < 6000; index++) many[`Articles/${index}.html`] = new Uint8Array();
  assert.deepEqual(failure(zipSync(many)), { code: "payload_too_large", reason: "too_many_files" });
});

Deno.test("readZipFiles reads stored and deflated entries byte for byte", () => {
  const binary = new Uint8Array(100_000).map((_, index) => (index * 31) % 256);
  const archive = zipSync({ "a/stored.bin": [binary, { level: 0 }], "deflated.txt": strToU8("hello ".repeat(5000)) });
  const result = readZipFiles(
    archive,
    (path) => path.endsWith(".bin") ? "bin" : path.endsWith(".txt") ? "txt" : undefined,
  );
  assert.ok(result.ok);
  assert.deepEqual(result.value.get("bin")?.bytes, binary);
  assert.equal(result.value.get("bin")?.path, "a/stored.bin");
  assert.equal(new TextDecoder().decode(result.value.get("txt")?.bytes), "hello ".repeat(5000));
});

Deno.test("values are cut to the database limits, surrogate pairs intact, and each cut is reported", () => {
  const headline = "Data ".repeat(39) + "xy😀😀"; // 195 + 2 + 4 code units: the cut at 200 splits an emoji
  const description = ["Intro.", ...Array.from({ length: 35 }, (_, index) => `• Bullet ${index + 1}`)].join("\n");
  const positions = Papa.unparse([
    ["Company Name", "Title", "Description", "Started On"],
    ...Array.from({ length: 60 }, (_, index) => [`Company ${index + 1}`, "T".repeat(250), description, "Jan 2020"]),
    ["Long Summary Co", "Writer", "w".repeat(5000), ""],
  ]);
  const skills = Papa.unparse([["Name"], ...Array.from({ length: 120 }, (_, index) => [`Skill ${index + 1}`])]);
  const profile = Papa.unparse([["First Name", "Last Name", "Headline"], ["A", "B", headline]]);
  const result = parse(zipOf({ "Profile.csv": profile, "Positions.csv": positions, "Skills.csv": skills }));

  assert.ok((result.profile.headline ?? "").length <= 200);
  assert.ok(!/[\uD800-\uDBFF]$/.test(result.profile.headline ?? ""), "no half of a surrogate pair");
  assert.ok(has(result.warnings, { file: "Profile.csv", field: "Headline", code: "truncated" }));
  assert.equal(result.profile.work_experience.length, 50);
  assert.ok(
    has(result.warnings, { file: "Positions.csv", code: "truncated", message: "Kept the first 50 of 61 positions." }),
  );
  const first = result.profile.work_experience[0];
  assert.equal(first.position?.length, 200);
  assert.equal(first.summary, "Intro.");
  assert.equal(first.highlights?.length, 30);
  assert.equal(first.highlights?.[29], "Bullet 30");
  assert.equal(result.profile.skills.length, 100);
  // The warning list itself is bounded.
  assert.ok(result.warnings.length <= 201);
  assert.equal(result.warnings[result.warnings.length - 1].code, "truncated");
});

Deno.test("LinkedIn dates become JSON Resume partial dates in 1900-2099", () => {
  const cases: [string, ReturnType<typeof parseLinkedInDate>][] = [
    ["Jan 2020", { kind: "date", value: "2020-01" }],
    ["sept. 2019", { kind: "date", value: "2019-09" }],
    ["December 2001", { kind: "date", value: "2001-12" }],
    ["2019", { kind: "date", value: "2019" }],
    [" 2019 ", { kind: "date", value: "2019" }],
    ["03/2018", { kind: "date", value: "2018-03" }],
    ["2018-3", { kind: "date", value: "2018-03" }],
    ["2018-03-15", { kind: "date", value: "2018-03-15" }],
    ["2021-02-30", { kind: "date", value: "2021-02", note: "2021-02-30 is not a calendar day; kept the month." }],
    ["Mär 2020", { kind: "date", value: "2020", note: `Month "Mär" not understood; kept the year.` }],
    ["", { kind: "none" }],
    ["Present", { kind: "none" }],
    ["1895", { kind: "invalid", reason: "1895 is outside the years 1900-2099." }],
    ["Jun 2150", { kind: "invalid", reason: "Jun 2150 is outside the years 1900-2099." }],
    ["13/2020", { kind: "invalid", reason: `"13/2020" is not a date.` }],
    ["last spring", { kind: "invalid", reason: `"last spring" is not a date.` }],
  ];
  for (const [input, expected] of cases) assert.deepEqual(parseLinkedInDate(input), expected, input);
});

Deno.test("bulleted lines of a description become highlights", () => {
  assert.deepEqual(splitDescription("Team lead.\n• One\n- Two\n* Three\n1. Four\n2) Five\nClosing words."), {
    summary: "Team lead.\nClosing words.",
    highlights: ["One", "Two", "Three", "Four", "Five"],
  });
  assert.deepEqual(splitDescription("Plain prose - with a dash inside."), {
    summary: "Plain prose - with a dash inside.",
    highlights: [],
  });
});

Deno.test("property: any cell content imports into values the database accepts", () => {
  const text = fc.string({ unit: "binary", maxLength: 300 });
  const date = fc.oneof(
    text,
    fc.constantFrom("Jan 2020", "2019", "Feb 1850", "2099", "Present", "2020-02-30", ""),
  );
  const url = fc.oneof(text, fc.webUrl(), fc.constantFrom("javascript:alert(1)", "www.example.com", "ftp://x.y"));
  const row = fc.record({ company: text, title: text, description: text, start: date, end: date, url });
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), text, text, (rows, first, headline) => {
      const archive = zipOf({
        "Profile.csv": Papa.unparse([["First Name", "Headline", "Websites"], [first, headline, rows[0].url]]),
        "Positions.csv": Papa.unparse([
          ["Company Name", "Title", "Description", "Started On", "Finished On"],
          ...rows.map((item) => [item.company, item.title, item.description, item.start, item.end]),
        ]),
        "Education.csv": Papa.unparse([
          ["School Name", "Degree Name", "Start Date", "End Date"],
          ...rows.map((item) => [item.company, item.title, item.start, item.end]),
        ]),
        "Skills.csv": Papa.unparse([["Name"], ...rows.map((item) => [item.title])]),
        "Projects.csv": Papa.unparse([
          ["Title", "Description", "Url", "Started On", "Finished On"],
          ...rows.map((item) => [item.title, item.description, item.url, item.start, item.end]),
        ]),
      });
      const result = parseLinkedInArchive(archive);
      assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
      assert.ok(LinkedInImportSchema.safeParse(result.value).success);
      // deno-lint-ignore no-control-regex
      assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(JSON.stringify(result.value.profile)));
    }),
    { numRuns: 40 },
  );
});

Deno.test("fixtures are what the tests say they are", () => {
  assert.ok(PROFILE_CSV.startsWith("\uFEFF"), "Profile.csv has a BOM");
  assert.ok(POSITIONS_CSV.startsWith("Notes:"), "Positions.csv has the preamble");
  assert.ok(EDUCATION_CSV.includes(",2012,2016,"), "year-only dates");
  assert.ok(PROJECTS_CSV.includes("javascript:"), "a non-http link");
});
