// schema.org JobPosting in JSON-LD, the markup Google for Jobs reads, from a posting page.
// Pages are messy, so this reads what real sites publish: several JSON-LD blocks (breadcrumbs,
// organisation, the posting), @graph wrappers, @type arrays and prefixed types, postings nested
// under mainEntity, HTML and entities inside strings, relative URLs (resolved against <base> or
// the page URL), baseSalary as a MonetaryAmount holding a QuantitativeValue or a bare number,
// jobLocationType TELECOMMUTE, applicantLocationRequirements, identifier as PropertyValue.
// https://developers.google.com/search/docs/appearance/structured-data/job-posting
import { z } from "zod";
import type { SkillDictionary } from "../skills.ts";
import { bodyFromHtml, skillsOf, withExtraSections } from "./assemble.ts";
import {
  countryCodeFromLocation,
  countryCodeOf,
  employmentTypeFrom,
  employmentTypeFromTitle,
  remoteTypeFrom,
} from "./classify.ts";
import { importFail, importOk, type ImportResult } from "./errors.ts";
import {
  baseUrl,
  charsetFromContentType,
  decodeHtmlBytes,
  extractJsonLd,
  htmlToText,
  inlineText,
  parseHtml,
} from "./html.ts";
import { finalizePosting, isHttpUrl, type NormalizedPosting, type PostingDraft } from "./posting.ts";
import { classifyHeading, type Section } from "./sections.ts";
import { findSalary, parseAmount, parseSalary, periodFromText, type Salary, salaryColumns } from "./salary.ts";
import { splitSkillList } from "./skill_extract.ts";

export interface JsonLdContext {
  dictionary: SkillDictionary;
  /** jobs.source for what this produces; "url" for a page a user pasted. */
  source?: string;
}

const PageInput = z.object({
  html: z.string(),
  url: z.string().refine((value) => isHttpUrl(value), "must be an absolute http(s) URL"),
});
export type JsonLdPage = z.infer<typeof PageInput>;

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (
  value: unknown,
): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** A property by its plain name, or written as a compact or full schema.org IRI. */
function prop(node: Node, name: string): unknown {
  for (const key of [name, `schema:${name}`, `http://schema.org/${name}`, `https://schema.org/${name}`]) {
    if (key in node) return node[key];
  }
  return undefined;
}

/** The local names of a node's types: "JobPosting" for "JobPosting", "schema:JobPosting", "https://schema.org/JobPosting". */
function typesOf(node: Node): string[] {
  return asArray(node["@type"] ?? node["type"])
    .filter((type): type is string => typeof type === "string")
    .map((type) => type.split(/[/:#]/).at(-1) ?? type);
}

/** Text values of a property: strings, numbers, {"@value"}, {name}; arrays flattened. */
function texts(value: unknown, depth = 0): string[] {
  if (depth > 4) return [];
  if (typeof value === "string") return value.trim() === "" ? [] : [value];
  if (typeof value === "number" && Number.isFinite(value)) return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => texts(item, depth + 1));
  if (isNode(value)) {
    for (const key of ["@value", "name", "value", "description"]) {
      const inner = prop(value, key);
      if (inner !== undefined) return texts(inner, depth + 1);
    }
  }
  return [];
}

const firstText = (value: unknown): string | null => texts(value)[0] ?? null;

/** Every JobPosting node in the blocks: top level, in arrays, in @graph, or nested (mainEntity, itemListElement). */
export function findJobPostings(blocks: readonly unknown[]): Node[] {
  const found: Node[] = [];
  const seen = new Set<Node>();
  const stack: Array<{ value: unknown; depth: number }> = blocks.map((value) => ({ value, depth: 0 }));
  let visited = 0;
  // Bounded: a hostile page cannot make this walk forever or deep.
  while (stack.length > 0 && visited < 20_000) {
    const { value, depth } = stack.pop()!;
    visited += 1;
    if (depth > 12) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1 });
      continue;
    }
    if (!isNode(value) || seen.has(value)) continue;
    seen.add(value);
    if (typesOf(value).includes("JobPosting")) {
      found.push(value);
      continue; // a posting's own properties hold no further postings
    }
    for (const child of Object.values(value)) {
      if (typeof child === "object" && child !== null) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return found;
}

function resolveUrl(value: string | null, base: string): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!URL.canParse(trimmed, base)) return null;
  const url = new URL(trimmed, base);
  url.hash = "";
  return isHttpUrl(url.href) ? url.href : null;
}

// ---------------------------------------------------------------------------------------------
// Locations

interface Place {
  text: string | null;
  country: string | null;
}

