import assert from "node:assert/strict";
import fc from "fast-check";
import { PDFDocument } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import type { Resume } from "../tailoring/resume.ts";
import { backendEngineer, longCareer, unicodeCv, xmlNasties } from "./fixtures/resumes.ts";
import { unicodeFonts } from "./fonts.ts";
import { needsUnicodeFont, PAGE_SIZES, PDF_CONTENT_TYPE, type PdfExport, type PdfOptions, renderPdf } from "./pdf.ts";

async function render(resume: Resume, options: PdfOptions = {}): Promise<PdfExport> {
  const result = await renderPdf(resume, options);
  if (!result.ok) throw new Error(`renderPdf failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The text of each page as pdf.js (Firefox's PDF engine) extracts it. */
async function pagesOf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: false });
  return text;
}

/** Asserts that every needle occurs in `text`, each after the previous one. */
function assertInOrder(text: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    assert.ok(at >= 0, `"${needle}" not found after position ${from} in:\n${text.slice(from, from + 400)}`);
    from = at + needle.length;
  }
}

const words = (text: string): string => text.replace(/\s+/g, " ");

Deno.test("the PDF is a real PDF whose extracted text reads the CV top to bottom", async () => {
  const pdf = await render(backendEngineer);
  assert.equal(pdf.contentType, PDF_CONTENT_TYPE);
  assert.equal(new TextDecoder().decode(pdf.bytes.subarray(0, 5)), "%PDF-");
  assert.ok(new TextDecoder().decode(pdf.bytes.subarray(-8)).includes("%%EOF"));
  assert.equal(pdf.fileName, "maya-okafor-cv.pdf");
  assert.deepEqual(pdf.replacedCharacters, []);

  const pages = await pagesOf(pdf.bytes);
  assert.equal(pages.length, pdf.pageCount);
  const text = words(pages.join("\n"));
  const expected = [
    "Maya Okafor",
    "Senior Backend Engineer",
    "maya.okafor@example.com | +44 7700 900123 | Manchester, GB | https://maya.example.dev",
    "https://github.com/mayaokafor",
    "LinkedIn: mayaokafor",
    "Summary",
    "Backend engineer with eight years",
    "schemas that age well.",
    "Experience",
  ];
  for (const work of backendEngineer.work ?? []) {
    expected.push(work.name ?? "", work.position ?? "");
    if (work.summary) expected.push(work.summary);
    for (const highlight of work.highlights ?? []) expected.push(`• ${highlight}`);
  }
  expected.push(
    "Projects",
    "pgqueue",
    "Author",
    "Jun 2020 – Present | https://github.com/mayaokafor/pgqueue",
    "A transactional job queue",
    "• Processes 5,000 jobs per second on one node",
    "Technologies: PostgreSQL, Go",
    "Education",
    "University of Leeds",
    "BSc, Computer Science",
    "2012 – 2015 | Grade: First",
    "Courses: Distributed Systems, Databases",
    "Skills",
    "Backend: Go, Python, gRPC",
    "Data (Advanced): PostgreSQL, Kafka",
    "Terraform, Kubernetes",
    "Languages",
    "English (Native), Yoruba (Conversational)",
  );
  assertInOrder(text, expected);
  assertInOrder(text, ["Paylane", "Mar 2021 – Present | Manchester", "Routely Logistics", "Jan 2018 – Feb 2021"]);
});

Deno.test("text is drawn as text: no images, fonts are the standard Helvetica pair", async () => {
  const pdf = await render(backendEngineer);
  const raw = new TextDecoder("latin1").decode(pdf.bytes);
  assert.ok(!raw.includes("/Subtype /Image"));
  assert.ok(raw.includes("/BaseFont /Helvetica"));
  assert.ok(raw.includes("/BaseFont /Helvetica-Bold"));
  assert.ok(!raw.includes("/ObjStm"), "no object streams, for older parsers");
});

Deno.test("A4 is the default and Letter is available", async () => {
  for (const [pageSize, expected] of Object.entries(PAGE_SIZES) as [keyof typeof PAGE_SIZES, readonly number[]][]) {
    const pdf = await render(backendEngineer, { pageSize });
    const doc = await PDFDocument.load(pdf.bytes);
    const { width, height } = doc.getPage(0).getSize();
    assert.deepEqual([width, height], [...expected]);
  }
  const doc = await PDFDocument.load((await render(backendEngineer)).bytes);
  assert.deepEqual(Object.values(doc.getPage(0).getSize()), [...PAGE_SIZES.A4]);
});

Deno.test("a long CV breaks across pages, keeps reading order and stays inside the margins", async () => {
  const resume = longCareer(40);
  const pdf = await render(resume);
  assert.ok(pdf.pageCount >= 5, `expected several pages, got ${pdf.pageCount}`);
  const pages = await pagesOf(pdf.bytes);
  assert.equal(pages.length, pdf.pageCount);
  for (const page of pages) assert.ok(page.trim().length > 0, "no blank page");

  const expected: string[] = ["Pat Long", "Consultant", "Experience"];
  for (const work of resume.work ?? []) {
    expected.push(work.name ?? "", work.position ?? "", ...(work.highlights ?? []).map((item) => item.slice(0, 20)));
  }
  assertInOrder(words(pages.join("\n")), expected);
  // The last job is on the last page, the first on the first.
  assert.ok(pages[0].includes("Employer 01"));
  assert.ok(pages[pages.length - 1].includes("Highlight 40.5"));

  const doc = await getDocumentProxy(pdf.bytes.slice());
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!("transform" in item)) continue;
      const y = item.transform[5];
      assert.ok(y >= 50 && y <= PAGE_SIZES.A4[1] - 50, `text at y=${y} on page ${number} is outside the margins`);
    }
  }
});

Deno.test("a heading or an employer never sits alone at the foot of a page", async () => {
  const pages = await pagesOf((await render(longCareer(25))).bytes);
  for (const page of pages.slice(0, -1)) {
    const lines = page.trim().split("\n");
    const last = lines[lines.length - 1];
    assert.ok(!/^Employer \d+$/.test(last) && !/^Role \d+$/.test(last) && last !== "Experience", last);
  }
});

Deno.test("with the standard fonts, text outside Windows-1252 is transliterated and reported", async () => {
  const pdf = await render(unicodeCv);
  const text = words((await pagesOf(pdf.bytes)).join("\n"));
  assertInOrder(text, [
    "Zoë Lódz-Dvorák",
    "Ingénieure logicielle — Kraków",
    "Mówie po polsku, po-russki i ellinika.",
    "Zabka Tech",
    "Glówna inzynierka",
    "• Zmniejszyla koszty o 30 % — “naprawde”",
    "• Postroila platformu",
  ]);
  for (const char of ["Ł", "ź", "ř", "🚀", "✅", "ę", "п"]) assert.ok(pdf.replacedCharacters.includes(char), char);
  for (const char of ["ë", "ó", "—", "“"]) assert.ok(!pdf.replacedCharacters.includes(char), char);
  assert.ok(!text.includes("🚀"));
});

Deno.test("with the Unicode font from npm, Polish, Cyrillic and Greek are drawn as written", async () => {
  assert.equal(needsUnicodeFont(unicodeCv), true);
  assert.equal(needsUnicodeFont(backendEngineer), false);
  const pdf = await render(unicodeCv, { fonts: unicodeFonts() });
  const text = words((await pagesOf(pdf.bytes)).join("\n"));
  assertInOrder(text, [
    "Zoë Łódź-Dvořák",
    "Ingénieure logicielle — Kraków",
    "Mówię po polsku, по-русски и ελληνικά.",
    "Żabka Tech",
    "Główna inżynierka",
    "• Zmniejszyła koszty o 30 % — “naprawdę”",
    "• Построила платформу",
  ]);
  // Only the emoji are beyond Roboto.
  assert.deepEqual(pdf.replacedCharacters.filter((char) => /\p{L}/u.test(char)), []);
  assert.ok(pdf.replacedCharacters.includes("🚀"));
  assert.ok(pdf.bytes.length < 200_000, `subset fonts keep the file small (${pdf.bytes.length} bytes)`);
});

Deno.test("characters special in XML, HTML or PDF strings come out as written; control characters do not", async () => {
  const pdf = await render(xmlNasties);
  const text = words((await pagesOf(pdf.bytes)).join("\n"));
  assertInOrder(text, [
    `Ada "Bobby" O'Hara & <Sons>`,
    "R&D <Lead> ]]> <!-- not a comment -->",
    "Uses &amp; literally, tabs and a bell and a vertical tab and NUL inside.",
    "AT&T <Labs>",
    `"Principal" Engineer`,
    `• <script>alert("x")</script>`,
    "• 5 < 6 && 7 > 3",
    "• Lone surrogate removed",
  ]);
});

