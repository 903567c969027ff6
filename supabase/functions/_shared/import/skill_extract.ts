// Skills of a posting: explicit skill lists from the source are trusted as they are; free text is
// searched with the shared skill_mentions.ts (the same detection CV tailoring uses), in its
// conservative "posting" mode.
import { canonicalSkills, type SkillDictionary } from "../skills.ts";
import { skillsInText } from "../skill_mentions.ts";

export interface SkillSources {
  /** Skills the source lists as such (schema.org "skills", a board's tags): trusted as they are. */
  explicit?: readonly (string | null | undefined)[];
  /** Free text to search. */
  text?: readonly (string | null | undefined)[];
}

/**
 * Explicit skills (canonicalised, unknown ones kept as written) then skills found in text,
 * de-duplicated by canonical name.
 */
export function extractSkills(dictionary: SkillDictionary, sources: SkillSources): string[] {
  const explicit = (sources.explicit ?? []).flatMap((
    value,
  ) => (typeof value === "string" ? splitSkillList(value) : []));
  const found = (sources.text ?? []).flatMap((value) => skillsInText(dictionary, value, "posting"));
  return canonicalSkills(dictionary, [...explicit, ...found]);
}

/** "Python, SQL; Go" -> ["Python", "SQL", "Go"]: explicit lists often arrive as one string. */
export function splitSkillList(value: string): string[] {
  return value.split(/[,;\n|•]+/).map((item) => item.trim()).filter((item) => item !== "");
}