function placeOf(value: unknown): Place {
  if (typeof value === "string") return { text: inlineText(value) || null, country: null };
  if (!isNode(value)) return { text: null, country: null };
  const address = prop(value, "address");
  if (typeof address === "string") return { text: inlineText(address) || null, country: null };
  const source = isNode(address) ? address : value;
  const countryRaw = firstText(prop(source, "addressCountry"));
  const parts = [prop(source, "addressLocality"), prop(source, "addressRegion")]
    .map(firstText)
    .filter((part): part is string => part !== null)
    .map(inlineText);
  if (countryRaw) parts.push(inlineText(countryRaw));
  const unique = parts.filter((part, index) => part !== "" && parts.indexOf(part) === index);
  const text = unique.length > 0 ? unique.join(", ") : firstText(prop(value, "name"));
  return { text: text ? inlineText(text) : null, country: countryCodeOf(countryRaw) };
}

function locationOf(posting: Node, remote: boolean): { location: string | null; country: string | null } {
  const places = asArray(prop(posting, "jobLocation")).map(placeOf).filter((place) => place.text !== null);
  const requirements = asArray(prop(posting, "applicantLocationRequirements"))
    .map((value) => firstText(value))
    .filter((value): value is string => value !== null)
    .map(inlineText);

  const texts = places.map((place) => place.text!);
  if (texts.length === 0 && requirements.length > 0) {
    // A remote posting open to applicants in given countries: "Remote (United States, Canada)".
    texts.push(`${remote ? "Remote" : "Anywhere"} (${requirements.join(", ")})`);
  }
  const location = texts.length > 0 ? [...new Set(texts)].join("; ") : null;

  const countries = new Set(places.map((place) => place.country).filter((code): code is string => code !== null));
  if (countries.size === 0) {
    for (const name of requirements) {
      const code = countryCodeOf(name);
      if (code) countries.add(code);
    }
  }
  const country = countries.size === 1
    ? [...countries][0]
    : countries.size > 1
    ? null
    : countryCodeFromLocation(location);
  return { location, country };
}

// ---------------------------------------------------------------------------------------------
// Salary

