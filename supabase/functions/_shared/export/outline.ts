// A format-neutral outline of a JSON Resume CV: the ordered list of lines and blocks the PDF and
// DOCX renderers both draw. Deciding what goes on the page (which sections, in which order, how a
// date range or a skill group reads) in one place keeps the two formats word-for-word identical,
// so an ATS reads the same CV whichever file the user sends.
//
// Single column, one fact per line, standard section names: the layout ATS parsers read best.
// Nothing here knows about fonts or XML; each renderer makes the text safe for its own format.
import { z } from "zod";
import type { Resume } from "../tailoring/resume.ts";

export const SECTION_KEYS = [
  "summary",
  "work",
  "projects",
  "education",
  "skills",
  "certificates",
  "awards",
  "publications",
  "volunteer",
  "languages",
  "interests",
] as const;
export const SectionKeySchema = z.enum(SECTION_KEYS);
export type SectionKey = z.infer<typeof SectionKeySchema>;

// Headings ATS parsers recognise; callers translate them for CVs in other languages.
export const DEFAULT_LABELS = {
  summary: "Summary",
  work: "Experience",
  projects: "Projects",
  education: "Education",
  skills: "Skills",
  certificates: "Certificates",
  awards: "Awards",
  publications: "Publications",
  volunteer: "Volunteering",
  languages: "Languages",
  interests: "Interests",
  present: "Present",
  technologies: "Technologies",
  courses: "Courses",
  score: "Grade",
} as const;
export type Labels = { [K in keyof typeof DEFAULT_LABELS]: string };

const label = z.string().trim().min(1).max(80);
export const LabelsSchema = z.object({
  summary: label,
  work: label,
  projects: label,
  education: label,
  skills: label,
  certificates: label,
  awards: label,
  publications: label,
  volunteer: label,
  languages: label,
  interests: label,
  present: label,
  technologies: label,
  courses: label,
  score: label,
}).partial();

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** Options both renderers share; each renderer extends the schema with its own. */
export const OutlineOptionsSchema = z.object({
  /** Sections to include, in this order (the tailoring engine's choice); default: all, standard order. */
  sections: z.array(SectionKeySchema).max(SECTION_KEYS.length).optional(),
  labels: LabelsSchema.optional(),
  /** Month names for dates ("Jan 2020"), twelve of them. */
  months: z.array(z.string().trim().min(1).max(20)).length(12).optional(),
});
export type OutlineOptions = z.input<typeof OutlineOptionsSchema>;

export type Block =
  | { kind: "name"; text: string }
  | { kind: "headline"; text: string }
  | { kind: "contact"; items: string[] }
  | { kind: "heading"; section: SectionKey; text: string }
  /** One work/education/project entry: the organisation, what the person did there, when/where. */
  | { kind: "entry"; title: string; subtitle?: string; meta?: string }
  /** Free text; may hold several lines (`\n`), each a paragraph of its own. */
  | { kind: "paragraph"; text: string }
  | { kind: "bullet"; text: string };

export interface Outline {
  /** The person's name, for the document title and file name ("" when the CV has none). */
  name: string;
  headline: string;
  blocks: Block[];
}

