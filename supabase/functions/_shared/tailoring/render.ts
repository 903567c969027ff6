// Renders a tailored CV (JSON Resume) to Markdown or HTML through Mustache templates: the
// built-in defaults below, or a user's template from public.cv_templates.
//
// Safety is enforced here rather than trusted to template authors:
// - every value from the CV goes through an escaper for the output format (HTML entities, or
//   Markdown backslash escapes), and templates may not opt out: `{{{x}}}`, `{{& x}}` and partials
//   are rejected before rendering, so no user text reaches the output unescaped;
// - links in the view are http(s) only, so `href="{{url}}"` can never be javascript:;
// - a template's worst-case output size is bounded before rendering, so nesting lists inside
//   lists cannot make a small template produce gigabytes.
// @ts-types="@types/mustache"
import Mustache from "mustache";
import { z } from "zod";
import { DEFAULT_LABELS, formatDate, formatRange } from "../export/outline.ts";
import { fail, ok, type Result } from "../result.ts";
import type { SectionName } from "./analysis.ts";
import { type Resume, ResumeSchema } from "./resume.ts";
import { HTTP_URL_PATTERN } from "./rows.ts";

export const TemplateFormatSchema = z.enum(["markdown", "html"]);
export type TemplateFormat = z.infer<typeof TemplateFormatSchema>;

/** Column limits of public.generated_cvs. */
export const OUTPUT_LIMITS: Readonly<Record<TemplateFormat, number>> = { markdown: 200_000, html: 400_000 };
/** public.cv_templates.body limit. */
export const TEMPLATE_LIMIT = 100_000;

const DEFAULT_SECTIONS: readonly SectionName[] = ["summary", "skills", "work", "projects", "education"];

// ---------------------------------------------------------------------------------------------
// Escaping

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "/": "&#x2F;",
  "`": "&#x60;",
  "=": "&#x3D;",
};

/** HTML-escapes text for element content and quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=/]/g, (char) => HTML_ESCAPES[char]);
}

/**
 * Neutralises Markdown and inline HTML in user text while keeping it readable:
 * - `\`, backticks, `*`, `[`, `]`, `<`, `>`, `|` and `~` are always backslash-escaped (no emphasis,
 *   links, images, code, tables, strikethrough, autolinks or raw HTML);
 * - `_` only at word edges (inside a word it is never emphasis, and URLs keep their underscores);
 * - `&` only where it would start an entity reference;
 * - at the start of each line: leading spaces are dropped (no indented code) and block markers
 *   (`#`, `+`, `-`, `=`, `:`, "1." / "1)") are escaped, so a value cannot open a heading, list, quote or
 *   thematic break.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      let out = line.replace(/^[ \t]+/, "")
        .replace(/[\\`*[\]<>|~]/g, (char) => `\\${char}`)
        .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (match) => match.replace("_", "\\_"))
        .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
      // ":" too: a line of ":-" under another line is a GFM table delimiter row.
      out = out.replace(/^([#+=:-])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
      return out;
    })
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// Template validation

// Names a template may use: plain identifiers and dotted paths, or "." for the current item.
const NAME = /^(\.|[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)$/;
// Mustache resolves names with `in`, which sees prototype members; templates have no business there.
const FORBIDDEN_NAMES = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Array.prototype),
  ...Object.getOwnPropertyNames(String.prototype),
  "prototype",
]);

type Token = unknown[];

// A private writer whose cache is cleared after every use: Mustache's default writer caches every
// template it has seen for the life of the process, and user templates are up to 100 kB each.
const writer = new Mustache.Writer();

function tokensOf(body: string): Result<Token[]> {
  try {
    return ok(writer.parse(body) as Token[]);
  } catch (error) {
    return fail("validation_failed", `The template does not parse: ${error instanceof Error ? error.message : error}`);
  } finally {
    writer.clearCache();
  }
}

function checkTokens(tokens: readonly Token[]): string | null {
  for (const token of tokens) {
    const [type, value] = token;
    if (type === "&") return `Unescaped output ({{{${value}}}} or {{& ${value}}}) is not allowed.`;
    if (type === ">" || type === "<" || type === "$") {
      return `Partials and blocks ({{${type} ${value}}}) are not allowed.`;
    }
    if (type === "name" || type === "#" || type === "^") {
      const name = String(value);
      if (!NAME.test(name) || name.split(".").some((segment) => FORBIDDEN_NAMES.has(segment))) {
        return `The name "${name}" is not allowed in a template.`;
      }
    }
    if (Array.isArray(token[4])) {
      const nested = checkTokens(token[4] as Token[]);
      if (nested) return nested;
    }
  }
  return null;
}

// Attributes whose value is a URL: only the view's *url fields (http(s), checked) may fill them.
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "srcset",
  "poster",
  "data",
  "cite",
]);

/**
 * Escaping makes text safe in element content and quoted attributes, not everywhere. In an HTML
 * template a value may not go inside <script> or <style>, into an event handler or style
 * attribute, into an unquoted attribute, or into a URL attribute unless it is a checked url field.
 */