function numberOf(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return parseAmount(value.replace(/[^\d.,'\s kKmM]/g, "").trim());
  return null;
}

/** baseSalary / estimatedSalary: a MonetaryAmount (value: number | QuantitativeValue | text) or a bare figure. */
function salaryOf(posting: Node): Salary | null {
  for (const field of ["baseSalary", "estimatedSalary"]) {
    for (const amount of asArray(prop(posting, field))) {
      const currency = firstText(isNode(amount) ? prop(amount, "currency") : null) ??
        firstText(prop(posting, "salaryCurrency"));
      if (typeof amount === "number" || typeof amount === "string") {
        const parsed = typeof amount === "string" ? parseSalary(amount) : null;
        const figure = parsed ?? { min: numberOf(amount), max: numberOf(amount), currency: null, period: null };
        if (figure.min === null && figure.max === null) continue;
        return { ...figure, currency: figure.currency ?? currency?.toUpperCase() ?? null };
      }
      if (!isNode(amount)) continue;
      const value = prop(amount, "value");
      // QuantitativeValue: minValue/maxValue, or one value; some sites put these on the MonetaryAmount itself.
      const holder = isNode(value) ? value : amount;
      let min = numberOf(prop(holder, "minValue"));
      let max = numberOf(prop(holder, "maxValue"));
      const single = isNode(value) ? numberOf(prop(value, "value")) : numberOf(value);
      let textPeriod: Salary["period"] = null;
      if (min === null && max === null && typeof value === "string") {
        const parsed = parseSalary(value);
        if (parsed) ({ min, max, period: textPeriod } = parsed);
      } else if (min === null && max === null && single !== null) {
        min = single;
        max = single;
      }
      if (min === null && max === null) continue;
      const unit = firstText(prop(holder, "unitText")) ?? firstText(prop(amount, "unitText"));
      return {
        min,
        max,
        currency: currency ? currency.trim().toUpperCase() : null,
        period: periodFromText(unit) ?? textPeriod,
      };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The posting

function identifierOf(posting: Node): string | null {
  const identifier = prop(posting, "identifier");
  for (const item of asArray(identifier)) {
    if (typeof item === "string" || typeof item === "number") return String(item).trim() || null;
    if (isNode(item)) {
      const value = firstText(prop(item, "value")) ?? firstText(prop(item, "@id"));
      if (value) return value.trim();
    }
  }
  return null;
}

function proseSections(posting: Node): Section[] {
  const sections: Section[] = [];
  const add = (field: string, heading: string) => {
    for (const value of texts(prop(posting, field))) {
      const text = htmlToText(value);
      if (text) sections.push({ heading, kind: classifyHeading(heading), text });
    }
  };
  add("responsibilities", "Responsibilities");
  add("qualifications", "Qualifications");
  add("experienceRequirements", "Experience requirements");
  add("educationRequirements", "Education requirements");
  return sections;
}

/** One JobPosting node into a draft. */
export function jobPostingToDraft(posting: Node, pageUrl: string, base: string, context: JsonLdContext): PostingDraft {
  const title = firstText(prop(posting, "title")) ?? firstText(prop(posting, "name"));
  const organization = asArray(prop(posting, "hiringOrganization"))[0];
  const company = isNode(organization) ? firstText(prop(organization, "name")) : firstText(organization);
  const companyUrl = isNode(organization)
    ? resolveUrl(firstText(prop(organization, "url")) ?? firstText(prop(organization, "sameAs")), base)
    : null;

  const sourceUrl = resolveUrl(firstText(prop(posting, "url")), base) ?? resolveUrl(pageUrl, pageUrl);
  const identifier = identifierOf(posting);
  // Unique per source and owner: an identifier is only unique on its own site, so the host
  // qualifies it; without one the posting's URL is its identity (re-importing it changes nothing).
  const externalId = identifier && sourceUrl ? `${new URL(sourceUrl).host}:${identifier}` : sourceUrl;

  const body = withExtraSections(bodyFromHtml(firstText(prop(posting, "description"))), proseSections(posting));
  const titleText = title ? inlineText(title) : null;
  const jobLocationType = prop(posting, "jobLocationType");
  const locationTypes = asArray(jobLocationType).filter((v): v is string => typeof v === "string");
  const telecommute = locationTypes.some((type) => type.toUpperCase() === "TELECOMMUTE");
  const { location, country } = locationOf(posting, telecommute);
  const remoteType = remoteTypeFrom({ jobLocationType, location, title: titleText, text: body.description });

  const salary = salaryOf(posting) ?? (body.description ? findSalary(body.description) : null);
  const explicitSkills = texts(prop(posting, "skills")).flatMap((value) => {
    const text = htmlToText(value);
    // "skills" holds either a list ("Python, SQL") or prose; only short items are skill names.
    return splitSkillList(text).filter((item) => item.length <= 40 && item.split(/\s+/).length <= 4);
  });
  const skills = skillsOf(context.dictionary, body, explicitSkills);

  return {
    source: context.source ?? "url",
    external_id: externalId,
    source_url: sourceUrl,
    title: titleText,
    company: company ? inlineText(company) : null,
    company_url: companyUrl,
    location,
    country_code: country,
    remote_type: remoteType,
    // The title as a fallback: "Werkstudent (m/w/d)", "Designer (Contract)".
    employment_type: employmentTypeFrom(prop(posting, "employmentType")) ?? employmentTypeFromTitle(titleText),
    description: body.description,
    requirements: body.requirements,
    responsibilities: body.responsibilities,
    ...salaryColumns(salary),
    required_skills: skills.required,
    preferred_skills: skills.preferred,
    posted_at: firstText(prop(posting, "datePosted")),
    expires_at: firstText(prop(posting, "validThrough")),
  };
}

export interface JsonLdPostings {
  postings: NormalizedPosting[];
  /** Postings found but unusable (no title, no company), with why. */
  rejected: Array<{ index: number; code: string; message: string }>;
}

/** Every usable JobPosting on a page. Fails only when the page has none at all. */
export function parseJsonLdPostings(input: JsonLdPage, context: JsonLdContext): ImportResult<JsonLdPostings> {
  const parsedInput = PageInput.safeParse(input);
  if (!parsedInput.success) {
    return importFail("unexpected_shape", "Pass the page as { html, url } with an http(s) URL.");
  }
  const { html, url } = parsedInput.data;
  const document = parseHtml(html);
  const base = baseUrl(document, url);
  const { blocks, unreadable } = extractJsonLd(document);
  const nodes = findJobPostings(blocks);
  if (nodes.length === 0) {
    return importFail("no_job_posting", "The page has no schema.org JobPosting (JSON-LD) to import.", {
      json_ld_blocks: blocks.length,
      unreadable_blocks: unreadable,
    });
  }
  const postings: NormalizedPosting[] = [];
  const rejected: JsonLdPostings["rejected"] = [];
  nodes.forEach((node, index) => {
    const result = finalizePosting(jobPostingToDraft(node, url, base, context));
    if (result.ok) postings.push(result.value);
    else rejected.push({ index, code: result.error.code, message: result.error.message });
  });
  return importOk({ postings, rejected });
}

/** The page's posting (the first usable one): what importing a pasted URL wants. */
export function parseJsonLdPage(input: JsonLdPage, context: JsonLdContext): ImportResult<NormalizedPosting> {
  const all = parseJsonLdPostings(input, context);
  if (!all.ok) return all;
  const [first] = all.value.postings;
  if (first) return importOk(first);
  const reason = all.value.rejected[0];
  return importFail("invalid_posting", reason?.message ?? "The page's JobPosting is missing required fields.", {
    rejected: all.value.rejected,
  });
}

/** The same from fetched bytes, decoded by the declared charset (HTTP header, then <meta>). */
export function parseJsonLdPageBytes(
  input: { bytes: Uint8Array; url: string; contentType?: string | null },
  context: JsonLdContext,
): ImportResult<NormalizedPosting> {
  const html = decodeHtmlBytes(input.bytes, charsetFromContentType(input.contentType));
  return parseJsonLdPage({ html, url: input.url }, context);
}
