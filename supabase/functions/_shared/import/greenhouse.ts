// Greenhouse job board API: GET https://boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true
// (optionally &pay_transparency=true). Each job: id, title, absolute_url, location.name,
// content (the description as HTML, escaped once more: "&lt;p&gt;..."), updated_at,
// first_published, metadata (custom fields: [{ name, value, value_type }]), departments, offices,
// and with pay transparency pay_input_ranges [{ min_cents, max_cents, currency_type, title }].
// https://developers.greenhouse.io/job-board.html
import { z } from "zod";
import type { SkillDictionary } from "../skills.ts";
import { bodyFromHtml, skillsOf } from "./assemble.ts";
import { countryCodeFromLocation, employmentTypeFrom, employmentTypeFromTitle, remoteTypeFrom } from "./classify.ts";
import { importFail, importOk, type ImportResult } from "./errors.ts";
import { inlineText } from "./html.ts";
import { type BoardParse, collectBoard, parseBoardJson, rawIdOf } from "./board.ts";
import type { PostingDraft } from "./posting.ts";
import { findSalary, parseAmount, parseSalary, periodFromText, type Salary, salaryColumns } from "./salary.ts";

export interface GreenhouseContext {
  dictionary: SkillDictionary;
  /** The board token, e.g. "acme" in /v1/boards/acme/jobs. */
  board: string;
  /** The company's display name; the board API does not always say it. */
  companyName?: string;
}

const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

// Loose objects: Greenhouse adds fields over time, and an unexpected extra must not drop a job.
// Optional parts that arrive malformed are treated as absent (.catch) rather than sinking the job.
const MetadataField = z.looseObject({
  name: z.string().nullish(),
  value: z.unknown(),
  value_type: z.string().nullish(),
});

const GreenhouseJob = z.looseObject({
  id: z.union([z.number(), z.string().min(1)]),
  title: z.string(),
  absolute_url: nullish(z.string()),
  location: nullish(z.looseObject({ name: nullish(z.string()) })),
  content: nullish(z.string()),
  updated_at: nullish(z.string()),
  first_published: nullish(z.string()),
  company_name: nullish(z.string()),
  metadata: nullish(z.array(MetadataField)),
  departments: nullish(z.array(z.looseObject({ name: nullish(z.string()) }))),
  offices: nullish(z.array(z.looseObject({ name: nullish(z.string()), location: nullish(z.string()) }))),
  pay_input_ranges: nullish(
    z.array(
      z.looseObject({
        min_cents: nullish(z.number()),
        max_cents: nullish(z.number()),
        currency_type: nullish(z.string()),
        title: nullish(z.string()),
        blurb: nullish(z.string()),
      }),
    ),
  ),
});
type GreenhouseJob = z.infer<typeof GreenhouseJob>;

const GreenhouseBoard = z.looseObject({ jobs: z.array(z.unknown()) });

function metadataText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.filter((item) => typeof item === "string").join(", ") || null;
  return null;
}

function metadataValue(job: GreenhouseJob, name: RegExp): { text: string | null; raw: unknown; field: string } | null {
  for (const field of job.metadata ?? []) {
    if (field.name && name.test(field.name)) {
      return { text: metadataText(field.value), raw: field.value, field: field.name };
    }
  }
  return null;
}

const CurrencyRange = z.looseObject({
  min_value: z.union([z.string(), z.number()]).nullish(),
  max_value: z.union([z.string(), z.number()]).nullish(),
  unit: z.string().nullish(),
});
const CurrencyAmount = z.looseObject({
  amount: z.union([z.string(), z.number()]).nullish(),
  unit: z.string().nullish(),
});

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

const figure = (value: string | number | null | undefined): number | null =>
  typeof value === "number" ? value : typeof value === "string" ? parseAmount(value) : null;

