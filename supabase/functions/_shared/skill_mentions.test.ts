// Skill detection in free text, as job import (postings) and CV tailoring (postings, profiles,
// generated drafts) use it. The first tests run on the import fixture dictionary, the "skills in
// text" ones on the tailoring fixture dictionary; both are fed through dictionaryFrom().
import assert from "node:assert/strict";
import { aliasKind, findSkillMentions, skillsInText } from "./skill_mentions.ts";
import { fixtureDictionary as importFixtureDictionary } from "./import/fixtures.ts";
import { fixtureDictionary as tailoringDictionary } from "./tailoring/fixtures/dictionary.ts";

const dictionary = importFixtureDictionary();

Deno.test("skillsInText: aliases to canonical names, on word boundaries, longest first", () => {
  assert.deepEqual(
    skillsInText(
      dictionary,
      "We use Postgres, k8s, Node.js and Spring Boot on Amazon Web Services; CI/CD via GitHub Actions.",
    ),
    ["PostgreSQL", "Kubernetes", "Node.js", "Spring Boot", "AWS", "CI/CD", "GitHub Actions"],
  );
  assert.deepEqual(skillsInText(dictionary, "JavaScript (not Java!) and .NET, C# and C++."), [
    "JavaScript",
    "Java",
    ".NET",
    "C#",
    "C++",
  ]);
  assert.deepEqual(
    skillsInText(dictionary, "postgresql-backed, pythonic, kafkaesque"),
    ["PostgreSQL"],
    "no partial words",
  );
});

Deno.test("skillsInText: multi-word aliases never span sentences", () => {
  assert.deepEqual(skillsInText(dictionary, "We do machine. Learning is fun."), []);
  assert.deepEqual(skillsInText(dictionary, "We do machine learning."), ["Machine Learning"]);
});

Deno.test("skillsInText: ambiguous short aliases need a clear context", () => {
  const none = [
    "We go to market fast.",
    "Let's Go!",
    "Series C funding",
    "Go-to-market strategy",
    "Grade: C",
    "Plan R",
    "Go and R",
    "Spring is here.",
    "react quickly to incidents",
    "a node in the graph",
  ];
  for (const text of none) assert.deepEqual(skillsInText(dictionary, text), [], text);

  const some: Array<[string, string[]]> = [
    ["Experience with Go or Rust", ["Go", "Rust"]],
    ["C, C++ and Go", ["C", "C++", "Go"]],
    ["Backend services written in Go.", ["Go"]],
    ["R programming", ["R"]],
    ["Proficiency in C.", ["C"]],
    ["Go-based services", ["Go"]],
    ["Java and Spring", ["Java", "Spring"]],
    ["Python/Go", ["Python", "Go"]],
    ["Erfahrung mit C und C++", ["C", "C++"]],
    ["We use React.", ["React"]],
    ["GO, Rust", ["Go", "Rust"]],
  ];
  for (const [text, expected] of some) assert.deepEqual(skillsInText(dictionary, text), expected, text);
});

Deno.test("skillsInText: two-letter aliases match in capitals only", () => {
  assert.deepEqual(skillsInText(dictionary, "ML experience"), ["Machine Learning"]);
  assert.deepEqual(skillsInText(dictionary, "5 ml of water"), []);
  assert.deepEqual(skillsInText(dictionary, "TS and JS"), ["TypeScript", "JavaScript"]);
});

Deno.test("aliasKind", () => {
  assert.equal(aliasKind("go"), "ambiguous");
  assert.equal(aliasKind("r"), "ambiguous");
  assert.equal(aliasKind("swift"), "ambiguous");
  assert.equal(aliasKind("react"), "named");
  assert.equal(aliasKind("ml"), "cased");
  assert.equal(aliasKind("c++"), "plain");
  assert.equal(aliasKind("python"), "plain");
});

Deno.test("skillsInText: long chains of ambiguous aliases resolve in one sweep", () => {
  // Each "Go" is vouched for by its neighbour, all the way from the "programming" at the end.
  assert.deepEqual(skillsInText(dictionary, "Go, ".repeat(20_000) + "Go programming"), ["Go"]);
  assert.deepEqual(skillsInText(dictionary, "Go ".repeat(20_000)), []);
});

const posting = (text: string) => skillsInText(tailoringDictionary, text, "posting");
const claims = (text: string) => skillsInText(tailoringDictionary, text, "claims");

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
  const [mention] = findSkillMentions(tailoringDictionary, "Built on Postgres.", "posting");
  assert.equal(mention.canonical, "PostgreSQL");
  assert.equal(mention.text, "Postgres");
  assert.equal("Built on Postgres.".slice(mention.start, mention.end), "Postgres");
  assert.deepEqual(findSkillMentions(tailoringDictionary, "", "posting"), []);
  assert.deepEqual(findSkillMentions(new Map(), "Postgres", "posting"), []);
});

Deno.test("skills in text: profile mode reads the person's own prose between posting and claims", () => {
  const profile = (text: string) => skillsInText(tailoringDictionary, text, "profile");
  const text = "Cut latency by moving hot paths to Go and adding Redis caching.";
  assert.deepEqual(profile(text), ["Go", "Redis"]);
  assert.deepEqual(posting(text), ["Redis"]);
  assert.deepEqual(profile("Go-to-market plan for R&D."), []);
  assert.deepEqual(claims("Our R&D group"), []);
  // Offsets point into the text as given, also when it is not ASCII.
  const source = "Ｍa\u0301laga ﬁntech: Postgres";
  const [mention] = findSkillMentions(tailoringDictionary, source, "profile");
  assert.equal(source.slice(mention.start, mention.end), "Postgres");
});
