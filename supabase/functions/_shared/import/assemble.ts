// What the three parsers share once they have pulled fields out of their format: the posting's
// body split into description / requirements / responsibilities / nice-to-haves, skills sorted
// into required and preferred, and the fallbacks that read the text when the format's own fields
// are silent (salary, remote type).
import type { SkillDictionary } from "../skills.ts";
import { htmlToLines, linesToText, type TextLine } from "./html.ts";
import { clip, LIMITS } from "./posting.ts";
import { type Section, sectionText, splitSections } from "./sections.ts";
import { skillsInText } from "../skill_mentions.ts";
import { extractSkills } from "./skill_extract.ts";

export interface Body {
  /** The whole posting as clean text. */
  description: string | null;
  requirements: string | null;
  responsibilities: string | null;
  /** Nice-to-haves: the source of preferred skills. */
  preferred: string | null;
  /** Everything but nice-to-haves and benefits: where required skills are looked for when no requirements section exists. */
  core: string | null;
}

const join = (parts: ReadonlyArray<string | null | undefined>): string | null => {
  const text = parts.filter((part): part is string => typeof part === "string" && part.trim() !== "").join("\n\n")
    .trim();
  return text === "" ? null : text;
};

export function bodyFromSections(sections: readonly Section[], description: string | null): Body {
  return {
    description,
    requirements: sectionText(sections, "requirements"),
    responsibilities: sectionText(sections, "responsibilities"),
    preferred: sectionText(sections, "preferred"),
    core: join(sections.filter((s) => s.kind !== "preferred" && s.kind !== "benefits").map((s) => s.text)),
  };
}

/** A body from HTML (or escaped HTML, or plain text, which parses as one text node). */
export function bodyFromHtml(html: string | null | undefined): Body {
  const lines: TextLine[] = html ? htmlToLines(html) : [];
  return bodyFromSections(splitSections(lines), join([linesToText(lines)]));
}

/** Adds sections a format keeps apart from the description (Lever's lists, schema.org qualifications). */
export function withExtraSections(body: Body, extra: readonly Section[]): Body {
  const all = extra.filter((section) => section.text.trim() !== "");
  if (all.length === 0) return body;
  const extraBody = bodyFromSections(all, null);
  return {
    description: join([body.description, ...all.map((s) => (s.heading ? `${s.heading}\n${s.text}` : s.text))]),
    requirements: join([body.requirements, extraBody.requirements]),
    responsibilities: join([body.responsibilities, extraBody.responsibilities]),
    preferred: join([body.preferred, extraBody.preferred]),
    core: join([body.core, extraBody.core]),
  };
}

/**
 * Required skills: the source's explicit list plus those named in the requirements (or, with no
 * requirements section, anywhere but the nice-to-haves). Preferred: those named among the
 * nice-to-haves and not already required.
 */
export function skillsOf(
  dictionary: SkillDictionary,
  body: Body,
  explicit: readonly (string | null | undefined)[] = [],
): { required: string[]; preferred: string[] } {
  // Only as much text as the jobs table keeps is searched: a 2 MB page must not buy seconds of CPU.
  const cap = (text: string | null) => (text === null ? null : clip(text, LIMITS.description));
  const required = extractSkills(dictionary, {
    explicit,
    text: [cap(body.requirements ?? body.core ?? body.description)],
  });
  const requiredKeys = new Set(required.map((skill) => skill.toLowerCase()));
  const preferred = skillsInText(dictionary, cap(body.preferred), "posting").filter((skill) =>
    !requiredKeys.has(skill.toLowerCase())
  );
  return { required, preferred };
}
