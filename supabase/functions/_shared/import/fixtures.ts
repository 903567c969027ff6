// Test support: the fixture files next to the import tests, and the fixture skill dictionary
// (rows shaped like public.skill_aliases, fed through the same dictionaryFrom() as production).
import { dictionaryFrom, type SkillDictionary } from "../skills.ts";

export const fixtureUrl = (name: string): URL => new URL(`./fixtures/${name}`, import.meta.url);
export const readFixtureText = (name: string): string => Deno.readTextFileSync(fixtureUrl(name));
export const readFixtureBytes = (name: string): Uint8Array<ArrayBuffer> => Deno.readFileSync(fixtureUrl(name));
export const readFixtureJson = (name: string): unknown => JSON.parse(readFixtureText(name));

export function fixtureDictionary(): SkillDictionary {
  const { rows } = readFixtureJson("skill_dictionary.json") as { rows: Array<{ alias: string; name: string }> };
  return dictionaryFrom(rows);
}
