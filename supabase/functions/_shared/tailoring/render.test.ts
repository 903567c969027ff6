import assert from "node:assert/strict";
import fc from "fast-check";
import { marked } from "marked";
import { fixtureDictionary as dictionary } from "./fixtures/dictionary.ts";
import { backendJob, juniorJob } from "./fixtures/jobs.ts";
import { backend, changer } from "./fixtures/profiles.ts";
import {
  buildView,
  DEFAULT_HTML_TEMPLATE,
  escapeHtml,
  escapeMarkdown,
  renderCv,
  type RenderOptions,
  validateTemplate,
} from "./render.ts";
import type { Resume } from "./resume.ts";
import { tailorCv } from "./tailor.ts";

function render(resume: unknown, options: RenderOptions): string {
  const result = renderCv(resume, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function tailoredFor(person: typeof backend, job: typeof backendJob) {
  const result = tailorCv(person.profile, person.projects, job, dictionary);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

Deno.test("render: the default Markdown template lays out the tailored CV in section order", () => {
  const cv = tailoredFor(backend, backendJob);
  const markdown = render(cv.resume, { format: "markdown", sections: cv.sections });
  assert.match(markdown, /^# Maya Okafor\n\n\*\*Senior Backend Engineer\*\*\n/);
  assert.match(markdown, /Manchester, UK · maya\.okafor@example\.com · \+44 7700 900123/);
  assert.match(markdown, /- GitHub: https:\/\/github\.com\/mayaokafor/);
  assert.match(markdown, /### Senior Backend Engineer, Northwind Payments\n\n\*Mar 2021 – Present · Manchester, UK\*/);
  assert.match(markdown, /\n- Designed an event-sourced ledger on PostgreSQL and Kafka/);
  assert.match(markdown, /Technologies: Go, PostgreSQL, Docker/);
  const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
  assert.deepEqual(headings, ["Summary", "Skills", "Experience", "Projects", "Education"]);
  const changerCv = tailoredFor(changer, juniorJob);
  const changerMarkdown = render(changerCv.resume, { format: "markdown", sections: changerCv.sections });
  assert.deepEqual([...changerMarkdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]), [
    "Summary",
    "Skills",
    "Projects",
    "Experience",
    "Education",
  ]);
});

Deno.test("render: the default HTML template is a full, escaped document", () => {
  const cv = tailoredFor(backend, backendJob);
  const html = render(cv.resume, { format: "html", sections: cv.sections });
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  assert.match(html, /<h1>Maya Okafor<\/h1>/);
  assert.match(html, /<h2>Experience<\/h2>\n<h3>Senior Backend Engineer, Northwind Payments<\/h3>/);
  assert.match(html, /<li>Mentored 4 engineers and ran the backend guild&#39;s fortnightly design reviews\.<\/li>/);
  assert.match(html, /<a href="https:&#x2F;&#x2F;github\.com&#x2F;mayaokafor&#x2F;ledgerlite">ledgerlite<\/a>/);
  assert.ok(html.endsWith("</html>\n"));
});

Deno.test("render: sections can be chosen and reordered; unknown content is not shown", () => {
  const cv = tailoredFor(backend, backendJob);
  const markdown = render(cv.resume, { format: "markdown", sections: ["education", "work"] });
  assert.deepEqual([...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]), ["Education", "Experience"]);
});

Deno.test("render: a user's own Mustache template works with the same view", () => {
  const cv = tailoredFor(backend, backendJob);
  const template = "{{basics.name}} <{{basics.email}}>\n{{#work}}* {{position}} @ {{name}} ({{dates}})\n{{/work}}";
  assert.equal(
    render(cv.resume, { format: "markdown", template }),
    // The template's own markup is the author's; only the values are escaped.
    "Maya Okafor <maya.okafor@example.com>\n" +
      "* Senior Backend Engineer @ Northwind Payments (Mar 2021 – Present)\n" +
      "* Backend Engineer @ Brightlane Logistics (Jun 2017 – Feb 2021)\n" +
      "* Junior Developer @ Cobalt Digital (Sep 2015 – May 2017)\n",
  );
  const hostile = { basics: { name: "<b>*Eve*</b>" } };
  assert.equal(render(hostile, { format: "markdown", template: "Hi {{basics.name}}" }), "Hi \\<b\\>\\*Eve\\*\\</b\\>");
  assert.equal(
    render(hostile, { format: "html", template: "<p>{{basics.name}}</p>" }),
    "<p>&lt;b&gt;*Eve*&lt;&#x2F;b&gt;</p>",
  );
});

Deno.test("render: templates written against JSON Resume's field names get dates, keywords and profiles", () => {
  const cv = tailoredFor(backend, backendJob);
  // The shape of the seeded system templates: an entry without endDate is ongoing, never a past job.
  const template =
    "{{#work}}{{name}}: {{startDate}} – {{#endDate}}{{endDate}}{{/endDate}}{{^endDate}}present{{/endDate}}\n{{/work}}" +
    "{{#skills}}{{#keywords}}{{.}};{{/keywords}}{{/skills}}";
  const output = render(cv.resume, { format: "markdown", template });
  assert.match(output, /^Northwind Payments: Mar 2021 – present$/m);
  assert.match(output, /^Brightlane Logistics: Jun 2017 – Feb 2021$/m);
  assert.match(output, /^Cobalt Digital: Sep 2015 – May 2017$/m);
  const profiles = render({
    basics: {
      name: "A",
      profiles: [{ network: "GitHub", url: "https://github.com/a" }, { network: "X", url: "javascript:alert(1)" }],
    },
  }, {
    format: "markdown",
    template: "{{#basics.profiles}}{{network}} {{url}};{{/basics.profiles}}",
  });
  assert.equal(profiles, "GitHub https://github.com/a;");
});

Deno.test("render: templates that could emit unescaped text or reach prototypes are refused", () => {
  const refused = [
    "{{{basics.summary}}}",
    "{{& basics.summary}}",
    "{{> header}}",
    "{{constructor}}",
    "{{#work}}{{toString}}{{/work}}",
    "{{basics.__proto__}}",
    "{{#work}}unclosed",
    "",
  ];
  for (const template of refused) {
    const result = renderCv({ basics: { name: "x" } }, { format: "markdown", template });
    assert.equal(result.ok, false, template);
    if (!result.ok) assert.equal(result.error.code, "validation_failed");
  }
  assert.ok(validateTemplate("{{=<% %>=}}<% basics.name %>").ok);
  assert.equal(validateTemplate("{{=<% %>=}}<%{ basics.name }%>").ok, false);
});

Deno.test("render: in HTML templates, values only go where escaping protects them", () => {
  const refused = [
    '<a href="{{basics.summary}}">x</a>',
    "<script>var name = '{{basics.name}}';</script>",
    "<style>.x { content: '{{basics.name}}' }</style>",
    '<div onclick="{{basics.name}}"></div>',
    '<div style="{{basics.name}}"></div>',
    "<div title={{basics.name}}></div>",
    "<div {{basics.name}}></div>",
  ];
  for (const template of refused) assert.equal(validateTemplate(template, "html").ok, false, template);
  const allowed = [
    '<a href="{{basics.url}}">{{basics.name}}</a>',
    '<div title="{{basics.name}}">{{basics.summary}}</div>',
    "<script>1</script><p>{{basics.name}}</p>",
    DEFAULT_HTML_TEMPLATE,
  ];
  for (const template of allowed) assert.ok(validateTemplate(template, "html").ok, template);
});

Deno.test("render: only http(s) links reach a template, whatever the stored document holds", () => {
  const view = buildView({
    basics: { name: "Eve", url: "javascript:alert(1)", profiles: [{ network: "GitHub", url: "data:text/html,x" }] },
    work: [{ name: "Acme", url: "javascript:alert(2)" }],
  });
  assert.deepEqual(view.links, []);
  assert.equal(view.work[0].url, "");
});

Deno.test("render: a template that would explode in size is refused before rendering", () => {
  const resume: Resume = {
    basics: { name: "Big", summary: "s".repeat(4000) },
    work: Array.from({ length: 50 }, (_, index) => ({ name: `Employer ${index}` })),
  };
  const bomb = "{{#work}}".repeat(5) + "{{basics.summary}}" + "{{/work}}".repeat(5);
  const result = renderCv(resume, { format: "markdown", template: bomb });
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.error.code, "payload_too_large");
});

Deno.test("render: bad input is a value, not an exception", () => {
  const notAResume = renderCv("nope", { format: "html" });
  assert.equal(notAResume.ok, false);
  const badFormat = renderCv({}, { format: "pdf" } as unknown as RenderOptions);
  assert.equal(badFormat.ok, false);
  assert.ok(renderCv({}, { format: "html" }).ok);
});

Deno.test("escaping: HTML and Markdown escapers", () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href&#x3D;&quot;x&quot;&gt;&#39;&amp;&#39;&lt;&#x2F;a&gt;");
  assert.equal(
    escapeMarkdown("**bold** [link](javascript:x) <b>"),
    "\\*\\*bold\\*\\* \\[link\\](javascript:x) \\<b\\>",
  );
  assert.equal(escapeMarkdown("# heading\n  - item\n1. one\n---"), "\\# heading\n\\- item\n1\\. one\n\\---");
  assert.equal(escapeMarkdown("snake_case stays, _emphasis_ does not"), "snake_case stays, \\_emphasis\\_ does not");
  assert.equal(escapeMarkdown("AT&T &amp; co"), "AT&T \\&amp; co");
  assert.equal(escapeMarkdown("https://example.com/a_b"), "https://example.com/a_b");
});

Deno.test("render: a CV's dates read as in its PDF and DOCX exports (one formatter)", () => {
  const view = buildView({
    basics: { name: "Ada Lovelace" },
    work: [
      { name: "Acme", position: "Engineer", startDate: "2021-03", endDate: "2021-03" },
      { name: "Initech", position: "Engineer", startDate: "2019-05-14" },
      { name: "Globex", position: "Intern", endDate: "2016" },
    ],
    education: [{ institution: "Open University", startDate: "2012", endDate: "2015-06" }],
  });
  assert.deepEqual(view.work.map((entry) => entry.dates), ["Mar 2021", "May 2019 – Present", "2016"]);
  assert.deepEqual(view.work.map((entry) => entry.startDate), ["Mar 2021", "May 2019", ""]);
  assert.equal(view.education[0].dates, "2012 – Jun 2015");
});

// ---------------------------------------------------------------------------------------------
// Properties: whatever a user writes, it comes out as text.

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  "javascript:alert(1)",
  "[click](javascript:alert(1))",
  "![x](https://evil.example/x.png)",
  "<https://evil.example>",
  "# Heading\n---\n> quote",
  "`code` *em* __strong__ ~~del~~",
  "| a | b |\n|---|---|",
  "    indented code",
  "1. one\n2) two\n+ plus\n* star",
  "&lt;script&gt; &#60;b&#62;",
  "<!-- comment -->",
  "line\\\nbreak",
  "Title\n=====",
];
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...PAYLOADS),
  fc.string({
    unit: fc.constantFrom(
      "<",
      ">",
      "&",
      '"',
      "'",
      "/",
      "`",
      "=",
      "a",
      " ",
      "\n",
      "*",
      "_",
      "[",
      "]",
      "(",
      ")",
      "#",
      "!",
      "|",
      "~",
      "\\",
      "-",
      "1",
      ".",
      ":",
    ),
    maxLength: 40,
  }),
);
const hostileResume: fc.Arbitrary<Resume> = fc.record({
  basics: fc.record({
    name: hostile,
    label: hostile,
    email: hostile,
    phone: hostile,
    summary: hostile,
    url: fc.oneof(hostile, fc.constant("https://ok.example/a_b?q=1&r=<x>")),
    location: fc.record({ city: hostile }),
    profiles: fc.array(fc.record({ network: hostile, url: fc.oneof(hostile, fc.webUrl()) }), { maxLength: 2 }),
  }),
  work: fc.array(
    fc.record({ name: hostile, position: hostile, location: hostile, summary: hostile, highlights: fc.array(hostile) }),
    { maxLength: 3 },
  ),
  projects: fc.array(
    fc.record({ name: hostile, description: hostile, keywords: fc.array(hostile, { maxLength: 3 }), url: hostile }),
    { maxLength: 2 },
  ),
  education: fc.array(fc.record({ institution: hostile, area: hostile, studyType: hostile, score: hostile }), {
    maxLength: 2,
  }),
  skills: fc.array(fc.record({ name: hostile }), { maxLength: 4 }),
});