function checkHtmlContexts(tokens: readonly Token[]): string | null {
  let before = "";
  const walk = (list: readonly Token[]): string | null => {
    for (const token of list) {
      const [type, value] = token;
      if (type === "text") {
        before += String(value);
        continue;
      }
      if (type === "name") {
        const name = String(value);
        const lower = before.toLowerCase();
        for (const element of ["script", "style"]) {
          if (lower.lastIndexOf(`<${element}`) > lower.lastIndexOf(`</${element}`)) {
            return `{{${name}}} may not appear inside <${element}>.`;
          }
        }
        if (lower.lastIndexOf("<") > lower.lastIndexOf(">")) {
          const attribute = lower.match(/([^\s"'<>\/=]+)\s*=\s*(["']?)[^"'>]*$/);
          if (!attribute) return `{{${name}}} may only fill a quoted attribute value inside a tag.`;
          const [, attributeName, quote] = attribute;
          if (!quote) return `{{${name}}} must be inside a quoted attribute value.`;
          if (attributeName.startsWith("on") || attributeName === "style") {
            return `{{${name}}} may not fill the ${attributeName} attribute.`;
          }
          const last = name.split(".").pop() ?? name;
          if (URL_ATTRIBUTES.has(attributeName) && !/url$/i.test(last)) {
            return `Only a url field may fill the ${attributeName} attribute, not {{${name}}}.`;
          }
        }
        before += "x";
        continue;
      }
      if (Array.isArray(token[4])) {
        const nested = walk(token[4] as Token[]);
        if (nested) return nested;
      }
    }
    return null;
  };
  return walk(tokens);
}

/** Parses a template and rejects anything that could emit unescaped text or reach prototypes. */
export function validateTemplate(body: string, format: TemplateFormat = "markdown"): Result<Token[]> {
  if (body.length === 0 || body.length > TEMPLATE_LIMIT) {
    return fail("validation_failed", `A template has 1 to ${TEMPLATE_LIMIT} characters.`);
  }
  const tokens = tokensOf(body);
  if (!tokens.ok) return tokens;
  const problem = checkTokens(tokens.value) ?? (format === "html" ? checkHtmlContexts(tokens.value) : null);
  return problem ? fail("validation_failed", problem) : tokens;
}

// Upper bound of the rendered size: text as is, each name at the longest value it could take
// (times the longest escape, 6 characters for one), each list section times the longest list
// with that name. Exact enough to reject exponential nesting, loose enough for real templates.
function sizeBound(tokens: readonly Token[], stats: ViewStats): number {
  let total = 0;
  for (const token of tokens) {
    const [type, value] = token;
    const name = String(value);
    const last = name === "." ? "." : name.split(".").pop() ?? name;
    if (type === "text") total += name.length;
    else if (type === "name") total += 6 * (stats.maxString.get(last) ?? stats.longestString);
    else if (type === "#" || type === "^") {
      const children = Array.isArray(token[4]) ? sizeBound(token[4] as Token[], stats) : 0;
      total += type === "#" ? Math.max(1, stats.maxList.get(last) ?? 1) * children : children;
    }
    if (total > Number.MAX_SAFE_INTEGER / 1000) return Number.MAX_SAFE_INTEGER;
  }
  return total;
}

interface ViewStats {
  maxString: Map<string, number>;
  maxList: Map<string, number>;
  longestString: number;
}

function statsOf(view: unknown): ViewStats {
  const stats: ViewStats = { maxString: new Map(), maxList: new Map(), longestString: 0 };
  const visit = (value: unknown, key: string) => {
    if (typeof value === "string") {
      stats.maxString.set(key, Math.max(stats.maxString.get(key) ?? 0, value.length));
      stats.longestString = Math.max(stats.longestString, value.length);
    } else if (Array.isArray(value)) {
      stats.maxList.set(key, Math.max(stats.maxList.get(key) ?? 0, value.length));
      for (const item of value) visit(item, ".");
    } else if (value && typeof value === "object") {
      for (const [child, item] of Object.entries(value)) visit(item, child);
    }
  };
  visit(view, "");
  return stats;
}

// ---------------------------------------------------------------------------------------------
// The view: what templates see. Plain data only (no functions, so no Mustache lambdas).

export interface CvView {
  basics: {
    name: string;
    label: string;
    email: string;
    phone: string;
    url: string;
    summary: string;
    location: string;
    /** JSON Resume's own name for the links, for templates written against the JSON Resume schema. */
    profiles: { network: string; url: string }[];
  };
  /** Location, email and phone, in that order (plain text). */
  contact: string[];
  contactLine: string;
  /** Website and social profiles, http(s) only. */
  links: { label: string; url: string }[];
  hasLinks: boolean;
  sections: {
    key: SectionName;
    title: string;
    isSummary: boolean;
    isSkills: boolean;
    isWork: boolean;
    isProjects: boolean;
    isEducation: boolean;
  }[];
  work: {
    name: string;
    position: string;
    heading: string;
    location: string;
    url: string;
    dates: string;
    /** Formatted ("Mar 2021"), under JSON Resume's names; endDate is empty while ongoing. */
    startDate: string;
    endDate: string;
    meta: string;
    summary: string;
    highlights: string[];
    hasHighlights: boolean;
  }[];
  projects: {
    name: string;
    description: string;
    url: string;
    dates: string;
    startDate: string;
    endDate: string;
    roles: string;
    meta: string;
    keywordsText: string;
    highlights: string[];
    hasHighlights: boolean;
  }[];
  education: {
    institution: string;
    heading: string;
    area: string;
    studyType: string;
    dates: string;
    startDate: string;
    endDate: string;
    score: string;
    coursesText: string;
    url: string;
  }[];
  skills: { name: string; level: string; keywords: string[]; keywordsText: string }[];
  skillsText: string;
  hasWork: boolean;
  hasProjects: boolean;
  hasEducation: boolean;
  hasSkills: boolean;
}

const SECTION_TITLES: Record<SectionName, string> = {
  summary: "Summary",
  skills: "Skills",
  work: "Experience",
  projects: "Projects",
  education: "Education",
};

const safeUrl = (value: string | undefined) => value && HTTP_URL_PATTERN.test(value) ? value : "";
const clean = (value: string | undefined) => value?.trim() ?? "";
const joinNonEmpty = (parts: readonly (string | undefined)[], separator: string) =>
  parts.map((part) => part?.trim()).filter(Boolean).join(separator);

export function buildView(resume: Resume, sections: readonly SectionName[] = DEFAULT_SECTIONS): CvView {
  const basics = resume.basics ?? {};
  const location = basics.location
    ? joinNonEmpty([basics.location.city, basics.location.region, basics.location.countryCode], ", ") ||
      clean(basics.location.address)
    : "";
  const contact = [location, clean(basics.email), clean(basics.phone)].filter(Boolean);
  const links: CvView["links"] = [];
  const profiles: CvView["basics"]["profiles"] = [];
  if (safeUrl(basics.url)) links.push({ label: "Website", url: basics.url as string });
  for (const profile of basics.profiles ?? []) {
    const url = safeUrl(profile.url);
    if (url) {
      links.push({ label: clean(profile.network) || "Profile", url });
      profiles.push({ network: clean(profile.network), url });
    }
  }
  const work = (resume.work ?? []).map((entry) => {
    const dates = formatRange(entry.startDate, entry.endDate, DEFAULT_LABELS);
    const highlights = (entry.highlights ?? []).map(clean).filter(Boolean);
    return {
      name: clean(entry.name),
      position: clean(entry.position),
      heading: joinNonEmpty([entry.position, entry.name], ", "),
      location: clean(entry.location),
      url: safeUrl(entry.url),
      dates,
      startDate: formatDate(entry.startDate),
      endDate: formatDate(entry.endDate),
      meta: joinNonEmpty([dates, entry.location], " · "),
      summary: clean(entry.summary),
      highlights,
      hasHighlights: highlights.length > 0,
    };
  });
  const projects = (resume.projects ?? []).map((entry) => {
    const dates = formatRange(entry.startDate, entry.endDate, DEFAULT_LABELS);
    const roles = (entry.roles ?? []).map(clean).filter(Boolean).join(", ");
    const highlights = (entry.highlights ?? []).map(clean).filter(Boolean);
    return {
      name: clean(entry.name),
      description: clean(entry.description),
      url: safeUrl(entry.url),
      dates,
      startDate: formatDate(entry.startDate),
      endDate: formatDate(entry.endDate),
      roles,
      meta: joinNonEmpty([roles, dates], " · "),
      keywordsText: (entry.keywords ?? []).map(clean).filter(Boolean).join(", "),
      highlights,
      hasHighlights: highlights.length > 0,
    };
  });
  const education = (resume.education ?? []).map((entry) => ({
    institution: clean(entry.institution),
    heading: joinNonEmpty([joinNonEmpty([entry.studyType, entry.area], " "), entry.institution], ", "),
    area: clean(entry.area),
    studyType: clean(entry.studyType),
    dates: formatRange(entry.startDate, entry.endDate, DEFAULT_LABELS),
    startDate: formatDate(entry.startDate),
    endDate: formatDate(entry.endDate),
    score: clean(entry.score),
    coursesText: (entry.courses ?? []).map(clean).filter(Boolean).join(", "),
    url: safeUrl(entry.url),
  }));
  const skills = (resume.skills ?? []).map((entry) => {
    const keywords = (entry.keywords ?? []).map(clean).filter(Boolean);
    return { name: clean(entry.name), level: clean(entry.level), keywords, keywordsText: keywords.join(", ") };
  }).filter((entry) => entry.name || entry.keywordsText);
  const skillsText = skills.map((entry) => entry.name || entry.keywordsText).join(", ");

  const present: Record<SectionName, boolean> = {
    summary: Boolean(clean(basics.summary)),
    skills: skills.length > 0,
    work: work.length > 0,
    projects: projects.length > 0,
    education: education.length > 0,
  };
  const shown = [...new Set(sections)].filter((key) => present[key]);

  return {
    basics: {
      name: clean(basics.name),
      label: clean(basics.label),
      email: clean(basics.email),
      phone: clean(basics.phone),
      url: safeUrl(basics.url),
      summary: clean(basics.summary),
      location,
      profiles,
    },
    contact,
    contactLine: contact.join(" · "),
    links,
    hasLinks: links.length > 0,
    sections: shown.map((key) => ({
      key,
      title: SECTION_TITLES[key],
      isSummary: key === "summary",
      isSkills: key === "skills",
      isWork: key === "work",
      isProjects: key === "projects",
      isEducation: key === "education",
    })),
    work,
    projects,
    education,
    skills,
    skillsText,
    hasWork: work.length > 0,
    hasProjects: projects.length > 0,
    hasEducation: education.length > 0,
    hasSkills: skills.length > 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Default templates

export const DEFAULT_MARKDOWN_TEMPLATE = `# {{basics.name}}
{{#basics.label}}

**{{basics.label}}**
{{/basics.label}}
{{#contactLine}}

{{contactLine}}
{{/contactLine}}
{{#hasLinks}}

{{#links}}
- {{label}}: {{url}}
{{/links}}
{{/hasLinks}}
{{#sections}}
{{#isSummary}}

## {{title}}

{{basics.summary}}
{{/isSummary}}
{{#isSkills}}

## {{title}}

{{skillsText}}
{{/isSkills}}
{{#isWork}}

## {{title}}
{{#work}}

### {{heading}}
{{#meta}}

*{{meta}}*
{{/meta}}
{{#summary}}

{{summary}}
{{/summary}}
{{#hasHighlights}}

{{#highlights}}
- {{.}}
{{/highlights}}
{{/hasHighlights}}
{{/work}}
{{/isWork}}
{{#isProjects}}

## {{title}}
{{#projects}}

### {{name}}
{{#meta}}

*{{meta}}*
{{/meta}}
{{#description}}

{{description}}
{{/description}}
{{#hasHighlights}}

{{#highlights}}
- {{.}}
{{/highlights}}
{{/hasHighlights}}
{{#keywordsText}}

Technologies: {{keywordsText}}
{{/keywordsText}}
{{#url}}

{{url}}
{{/url}}
{{/projects}}
{{/isProjects}}
{{#isEducation}}

## {{title}}
{{#education}}

### {{heading}}
{{#dates}}

*{{dates}}*
{{/dates}}
{{#score}}

Result: {{score}}
{{/score}}
{{#coursesText}}

Courses: {{coursesText}}
{{/coursesText}}
{{/education}}
{{/isEducation}}
{{/sections}}
`;

export const DEFAULT_HTML_TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{basics.name}}</title>
<style>
body { font-family: Helvetica, Arial, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { margin-bottom: 0.1em; }
h2 { border-bottom: 1px solid #ccc; margin-top: 1.6em; font-size: 1.15em; text-transform: uppercase; letter-spacing: 0.04em; }
h3 { margin-bottom: 0.1em; font-size: 1em; }
.label { font-size: 1.1em; margin: 0; }
.meta { color: #555; margin: 0.1em 0 0.4em; }
ul { margin-top: 0.3em; }
</style>
</head>
<body>
<header>
<h1>{{basics.name}}</h1>
{{#basics.label}}
<p class="label">{{basics.label}}</p>
{{/basics.label}}
{{#contactLine}}
<p class="meta">{{contactLine}}</p>
{{/contactLine}}
{{#hasLinks}}
<p class="meta">{{#links}}<a href="{{url}}">{{label}}</a> {{/links}}</p>
{{/hasLinks}}
</header>
<main>
{{#sections}}
{{#isSummary}}
<section>
<h2>{{title}}</h2>
<p>{{basics.summary}}</p>
</section>
{{/isSummary}}
{{#isSkills}}
<section>
<h2>{{title}}</h2>
<p>{{skillsText}}</p>
</section>
{{/isSkills}}
{{#isWork}}
<section>
<h2>{{title}}</h2>
{{#work}}
<h3>{{heading}}</h3>
{{#meta}}
<p class="meta">{{meta}}</p>
{{/meta}}
{{#summary}}
<p>{{summary}}</p>
{{/summary}}
{{#hasHighlights}}
<ul>
{{#highlights}}
<li>{{.}}</li>
{{/highlights}}
</ul>
{{/hasHighlights}}
{{/work}}
</section>
{{/isWork}}
{{#isProjects}}
<section>
<h2>{{title}}</h2>
{{#projects}}
<h3>{{#url}}<a href="{{url}}">{{name}}</a>{{/url}}{{^url}}{{name}}{{/url}}</h3>
{{#meta}}
<p class="meta">{{meta}}</p>
{{/meta}}
{{#description}}
<p>{{description}}</p>
{{/description}}
{{#hasHighlights}}
<ul>
{{#highlights}}
<li>{{.}}</li>
{{/highlights}}
</ul>
{{/hasHighlights}}
{{#keywordsText}}
<p class="meta">Technologies: {{keywordsText}}</p>
{{/keywordsText}}
{{/projects}}
</section>
{{/isProjects}}
{{#isEducation}}
<section>
<h2>{{title}}</h2>
{{#education}}
<h3>{{heading}}</h3>
{{#dates}}
<p class="meta">{{dates}}</p>
{{/dates}}
{{#score}}
<p>Result: {{score}}</p>
{{/score}}
{{#coursesText}}
<p>Courses: {{coursesText}}</p>
{{/coursesText}}
{{/education}}
</section>
{{/isEducation}}
{{/sections}}
</main>
</body>
</html>
`;

// ---------------------------------------------------------------------------------------------
// Rendering

export const RenderOptionsSchema = z.strictObject({
  format: TemplateFormatSchema,
  /** A cv_templates body; the built-in template of the format when absent. */
  template: z.string().optional(),
  /** Section order from tailoring; the default order when absent. */
  sections: z.array(z.enum(["summary", "skills", "work", "projects", "education"])).max(10).optional(),
});
export type RenderOptions = z.input<typeof RenderOptionsSchema>;

/**
 * Renders a JSON Resume document. The document is parsed with ResumeSchema first, because stored
 * content (generated_cvs.content) is re-rendered too and is only as trustworthy as its column.
 */
export function renderCv(resume: unknown, options: RenderOptions): Result<string> {
  const parsedOptions = RenderOptionsSchema.safeParse(options);
  if (!parsedOptions.success) return fail("validation_failed", "The render options are not valid.");
  const { format, template, sections } = parsedOptions.data;
  const parsedResume = ResumeSchema.safeParse(resume);
  if (!parsedResume.success) return fail("validation_failed", "The CV is not a valid JSON Resume document.");

  const body = template ?? (format === "html" ? DEFAULT_HTML_TEMPLATE : DEFAULT_MARKDOWN_TEMPLATE);
  const tokens = validateTemplate(body, format);
  if (!tokens.ok) return tokens;

  const view = buildView(parsedResume.data, sections);
  const limit = OUTPUT_LIMITS[format];
  if (sizeBound(tokens.value, statsOf(view)) > 20 * limit) {
    return fail("payload_too_large", "This template could produce a document far larger than allowed.");
  }
  let output: string;
  try {
    output = writer.render(body, view, {}, { escape: format === "html" ? escapeHtml : escapeMarkdown });
  } catch (error) {
    return fail(
      "validation_failed",
      `The template failed to render: ${error instanceof Error ? error.message : error}`,
    );
  } finally {
    writer.clearCache();
  }
  if (output.length > limit) {
    return fail("payload_too_large", `The rendered ${format} exceeds ${limit} characters.`);
  }
  return ok(output);
}