// C0/C1 controls other than newline break both formats (XML 1.0 forbids them, PDF fonts have no
// glyph); unpaired surrogates are not text at all. Tabs become spaces.
// deno-lint-ignore no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** User text made printable: NFC, no control characters, CRLF as LF, lines trimmed, blank runs collapsed. */
export function cleanText(value: unknown): string {
  if (typeof value !== "string") return "";
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(CONTROL, "")
    .replace(LONE_SURROGATE, "")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** cleanText for a value that must fit on one line. */
export function cleanLine(value: unknown): string {
  return cleanText(value).replace(/\s*\n\s*/g, " ");
}

const ISO_DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/** "2020-01-15" and "2020-01" read "Jan 2020"; "2020" stays "2020"; anything else is shown as written. */
export function formatDate(value: unknown, months: readonly string[] = MONTHS_EN): string {
  const text = cleanLine(value);
  const match = text.match(ISO_DATE);
  if (!match) return text;
  const [, year, month] = match;
  const index = month ? Number(month) - 1 : -1;
  return index >= 0 && index < 12 ? `${months[index]} ${year}` : year;
}

/** "Jan 2020 – Present", "2018 – 2020", or one date when only one is known. */
export function formatRange(start: unknown, end: unknown, labels: Labels, months?: readonly string[]): string {
  const from = formatDate(start, months);
  const to = formatDate(end, months);
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return `${from} – ${labels.present}`;
  return to;
}

const joinNonEmpty = (parts: readonly string[], separator: string): string =>
  parts.filter((part) => part !== "").join(separator);

function list(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return values.map(cleanLine).filter((value) => value !== "");
}

function basicsLocation(resume: Resume): string {
  const location = resume.basics?.location;
  if (!location) return "";
  const parts = [location.city, location.region, location.countryCode].map(cleanLine);
  return joinNonEmpty(parts, ", ") || cleanLine(location.address);
}

function contactItems(resume: Resume): string[] {
  const basics = resume.basics ?? {};
  const items = [cleanLine(basics.email), cleanLine(basics.phone), basicsLocation(resume), cleanLine(basics.url)];
  for (const profile of basics.profiles ?? []) {
    // The URL is what a recruiter can use; without one, "GitHub: name" still identifies the account.
    const url = cleanLine(profile.url);
    const network = cleanLine(profile.network);
    const username = cleanLine(profile.username);
    items.push(url || joinNonEmpty([network, username], ": "));
  }
  return items.filter((item) => item !== "");
}

interface Context {
  labels: Labels;
  months: readonly string[];
}

type SectionBuilder = (resume: Resume, context: Context) => Block[];

const paragraph = (text: string): Block[] => (text ? [{ kind: "paragraph", text }] : []);
const bullets = (values: unknown): Block[] => list(values).map((text): Block => ({ kind: "bullet", text }));

function entry(title: string, subtitle: string, meta: string): Block[] {
  // An entry with no organisation still shows what the person did rather than vanishing.
  const heading = title || subtitle;
  if (!heading) return [];
  const block: Block = { kind: "entry", title: heading };
  if (title && subtitle) block.subtitle = subtitle;
  if (meta) block.meta = meta;
  return [block];
}

const SECTIONS: Record<SectionKey, SectionBuilder> = {
  summary: (resume) => paragraph(cleanText(resume.basics?.summary)),

  work: (resume, { labels, months }) =>
    (resume.work ?? []).flatMap((work) => {
      const head = entry(
        cleanLine(work.name),
        cleanLine(work.position),
        joinNonEmpty([formatRange(work.startDate, work.endDate, labels, months), cleanLine(work.location)], " | "),
      );
      return head.length === 0 ? [] : [...head, ...paragraph(cleanText(work.summary)), ...bullets(work.highlights)];
    }),

  volunteer: (resume, { labels, months }) =>
    (resume.volunteer ?? []).flatMap((item) => {
      const head = entry(
        cleanLine(item.organization),
        cleanLine(item.position),
        formatRange(item.startDate, item.endDate, labels, months),
      );
      return head.length === 0 ? [] : [...head, ...paragraph(cleanText(item.summary)), ...bullets(item.highlights)];
    }),

  projects: (resume, { labels, months }) =>
    (resume.projects ?? []).flatMap((project) => {
      const roles = joinNonEmpty([list(project.roles).join(", "), cleanLine(project.entity)], " | ");
      const head = entry(
        cleanLine(project.name),
        roles,
        joinNonEmpty([formatRange(project.startDate, project.endDate, labels, months), cleanLine(project.url)], " | "),
      );
      if (head.length === 0) return [];
      const keywords = list(project.keywords);
      return [
        ...head,
        ...paragraph(cleanText(project.description)),
        ...bullets(project.highlights),
        ...paragraph(keywords.length > 0 ? `${labels.technologies}: ${keywords.join(", ")}` : ""),
      ];
    }),

  education: (resume, { labels, months }) =>
    (resume.education ?? []).flatMap((item) => {
      const score = cleanLine(item.score);
      const head = entry(
        cleanLine(item.institution),
        joinNonEmpty([cleanLine(item.studyType), cleanLine(item.area)], ", "),
        joinNonEmpty([
          formatRange(item.startDate, item.endDate, labels, months),
          score ? `${labels.score}: ${score}` : "",
        ], " | "),
      );
      if (head.length === 0) return [];
      const courses = list(item.courses);
      return [...head, ...paragraph(courses.length > 0 ? `${labels.courses}: ${courses.join(", ")}` : "")];
    }),

  skills: (resume) => {
    // JSON Resume groups skills ({name: "Backend", keywords: [...]}); Jobtrail's own export has
    // one skill per group and no keywords. Groups read "Backend: Go, SQL"; bare names share a line.
    const lines: string[] = [];
    const loose: string[] = [];
    for (const skill of resume.skills ?? []) {
      const name = cleanLine(skill.name);
      const level = cleanLine(skill.level);
      const keywords = list(skill.keywords);
      const title = name && level ? `${name} (${level})` : name;
      if (keywords.length > 0) lines.push(title ? `${title}: ${keywords.join(", ")}` : keywords.join(", "));
      else if (title) loose.push(title);
    }
    if (loose.length > 0) lines.push(loose.join(", "));
    return lines.flatMap(paragraph);
  },

  certificates: (resume, { months }) =>
    (resume.certificates ?? []).flatMap((item) =>
      entry(
        cleanLine(item.name),
        cleanLine(item.issuer),
        joinNonEmpty([formatDate(item.date, months), cleanLine(item.url)], " | "),
      )
    ),

  awards: (resume, { months }) =>
    (resume.awards ?? []).flatMap((item) => {
      const head = entry(cleanLine(item.title), cleanLine(item.awarder), formatDate(item.date, months));
      return head.length === 0 ? [] : [...head, ...paragraph(cleanText(item.summary))];
    }),

  publications: (resume, { months }) =>
    (resume.publications ?? []).flatMap((item) => {
      const head = entry(
        cleanLine(item.name),
        cleanLine(item.publisher),
        joinNonEmpty([formatDate(item.releaseDate, months), cleanLine(item.url)], " | "),
      );
      return head.length === 0 ? [] : [...head, ...paragraph(cleanText(item.summary))];
    }),

  languages: (resume) => {
    const items = (resume.languages ?? []).map((item) => {
      const language = cleanLine(item.language);
      const fluency = cleanLine(item.fluency);
      return language && fluency ? `${language} (${fluency})` : language;
    });
    return paragraph(joinNonEmpty(items, ", "));
  },

  interests: (resume) =>
    (resume.interests ?? []).flatMap((item) => {
      const name = cleanLine(item.name);
      const keywords = list(item.keywords);
      return paragraph(name && keywords.length > 0 ? `${name}: ${keywords.join(", ")}` : name || keywords.join(", "));
    }),
};

/**
 * The outline of a CV. Options are validated (zod) because they can come straight from a request
 * body; the resume is typed by the caller and read defensively (a loose JSON Resume may carry
 * anything), so rendering never fails on odd content.
 */
export function buildOutline(resume: Resume, options: z.output<typeof OutlineOptionsSchema>): Outline {
  const labels: Labels = { ...DEFAULT_LABELS, ...options.labels };
  const context: Context = { labels, months: options.months ?? MONTHS_EN };
  const name = cleanLine(resume.basics?.name);
  const headline = cleanLine(resume.basics?.label);
  const blocks: Block[] = [];
  if (name) blocks.push({ kind: "name", text: name });
  if (headline) blocks.push({ kind: "headline", text: headline });
  const contact = contactItems(resume);
  if (contact.length > 0) blocks.push({ kind: "contact", items: contact });

  const order = options.sections ?? SECTION_KEYS;
  for (const section of new Set(order)) {
    const body = SECTIONS[section](resume, context);
    // A heading with nothing under it is noise for a reader and a false signal for an ATS.
    if (body.length === 0) continue;
    blocks.push({ kind: "heading", section, text: labels[section] }, ...body);
  }
  return { name, headline, blocks };
}

/** A download name such as "zoe-lodz-cv.pdf": ASCII, no path characters, never empty. */
export function exportFileName(resume: Resume, extension: "pdf" | "docx"): string {
  const slug = cleanLine(resume.basics?.name)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[łŁ]/g, "l")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return `${slug ? `${slug}-` : ""}cv.${extension}`;
}
