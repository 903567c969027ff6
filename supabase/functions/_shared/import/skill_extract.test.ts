import assert from "node:assert/strict";
import { skillsInText } from "../skill_mentions.ts";
import { extractSkills, splitSkillList } from "./skill_extract.ts";
import { fixtureDictionary } from "./fixtures.ts";

const dictionary = fixtureDictionary();

Deno.test("extractSkills: explicit lists are trusted, text is searched, all canonical and unique", () => {
  assert.deepEqual(
    extractSkills(dictionary, {
      explicit: ["golang, R; Leadership", "  ", null, "go"],
      text: ["Also Python and postgres.", null, "python again"],
    }),
    ["Go", "R", "Leadership", "Python", "PostgreSQL"],
  );
  assert.deepEqual(splitSkillList("A, B;C\nD | E • F"), ["A", "B", "C", "D", "E", "F"]);
  assert.deepEqual(skillsInText(new Map(), "Python"), []);
});
