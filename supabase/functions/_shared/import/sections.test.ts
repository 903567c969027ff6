import assert from "node:assert/strict";
import { htmlToLines } from "./html.ts";
import { classifyHeading, sectionText, splitSections } from "./sections.ts";

Deno.test("classifyHeading: the usual section names, in English, German and French", () => {
  const cases: Array<[string, string]> = [
    ["Requirements", "requirements"],
    ["Minimum Qualifications:", "requirements"],
    ["What you'll bring", "requirements"],
    ["What we’re looking for", "requirements"],
    ["About you", "requirements"],
    ["Ihr Profil", "requirements"],
    ["Compétences", "requirements"],
    ["Preferred Qualifications", "preferred"],
    ["Nice to have", "preferred"],
    ["Bonus points", "preferred"],
    ["Wünschenswert", "preferred"],
    ["Responsibilities", "responsibilities"],
    ["What you'll do", "responsibilities"],
    ["Your tasks", "responsibilities"],
    ["Deine Aufgaben", "responsibilities"],
    ["Benefits", "benefits"],
    ["What we offer", "benefits"],
    ["About us", "other"],
    ["Our team", "other"],
  ];
  for (const [heading, kind] of cases) assert.equal(classifyHeading(heading), kind, heading);
});

Deno.test("splitSections: marked headings, bold paragraphs and label lines split the text", () => {
  const html = `<p>Intro about the company.</p>
    <h3>Responsibilities</h3><ul><li>Build APIs</li></ul>
    <p><strong>Requirements</strong></p><ul><li>Go</li><li>5+ years of experience</li></ul>
    <p>Nice to have:</p><ul><li>Rust</li></ul>
    <p>Location: Berlin</p>`;
  const sections = splitSections(htmlToLines(html));
  assert.deepEqual(
    sections.map((s) => [s.heading, s.kind]),
    [[null, "other"], ["Responsibilities", "responsibilities"], ["Requirements", "requirements"], [
      "Nice to have",
      "preferred",
    ]],
  );
  assert.equal(sectionText(sections, "requirements"), "- Go\n- 5+ years of experience");
  assert.equal(
    sectionText(sections, "preferred"),
    "- Rust\n\nLocation: Berlin",
    "a plain 'Location:' line is not a heading",
  );
  assert.equal(sectionText(sections, "benefits"), null);
});

Deno.test("splitSections: list items and sentences are never headings", () => {
  const sections = splitSections(
    htmlToLines("<ul><li>Requirements:</li></ul><p>5+ years of experience</p><p>We value skills.</p>"),
  );
  assert.equal(sections.length, 1);
  assert.equal(sections[0].kind, "other");
});
