// Lever postings API: GET https://api.lever.co/v0/postings/{company}?mode=json, an array of
// postings: id, text (the title), hostedUrl, applyUrl, categories { location, commitment, team,
// department, allLocations }, workplaceType (remote | hybrid | on-site | unspecified), country,
// description/descriptionPlain (the opening), lists [{ text: heading, content: "<li>..." }],
// additional/additionalPlain (the closing), salaryRange { min, max, currency, interval },
// salaryDescription, createdAt (ms since the epoch).
// https://github.com/lever/postings-api
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
import { htmlToText, inlineText } from "./html.ts";
import type { PostingDraft } from "./posting.ts";
import { classifyHeading, type Section } from "./sections.ts";
import { findSalary, parseSalary, periodFromText, type Salary, salaryColumns } from "./salary.ts";
import { type BoardParse, collectBoard, parseBoardJson, rawIdOf } from "./board.ts";

export interface LeverContext {
  dictionary: SkillDictionary;
  /** The site name in /v0/postings/{company}. */
  company: string;
  /** The company's display name; the API does not say it. */
  companyName?: string;
}

const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

const LeverPosting = z.looseObject({
  id: z.string().min(1),
  text: z.string(),
  hostedUrl: nullish(z.string()),
  applyUrl: nullish(z.string()),
  country: nullish(z.string()),
  workplaceType: nullish(z.string()),
  createdAt: nullish(z.number()),
  categories: nullish(
    z.looseObject({
      location: nullish(z.string()),
      commitment: nullish(z.string()),
      team: nullish(z.string()),
      department: nullish(z.string()),
      allLocations: nullish(z.array(z.string())),
    }),
  ),
  description: nullish(z.string()),
  descriptionPlain: nullish(z.string()),
  lists: nullish(z.array(z.looseObject({ text: nullish(z.string()), content: nullish(z.string()) }))),
  additional: nullish(z.string()),
  additionalPlain: nullish(z.string()),
  salaryRange: nullish(
    z.looseObject({
      min: nullish(z.number()),
      max: nullish(z.number()),
      currency: nullish(z.string()),
      interval: nullish(z.string()),
    }),
  ),
  salaryDescription: nullish(z.string()),
  salaryDescriptionPlain: nullish(z.string()),
});
type LeverPosting = z.infer<typeof LeverPosting>;

function salaryOf(posting: LeverPosting, descriptionText: string | null): Salary | null {
  const range = posting.salaryRange;
  if (range && (typeof range.min === "number" || typeof range.max === "number")) {
    // interval: "per-year-salary", "per-month-salary", "per-hour-wage", ... ("one-time" has no period).
    return {
      min: range.min ?? null,
      max: range.max ?? null,
      currency: range.currency?.toUpperCase() ?? null,
      period: periodFromText(range.interval),
    };
  }
  const described = posting.salaryDescriptionPlain ??
    (posting.salaryDescription ? htmlToText(posting.salaryDescription) : null);
  const parsed = described ? parseSalary(described) : null;
  if (parsed && parsed.currency) return parsed;
  return descriptionText ? findSalary(descriptionText) : null;
}

/** One Lever posting into a draft. */
export function leverPostingToDraft(posting: LeverPosting, context: LeverContext): PostingDraft {
  const categories = posting.categories ?? {};
  const lists: Section[] = (posting.lists ?? []).map((list) => {
    const heading = list.text ? inlineText(list.text) : "";
    // Lever sends a list's items as bare <li> elements; wrap them so they read as a list.
    return {
      heading: heading || null,
      kind: classifyHeading(heading),
      text: list.content ? htmlToText(`<ul>${list.content}</ul>`) : "",
    };
  });
  const opening = bodyFromHtml(posting.description ?? posting.descriptionPlain);
  const closingText = posting.additional ? htmlToText(posting.additional) : posting.additionalPlain?.trim() ?? "";
  const closing: Section[] = closingText ? [{ heading: null, kind: "other", text: closingText }] : [];
  const body = withExtraSections(opening, [...lists, ...closing]);

  const allLocations = (categories.allLocations ?? []).map(inlineText).filter(Boolean);
  const primary = categories.location ? inlineText(categories.location) : null;
  const location = allLocations.length > 1
    ? [...new Set([primary, ...allLocations].filter(Boolean))].join("; ")
    : primary;
  const salary = salaryOf(posting, body.description);
  const skills = skillsOf(context.dictionary, body);

  return {
    source: "lever",
    // Lever posting ids are UUIDs, unique across companies.
    external_id: posting.id,
    source_url: posting.hostedUrl ?? posting.applyUrl ?? null,
    title: inlineText(posting.text),
    company: context.companyName ?? context.company,
    company_url: null,
    location,
    country_code: countryCodeOf(posting.country) ?? countryCodeFromLocation(location),
    remote_type: remoteTypeFrom({
      workplaceType: posting.workplaceType === "unspecified" ? null : posting.workplaceType,
      location,
      title: posting.text,
      text: body.description,
    }),
    employment_type: employmentTypeFrom(categories.commitment ?? null) ?? employmentTypeFromTitle(posting.text),
    description: body.description,
    requirements: body.requirements,
    responsibilities: body.responsibilities,
    ...salaryColumns(salary),
    required_skills: skills.required,
    preferred_skills: skills.preferred,
    posted_at: typeof posting.createdAt === "number" ? posting.createdAt : null,
    expires_at: null,
  };
}

/** A whole postings response (a JSON array). Fails only when it is not an array; bad postings are reported and skipped. */
export function parseLeverPostings(payload: unknown, context: LeverContext): ImportResult<BoardParse> {
  const list = z.array(z.unknown()).safeParse(payload);
  if (!list.success) return importFail("unexpected_shape", "A Lever postings response is a JSON array.");
  return importOk(collectBoard(list.data, {
    schema: LeverPosting,
    notAnItem: "Not a Lever posting (id and text are required).",
    rawId: (raw) => rawIdOf(raw, ["string"]),
    id: (posting) => posting.id,
    toDraft: (posting) => leverPostingToDraft(posting, context),
  }));
}

export function parseLeverPostingsJson(text: string, context: LeverContext): ImportResult<BoardParse> {
  return parseBoardJson(text, "Lever", (payload) => parseLeverPostings(payload, context));
}
