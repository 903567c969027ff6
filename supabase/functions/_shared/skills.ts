// Skill normalisation, TypeScript side. The dictionary itself lives in one place, the database
// (public.skills and public.skill_aliases, with public.normalize_skill() for SQL callers); pure
// modules receive it as a SkillDictionary so they stay free of I/O and testable with fixtures.
//
// Keys are normalised exactly like the SQL side's private.skill_key(): trimmed, lower-cased,
// inner whitespace collapsed to one space. Punctuation is kept ("c++", "c#", "node.js").

/** alias key -> canonical display name, e.g. "postgres" -> "PostgreSQL", "postgresql" -> "PostgreSQL". */
export type SkillDictionary = ReadonlyMap<string, string>;

export function skillKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, " ");
}

/** The canonical name for a skill, or the trimmed input when the dictionary does not know it. */
export function canonicalSkill(dictionary: SkillDictionary, raw: string): string {
  const trimmed = raw.trim().replace(/\s+/g, " ");
  return dictionary.get(skillKey(trimmed)) ?? trimmed;
}

/** Canonical names of a list of skills, de-duplicated (case-insensitively), first spelling kept. */
export function canonicalSkills(dictionary: SkillDictionary, raws: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of raws) {
    if (!raw.trim()) continue;
    const canonical = canonicalSkill(dictionary, raw);
    const key = skillKey(canonical);
    if (!seen.has(key)) seen.set(key, canonical);
  }
  return [...seen.values()];
}

/** Builds a dictionary from rows of (alias, canonical name); canonical names map to themselves. */
export function dictionaryFrom(rows: Iterable<{ alias: string; name: string }>): SkillDictionary {
  const dictionary = new Map<string, string>();
  for (const { alias, name } of rows) {
    dictionary.set(skillKey(name), name);
    dictionary.set(skillKey(alias), name);
  }
  return dictionary;
}