function salaryOf(job: GreenhouseJob, descriptionText: string | null): Salary | null {
  // 1. Pay transparency ranges (cents).
  for (const range of job.pay_input_ranges ?? []) {
    const min = typeof range.min_cents === "number" ? range.min_cents / 100 : null;
    const max = typeof range.max_cents === "number" ? range.max_cents / 100 : null;
    if (min === null && max === null) continue;
    const words = [range.title, range.blurb ? inlineText(range.blurb) : null].filter(Boolean).join(" ");
    return { min, max, currency: range.currency_type?.toUpperCase() ?? null, period: periodFromText(words) };
  }
  // 2. A custom field: currency_range / currency values, or text ("$120k-$150k").
  const field = metadataValue(job, /salary|compensation|pay|wage/i);
  if (field) {
    const range = CurrencyRange.safeParse(field.raw);
    if (range.success && (present(range.data.min_value) || present(range.data.max_value))) {
      return {
        min: figure(range.data.min_value),
        max: figure(range.data.max_value),
        currency: range.data.unit?.toUpperCase() ?? null,
        period: periodFromText(field.field),
      };
    }
    const amount = CurrencyAmount.safeParse(field.raw);
    if (amount.success && present(amount.data.amount)) {
      const value = figure(amount.data.amount);
      return {
        min: value,
        max: value,
        currency: amount.data.unit?.toUpperCase() ?? null,
        period: periodFromText(field.field),
      };
    }
    if (field.text) {
      const parsed = parseSalary(field.text);
      if (parsed) return { ...parsed, period: parsed.period ?? periodFromText(field.field) };
    }
  }
  // 3. The description's own words.
  return descriptionText ? findSalary(descriptionText) : null;
}

/** "acme-labs" -> "Acme Labs": the last resort for a company name. */
function companyFromBoard(board: string): string {
  return board.split(/[-_\s]+/).filter(Boolean).map((word) => word[0].toUpperCase() + word.slice(1)).join(" ");
}

/** One Greenhouse job into a draft. */
export function greenhouseJobToDraft(job: GreenhouseJob, context: GreenhouseContext): PostingDraft {
  const body = bodyFromHtml(job.content);
  const officeLocations = (job.offices ?? []).map((office) => office.location ?? office.name).filter((v): v is string =>
    !!v
  );
  const location = job.location?.name ? inlineText(job.location.name) : officeLocations.join("; ") || null;
  const employment = metadataValue(job, /employment|job type|commitment|time type|contract type/i);
  const workplace = metadataValue(job, /remote|workplace|location type|work type|work arrangement|work model/i);
  const salary = salaryOf(job, body.description);
  const skillsField = metadataValue(job, /skills|technolog|tech stack/i);
  const skills = skillsOf(context.dictionary, body, skillsField?.text ? [skillsField.text] : []);

  return {
    source: "greenhouse",
    // Greenhouse job ids are global across boards, so the id alone is unique per source.
    external_id: String(job.id),
    source_url: job.absolute_url ?? null,
    title: inlineText(job.title),
    company: context.companyName ?? job.company_name ?? companyFromBoard(context.board),
    company_url: null,
    location,
    country_code: countryCodeFromLocation(location) ?? countryCodeFromLocation(officeLocations.join("; ")),
    remote_type: remoteTypeFrom({
      workplaceType: workplace?.text && /^(remote|hybrid|on-?site|in[- ]office)$/i.test(workplace.text.trim())
        ? workplace.text
        : null,
      location: [location, workplace?.text].filter(Boolean).join(" "),
      title: job.title,
      text: body.description,
    }),
    // The title as a fallback: "Werkstudent (m/w/d)", "Technician (Contract)".
    employment_type: employmentTypeFrom(employment?.text ?? null) ?? employmentTypeFromTitle(job.title),
    description: body.description,
    requirements: body.requirements,
    responsibilities: body.responsibilities,
    ...salaryColumns(salary),
    required_skills: skills.required,
    preferred_skills: skills.preferred,
    posted_at: job.first_published ?? job.updated_at ?? null,
    expires_at: null,
  };
}

/** A whole board response. Fails only when the envelope itself is wrong; bad jobs are reported and skipped. */
export function parseGreenhouseBoard(payload: unknown, context: GreenhouseContext): ImportResult<BoardParse> {
  const board = GreenhouseBoard.safeParse(payload);
  if (!board.success) return importFail("unexpected_shape", "A Greenhouse board response has a jobs array.");
  return importOk(collectBoard(board.data.jobs, {
    schema: GreenhouseJob,
    notAnItem: "Not a Greenhouse job (id and title are required).",
    rawId: (raw) => rawIdOf(raw, ["string", "number"]),
    id: (job) => String(job.id),
    toDraft: (job) => greenhouseJobToDraft(job, context),
  }));
}

/** A board response as text (what the fetcher returns). */
export function parseGreenhouseBoardJson(text: string, context: GreenhouseContext): ImportResult<BoardParse> {
  return parseBoardJson(text, "Greenhouse", (payload) => parseGreenhouseBoard(payload, context));
}