Deno.test("sections follow the requested order, labels can be translated, empty sections are left out", async () => {
  const pdf = await render(backendEngineer, {
    sections: ["skills", "education", "work"],
    labels: { work: "Berufserfahrung", education: "Ausbildung", skills: "Kenntnisse", present: "heute" },
    months: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
  });
  const text = words((await pagesOf(pdf.bytes)).join("\n"));
  assertInOrder(text, ["Kenntnisse", "Ausbildung", "Berufserfahrung", "Mär 2021 – heute"]);
  for (const absent of ["Summary", "Projects", "Languages", "pgqueue"]) assert.ok(!text.includes(absent), absent);

  const empty = await render({ basics: { name: "Only A. Name" }, work: [], skills: [] });
  const emptyText = (await pagesOf(empty.bytes)).join("\n");
  assert.equal(emptyText.trim(), "Only A. Name");
});

Deno.test("metadata names the person and equal input gives equal bytes", async () => {
  const createdAt = new Date("2026-11-25T12:00:00Z");
  const first = await render(backendEngineer, { createdAt, language: "en-GB" });
  const second = await render(backendEngineer, { createdAt, language: "en-GB" });
  assert.deepEqual(first.bytes, second.bytes);
  const doc = await PDFDocument.load(first.bytes, { updateMetadata: false });
  assert.equal(doc.getTitle(), "Maya Okafor – CV");
  assert.equal(doc.getAuthor(), "Maya Okafor");
  assert.equal(doc.getSubject(), "Senior Backend Engineer");
  assert.equal(doc.getCreationDate()?.toISOString(), createdAt.toISOString());
  assert.ok(new TextDecoder("latin1").decode(first.bytes).includes("/Lang (en-GB)"));
});

Deno.test("bad options and unreadable fonts are errors as values", async () => {
  const badSize = await renderPdf(backendEngineer, { pageSize: "A5" as "A4" });
  assert.equal(badSize.ok, false);
  if (!badSize.ok) assert.equal(badSize.error.code, "validation_failed");
  const badFont = await renderPdf(backendEngineer, {
    fonts: { regular: new Uint8Array([1, 2, 3]), bold: new Uint8Array([4, 5, 6]) },
  });
  assert.equal(badFont.ok, false);
  if (!badFont.ok) assert.equal(badFont.error.code, "validation_failed");
});

Deno.test("property: any text renders, and every drawn character is one the font has", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.string({ unit: "binary", maxLength: 120 }), { minLength: 1, maxLength: 4 }),
      async (highlights) => {
        const result = await renderPdf({ basics: { name: "Prop Test" }, work: [{ name: "Acme", highlights }] });
        assert.ok(result.ok);
        const text = (await pagesOf(result.value.bytes)).join("\n");
        assert.ok(text.startsWith("Prop Test"));
        for (const char of result.value.replacedCharacters) assert.ok(!text.includes(char) || /\s/.test(char));
      },
    ),
    { numRuns: 10 },
  );
});
