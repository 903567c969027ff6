import assert from "node:assert/strict";
import { decodeXML } from "entities";
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import type { Resume } from "../tailoring/resume.ts";
import { DOCX_CONTENT_TYPE, type DocxExport, type DocxOptions, renderDocx } from "./docx.ts";
import { backendEngineer, careerChanger, unicodeCv, xmlNasties } from "./fixtures/resumes.ts";

async function render(resume: Resume, options: DocxOptions = {}): Promise<DocxExport> {
  const result = await renderDocx(resume, options);
  if (!result.ok) throw new Error(`renderDocx failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

interface WordParagraph {
  style: string | undefined;
  isBullet: boolean;
  text: string;
}

/** word/document.xml of a .docx, unzipped with an independent ZIP library. */
function documentXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  assert.ok(files["[Content_Types].xml"], "a DOCX has a content-types part");
  assert.ok(files["word/document.xml"], "a DOCX has word/document.xml");
  return strFromU8(files["word/document.xml"]);
}

/** The paragraphs of document.xml: style, whether it is a list item, and the decoded text. */
function paragraphsOf(xml: string): WordParagraph[] {
  const body = xml.slice(xml.indexOf("<w:body>"));
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => ({
    style: inner.match(/<w:pStyle w:val="([^"]+)"\/>/)?.[1],
    isBullet: inner.includes("<w:numPr>"),
    text: [...inner.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map(([, text]) => decodeXML(text)).join(""),
  }));
}

Deno.test("the DOCX is a valid package whose document.xml holds the CV's words in order", async () => {
  const docx = await render(backendEngineer);
  assert.equal(docx.contentType, DOCX_CONTENT_TYPE);
  assert.equal(docx.fileName, "maya-okafor-cv.docx");
  assert.deepEqual([...docx.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], "a ZIP file");

  const xml = documentXml(docx.bytes);
  assert.equal(XMLValidator.validate(xml), true);
  const paragraphs = paragraphsOf(xml);
  const texts = paragraphs.map((paragraph) => paragraph.text);

  const expected = ["Maya Okafor", "Senior Backend Engineer", "Summary", "Experience"];
  for (const work of backendEngineer.work ?? []) {
    expected.push(work.name ?? "", work.position ?? "", ...(work.highlights ?? []));
  }
  expected.push("Projects", "pgqueue", "Education", "University of Leeds", "Skills", "Backend: Go, Python, gRPC");
  let from = 0;
  for (const needle of expected) {
    const at = texts.indexOf(needle, from);
    assert.ok(at >= 0, `paragraph "${needle}" not found after ${from}: ${JSON.stringify(texts.slice(from))}`);
    from = at + 1;
  }
  // The summary's two lines are two paragraphs, not one paragraph with a raw newline.
  assert.ok(texts.includes("I care about reliable APIs and PostgreSQL schemas that age well."));
});

Deno.test("Word structure: Title, Heading 1 per section, Heading 2 per entry, real bullets", async () => {
  const paragraphs = paragraphsOf(documentXml((await render(backendEngineer)).bytes));
  const byText = (text: string) => paragraphs.find((paragraph) => paragraph.text === text);
  assert.equal(byText("Maya Okafor")?.style, "Title");
  assert.equal(byText("Experience")?.style, "Heading1");
  assert.equal(byText("Education")?.style, "Heading1");
  assert.equal(byText("Paylane")?.style, "Heading2");
  assert.equal(byText("University of Leeds")?.style, "Heading2");
  const bullet = byText("Led the migration of 40 services from REST polling to gRPC streaming");
  assert.equal(bullet?.isBullet, true);
  assert.equal(byText("Payments platform team.")?.isBullet, false);

  const files = unzipSync((await render(backendEngineer)).bytes);
  const numbering = strFromU8(files["word/numbering.xml"]);
  assert.match(numbering, /<w:numFmt w:val="bullet"\/>/);
});

Deno.test("XML special characters in user text are escaped and read back exactly; control characters are gone", async () => {
  const xml = documentXml((await render(xmlNasties)).bytes);
  assert.equal(XMLValidator.validate(xml), true);
  // deno-lint-ignore no-control-regex
  assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml), "no character XML 1.0 forbids");
  assert.ok(!xml.includes("<script>"), "markup in user text is never markup in the document");
  assert.ok(xml.includes("AT&amp;T &lt;Labs&gt;"));

  const texts = paragraphsOf(xml).map((paragraph) => paragraph.text);
  for (
    const expected of [
      `Ada "Bobby" O'Hara & <Sons>`,
      "R&D <Lead> ]]> <!-- not a comment -->",
      "Uses &amp; literally, tabs and a bell and a vertical tab and NUL inside.",
      "AT&T <Labs>",
      `"Principal" Engineer`,
      `<script>alert("x")</script>`,
      "5 < 6 && 7 > 3",
      "Lone surrogate removed",
    ]
  ) {
    assert.ok(texts.includes(expected), `${expected} in ${JSON.stringify(texts)}`);
  }
});

Deno.test("non-Latin text is kept as written (Word has the fonts)", async () => {
  const texts = paragraphsOf(documentXml((await render(unicodeCv)).bytes)).map((paragraph) => paragraph.text);
  assert.ok(texts.includes("Zoë Łódź-Dvořák"));
  assert.ok(texts.includes("Построила платформу"));
  assert.ok(texts.includes("Mówię po polsku, по-русски и ελληνικά. Ship it ✅"));
});

Deno.test("page size and section selection follow the options", async () => {
  const letter = documentXml((await render(careerChanger, { pageSize: "Letter" })).bytes);
  assert.match(letter, /<w:pgSz w:w="12240" w:h="15840"/);
  const a4 = documentXml((await render(careerChanger)).bytes);
  assert.match(a4, /<w:pgSz w:w="11906" w:h="16838"/);

  const texts = paragraphsOf(
    documentXml((await render(careerChanger, { sections: ["volunteer", "certificates"] })).bytes),
  )
    .map((paragraph) => paragraph.text);
  assert.deepEqual(texts, [
    "Tom Becker",
    "Junior Frontend Developer",
    "Volunteering",
    "Code Club",
    "Mentor",
    "2021 – Present",
    "Taught Scratch to kids.",
    "Certificates",
    "Responsive Web Design",
    "freeCodeCamp",
    "May 2022",
  ]);

  const bad = await renderDocx(careerChanger, { sections: ["hobbies" as "work"] });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.error.code, "validation_failed");
});

Deno.test("property: any user text gives well-formed XML that reads back as the cleaned text", async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: "binary", minLength: 1, maxLength: 80 }), async (raw) => {
      const xml = documentXml(
        (await render({ basics: { name: "P" }, work: [{ name: "Acme", highlights: [raw] }] })).bytes,
      );
      assert.equal(XMLValidator.validate(xml), true);
      // deno-lint-ignore no-control-regex
      assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml));
      const bullets = paragraphsOf(xml).filter((paragraph) => paragraph.isBullet).map((paragraph) => paragraph.text);
      for (const bullet of bullets) assert.ok(bullet.trim() === bullet && bullet !== "");
    }),
    { numRuns: 25 },
  );
});
