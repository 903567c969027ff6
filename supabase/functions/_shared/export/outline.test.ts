import assert from "node:assert/strict";
import { buildOutline, cleanText, exportFileName, formatDate, formatRange, OutlineOptionsSchema } from "./outline.ts";
import { DEFAULT_LABELS } from "./outline.ts";
import { backendEngineer } from "./fixtures/resumes.ts";
import { fitToCharset } from "./transliterate.ts";

Deno.test("dates read as month and year, ranges end in Present when open", () => {
  assert.equal(formatDate("2020-01-15"), "Jan 2020");
  assert.equal(formatDate("2020-12"), "Dec 2020");
  assert.equal(formatDate("2020"), "2020");
  assert.equal(formatDate("summer 2020"), "summer 2020");
  assert.equal(formatDate(undefined), "");
  assert.equal(formatRange("2018-01", "2021-02", DEFAULT_LABELS), "Jan 2018 – Feb 2021");
  assert.equal(formatRange("2018-01", undefined, DEFAULT_LABELS), "Jan 2018 – Present");
  assert.equal(formatRange(undefined, "2016", DEFAULT_LABELS), "2016");
  assert.equal(formatRange("2016", "2016", DEFAULT_LABELS), "2016");
});

Deno.test("user text is cleaned of control characters, CRs and blank runs", () => {
  assert.equal(cleanText(" a\r\nb\u0000c\t d \n\n\n\ne  "), "a\nbc d\n\ne");
  assert.equal(cleanText(42), "");
  assert.equal(cleanText("e\u0301"), "é", "NFC");
});

Deno.test("the outline of a CV: identity first, then sections in order, empty ones left out", () => {
  const outline = buildOutline(backendEngineer, OutlineOptionsSchema.parse({}));
  assert.equal(outline.name, "Maya Okafor");
  const kinds = outline.blocks.slice(0, 4).map((block) => block.kind);
  assert.deepEqual(kinds, ["name", "headline", "contact", "heading"]);
  const headings = outline.blocks.flatMap((block) => block.kind === "heading" ? [block.text] : []);
  assert.deepEqual(headings, ["Summary", "Experience", "Projects", "Education", "Skills", "Languages"]);
  // An entry without an organisation keeps its position as the title rather than vanishing.
  const nameless = buildOutline({ work: [{ position: "Freelance Designer" }] }, {});
  assert.deepEqual(nameless.blocks[1], { kind: "entry", title: "Freelance Designer" });
});

Deno.test("file names are ASCII and safe", () => {
  assert.equal(exportFileName({ basics: { name: "Zoë Łódź-Dvořák" } }, "pdf"), "zoe-lodz-dvorak-cv.pdf");
  assert.equal(exportFileName({ basics: { name: "../../etc/passwd" } }, "docx"), "etc-passwd-cv.docx");
  assert.equal(exportFileName({ basics: { name: "王伟" } }, "pdf"), "cv.pdf");
  assert.equal(exportFileName({}, "pdf"), "cv.pdf");
});

Deno.test("transliteration keeps what the font has and reports what it replaced", () => {
  const ascii = new Set(Array.from({ length: 95 }, (_, index) => index + 0x20));
  const replaced = new Set<string>();
  assert.equal(fitToCharset("Łódź → Жук, Ωmega ﬁle 王 🚀!", ascii, replaced), "Lodz -> Zhuk, Omega file ? !");
  assert.deepEqual([...replaced], ["Ł", "ó", "ź", "→", "Ж", "у", "к", "Ω", "ﬁ", "王", "🚀"]);
});
