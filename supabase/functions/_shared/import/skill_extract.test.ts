import assert from "node:assert/strict";
import { aliasKind, extractSkills, skillsInText, splitSkillList } from "./skill_extract.ts";
import { fixtureDictionary } from "./fixtures.ts";

const dictionary = fixtureDictionary();

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

Deno.test("skillsInText: long chains of ambiguous aliases resolve in one sweep", () => {
  // Each "Go" is vouched for by its neighbour, all the way from the "programming" at the end.
  assert.deepEqual(skillsInText(dictionary, "Go, ".repeat(20_000) + "Go programming"), ["Go"]);
  assert.deepEqual(skillsInText(dictionary, "Go ".repeat(20_000)), []);
});
