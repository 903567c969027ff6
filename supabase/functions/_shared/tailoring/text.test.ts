import assert from "node:assert/strict";
import { fixtureDictionary as dictionary } from "./fixtures/dictionary.ts";
import {
  asSentence,
  contentTerms,
  findSkillMentions,
  joinList,
  nameWords,
  normName,
  skillsInText,
  stem,
  titleTerms,
  wordCount,
} from "./text.ts";

const posting = (text: string) => skillsInText(text, dictionary, "posting");
const claims = (text: string) => skillsInText(text, dictionary, "claims");

Deno.test("skills in text: aliases resolve to canonical names", () => {
  assert.deepEqual(
    posting("We use Postgres, k8s, JS and Golang; TS is a plus."),
    ["PostgreSQL", "Kubernetes", "JavaScript", "Go", "TypeScript"],
  );
});

Deno.test("skills in text: punctuation skills and multi-word aliases", () => {
  assert.deepEqual(posting("C++ and C# on .NET? No: Node.js, Ruby on Rails and CI/CD."), [
    "C++",
    "C#",
    "Node.js",
    "Ruby on Rails",
    "CI/CD",
  ]);
  assert.deepEqual(posting("Experience with Amazon Web Services and Google Cloud Platform"), ["AWS", "Google Cloud"]);
  assert.deepEqual(posting("Ran A/B tests"), ["A/B Testing"]);
  // The longest alias wins: "Ruby on Rails" is not also Ruby.
  assert.deepEqual(posting("Ruby on Rails"), ["Ruby on Rails"]);
  // A multi-word alias does not span a comma.
  assert.deepEqual(posting("Amazon, Web Services"), []);
});

Deno.test("skills in text: ambiguous short aliases are not found in ordinary English", () => {
  assert.deepEqual(posting("You will go the extra mile."), []);
  assert.deepEqual(posting("Our R&D group supports C-level stakeholders."), []);
  assert.deepEqual(posting("React to feedback quickly."), []);
  assert.deepEqual(posting("Next steps: a short call."), []);
  assert.deepEqual(posting("We react quickly and rest on weekends."), []);
  assert.deepEqual(posting("A go-to-market plan."), []);
  assert.deepEqual(posting("Take the next step; express yourself."), []);
});

Deno.test("skills in text: ambiguous aliases count in lists and when capitalised mid-sentence", () => {
  assert.deepEqual(posting("Strong Go and PostgreSQL"), ["Go", "PostgreSQL"]);
  assert.deepEqual(posting("Senior Backend Engineer (Go)"), ["Go"]);
  assert.deepEqual(posting("You will use R and Python to build models."), ["R", "Python"]);
  assert.deepEqual(posting("stack: go, python, postgres"), ["Go", "Python", "PostgreSQL"]);
  assert.deepEqual(posting("Experience with React, Redux and Jest."), ["React", "Redux", "Jest"]);
});

Deno.test("skills in text: claims mode treats any capitalised ambiguous alias as a claim", () => {
  assert.deepEqual(claims("Go is my main language."), ["Go"]);
  assert.deepEqual(posting("Go is my main language."), []);
  assert.deepEqual(claims("I am proficient in R."), ["R"]);
  assert.deepEqual(claims("we go there"), []);
});

Deno.test("skills in text: mentions carry positions and the text as written", () => {
  const [mention] = findSkillMentions("Built on Postgres.", dictionary, "posting");
  assert.equal(mention.canonical, "PostgreSQL");
  assert.equal(mention.text, "Postgres");
  assert.equal("Built on Postgres.".slice(mention.start, mention.end), "Postgres");
  assert.deepEqual(findSkillMentions("", dictionary, "posting"), []);
  assert.deepEqual(findSkillMentions("Postgres", new Map(), "posting"), []);
});

Deno.test("terms: folded, stopwords out, light stemming on both sides alike", () => {
  assert.deepEqual(contentTerms("Running the Payments APIs in Málaga"), ["run", "payment", "api", "malaga"]);
  assert.equal(stem("planned"), "plan");
  assert.equal(stem("libraries"), "library");
  assert.equal(stem("class"), "class");
  assert.deepEqual(titleTerms("Senior Backend Engineer (Go) II"), ["backend", "engineer", "go"]);
});

Deno.test("names: accents, ampersands and legal suffixes fold away", () => {
  assert.deepEqual(nameWords("Procter & Gamble Co."), ["procter", "and", "gamble"]);
  assert.equal(normName("Fennel Foods GmbH"), "fennel foods");
  assert.equal(normName("Universidad Politécnica de Madrid"), "universidad politecnica de madrid");
  assert.equal(normName("The Guardian"), "guardian");
});

Deno.test("small helpers", () => {
  assert.equal(wordCount("  one two\nthree  "), 3);
  assert.equal(wordCount(""), 0);
  assert.equal(joinList(["a", "b", "c"]), "a, b and c");
  assert.equal(joinList(["a"]), "a");
  assert.equal(asSentence("Done"), "Done.");
  assert.equal(asSentence("Done!"), "Done!");
});