// Every tag the default HTML template writes; user text may add none.
const TEMPLATE_TAG =
  /<!doctype html>|<\/?(?:html|head|meta|title|style|body|header|main|section|h1|h2|h3|p|ul|li|a)(?:\s+[a-z-]+="[^"<>]*")*\s*>/g;

const decodeHtml = (value: string) =>
  value.replace(
    /&(amp|lt|gt|quot|#39|#x2F|#x60|#x3D);/g,
    (_, entity: string) =>
      ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x2F": "/", "#x60": "`", "#x3D": "=" })[entity] ?? "",
  );

Deno.test("render (property): HTML output never contains unescaped user HTML", () => {
  fc.assert(
    fc.property(hostileResume, (resume) => {
      const html = render(resume, { format: "html" });
      const outsideTags = html.replace(TEMPLATE_TAG, "");
      assert.equal(/[<>]/.test(outsideTags), false, "a < or > outside the template's own tags");
      // Attribute values are fully escaped: no quote can end them early.
      for (const [, value] of html.matchAll(/href="([^"]*)"/g)) {
        assert.match(decodeHtml(value), /^https?:\/\//);
      }
      // Escaping is faithful: the text reads back as written.
      const name = resume.basics?.name?.trim() ?? "";
      assert.ok(decodeHtml(html).includes(name));
    }),
    { numRuns: 300 },
  );
});

Deno.test("render (property): Markdown output keeps user text as text when rendered by a Markdown engine", () => {
  fc.assert(
    fc.property(hostileResume, (resume) => {
      const markdown = render(resume, { format: "markdown" });
      const html = marked.parse(markdown, { async: false, gfm: true });
      const view = buildView(resume);
      const tags = [...html.matchAll(/<([a-z0-9]+)\b[^>]*>/gi)].map((match) => match[1].toLowerCase());
      for (const tag of tags) {
        assert.ok(
          ["h1", "h2", "h3", "p", "strong", "em", "ul", "li", "a", "br"].includes(tag),
          `tag <${tag}> in ${html}`,
        );
      }
      // The structure is the template's: user text opened no heading and no list item.
      assert.equal(tags.filter((tag) => tag === "h1").length, 1);
      assert.equal(tags.filter((tag) => tag === "h2").length, view.sections.length);
      const entries = view.sections.reduce(
        (sum, section) =>
          sum +
          (section.isWork
            ? view.work.length
            : section.isProjects
            ? view.projects.length
            : section.isEducation
            ? view.education.length
            : 0),
        0,
      );
      assert.equal(tags.filter((tag) => tag === "h3").length, entries);
      const items = view.links.length +
        (view.sections.some((s) => s.isWork) ? view.work.reduce((sum, entry) => sum + entry.highlights.length, 0) : 0);
      assert.equal(tags.filter((tag) => tag === "li").length, items);
      // Emphasis comes only from the template (the label in bold, dates in italics).
      for (const [, href] of html.matchAll(/<a [^>]*href="([^"]*)"/g)) assert.match(href, /^(https?:|mailto:)/);
      assert.equal(/javascript:/i.test(html.replace(/>[^<]*</g, "><")), false);
    }),
    { numRuns: 300 },
  );
});
