import assert from "node:assert/strict";
import fc from "fast-check";
import { skillKey } from "../skills.ts";
import { fixtureDictionary as dictionary, fixtureSkillNames } from "./fixtures/dictionary.ts";
import { backendJob } from "./fixtures/jobs.ts";
import { backend, frontend, people, type PersonFixture } from "./fixtures/profiles.ts";
import {
  canonicalNumber,
  checkGrounding,
  type Claim,
  type ClaimKind,
  documentText,
  factsFromProfile,
  factsSummary,
  type GroundingFacts,
} from "./grounding.ts";
import { normName } from "./text.ts";

const backendFacts = factsFromProfile(backend.profile, backend.projects, dictionary);
const check = (text: string, facts: GroundingFacts = backendFacts) => checkGrounding(text, facts);
const kinds = (claims: Claim[]) => claims.map((claim) => `${claim.kind}:${claim.value}`);

Deno.test("facts: read from every part of the person's data, normalised", () => {
  assert.deepEqual(backendFacts.employers, ["Northwind Payments", "Brightlane Logistics", "Cobalt Digital"]);
  assert.ok(backendFacts.titles.includes("Author")); // a project role
  assert.deepEqual(backendFacts.schools, ["University of Leeds"]);
  for (const date of ["2021", "2021-03", "2012-09", "2020-01-01", "2020-01", "2022-09-30"]) {
    assert.ok(backendFacts.dates.has(date), date);
  }
  // "12,000" and "eight" are numbers like any other.
  for (const number of ["12000", "8", "180", "45", "25000", "1200"]) {
    assert.ok(backendFacts.numbers.has(number), number);
  }
  // Skills from the list, the projects and the text (OpenTelemetry is only in a highlight).
  for (const skill of ["go", "apache kafka", "opentelemetry", "rabbitmq", "react"]) {
    assert.ok(backendFacts.skills.has(skill));
  }
  assert.deepEqual([...backendFacts.degrees], ["bachelor"]);
  const summary = factsSummary(backendFacts);
  assert.ok(summary.numbers.includes("12,000"));
  assert.ok(summary.dates.includes("2021-03"));
});

Deno.test("grounding: restating the person's own facts passes", () => {
  const supported = [
    "I worked as Senior Backend Engineer at Northwind Payments from March 2021.",
    "As a backend engineer at Brightlane Logistics I built REST APIs in Python.",
    "I cut p95 latency from 180 ms to 45 ms and handled 12k transactions per second.",
    "I studied Computer Science at the University of Leeds and hold a BSc.",
    "I worked with Docker and Kubernetes at Northwind Payments and Brightlane Logistics.",
    "I have eight years of experience with Postgres, Golang and k8s.",
    "Between 2017 and 2021 I was at Brightlane Logistics in Leeds.",
    "I like to go running and to react calmly; next, I rest.",
    "Senior Engineer at Northwind Payments, 2021-03 to present.",
  ];
  for (const text of supported) assert.deepEqual(check(text).unsupported, [], text);
});

Deno.test("grounding: each kind of invented fact is caught", () => {
  const cases: [string, string[]][] = [
    ["I worked at Globex Corporation.", ["employer:Globex Corporation"]],
    ["As a Staff Engineer at Northwind Payments I scaled payments.", ["title:Staff Engineer"]],
    ["I was promoted while working as principal architect.", ["title:principal architect"]],
    ["I studied at Oxford University.", ["school:Oxford University"]],
    ["I hold an MSc from the University of Leeds.", ["degree:MSc"]],
    ["In 2009 I started coding.", ["date:2009"]],
    ["Since March 2020 I have led the ledger team.", ["date:March 2020"]],
    ["I reduced costs by 75%.", ["number:75"]],
    ["I served 3 million users.", ["number:3 million"]],
    ["I am fluent in Rust and Terraform.", ["skill:Rust"]],
    ["Go, Java and PostgreSQL are my tools.", ["skill:Java"]],
  ];
  for (const [text, expected] of cases) {
    const result = check(text);
    assert.equal(result.passed, false, text);
    assert.deepEqual(kinds(result.unsupported), expected, text);
  }
});

Deno.test("grounding: a letter may name the posting it answers, but not its skills as the person's", () => {
  const facts = factsFromProfile(frontend.profile, frontend.projects, dictionary, { job: backendJob });
  const letter = "I am applying for the Senior Backend Engineer (Go) position at Acme Pay Ltd. Dear Acme Pay team.";
  assert.deepEqual(checkGrounding(letter, facts).unsupported, []);
  // Without the posting as context, the same text names a company and a skill she does not have.
  const bare = factsFromProfile(frontend.profile, frontend.projects, dictionary);
  assert.deepEqual(kinds(checkGrounding(letter, bare).unsupported), [
    "skill:Go",
    "title:Senior Backend Engineer",
    "employer:Acme Pay Ltd",
  ]);
  // The posting's skills remain unsupported claims.
  assert.deepEqual(kinds(checkGrounding("I know Go and Kafka well.", facts).unsupported), ["skill:Go", "skill:Kafka"]);
});

Deno.test("grounding: documentText reads a CV's statements, not its links", () => {
  const text = documentText({
    $schema: "https://example.com/schema.json",
    basics: { name: "Maya Okafor", url: "https://maya.example.dev/2099" },
    work: [{ name: "Northwind Payments", highlights: ["Cut latency to 45 ms"] }],
  });
  assert.equal(text, "Maya Okafor\nNorthwind Payments\nCut latency to 45 ms");
  assert.equal(canonicalNumber(1.2e6), "1200000");
});

// ---------------------------------------------------------------------------------------------
// Properties

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A fact date the way a writer might put it: "2021", "2021-03", "March 2021", "Mar 2021", "03/2021". */
function dateForms(date: string): string[] {
  const [year, month] = date.split("-");
  if (date.length !== 7) return [date];
  const name = MONTH_NAMES[Number(month) - 1];
  return [date, `${name} ${year}`, `${name.slice(0, 3)} ${year}`, `${month}/${year}`];
}

function corpusTexts(person: PersonFixture): string[] {
  const { profile, projects } = person;
  return [
    profile.summary,
    profile.headline,
    ...profile.work_experience.flatMap((entry) => [entry.summary, ...(entry.highlights ?? [])]),
    ...projects.flatMap((project) => [project.description, ...project.achievements]),
  ].filter((text): text is string => Boolean(text));
}

/** Sentences built only from one person's facts, in any order and combination. */
function factSentence(person: PersonFixture, facts: GroundingFacts) {
  const { employers, titles, schools, skillNames, numberTexts } = facts;
  const dates = [...facts.dates].flatMap(dateForms);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...titles), fc.constantFrom(...employers)).map(([title, employer]) =>
      `I worked as ${title} at ${employer}.`
    ),
    fc.constantFrom(...employers).map((employer) => `At ${employer}, I delivered results.`),
    fc.constantFrom(...schools).map((school) => `I studied at ${school}.`),
    fc.subarray([...skillNames], { minLength: 1, maxLength: 3 }).map((skills) => `I used ${skills.join(", ")}.`),
    fc.constantFrom(...dates).map((date) => `In ${date} I shipped it.`),
    fc.constantFrom(...numberTexts).map((number) => `The result was ${number}.`),
    fc.constantFrom(...corpusTexts(person)),
  );
}

function factDocument(person: PersonFixture, facts: GroundingFacts) {
  return fc.array(factSentence(person, facts), { minLength: 1, maxLength: 8 });
}

const everyone = people.map((person) => ({
  person,
  facts: factsFromProfile(person.profile, person.projects, dictionary),
}));

Deno.test("grounding (property): a document built only from profile facts always passes", () => {
  for (const { person, facts } of everyone) {
    fc.assert(
      fc.property(factDocument(person, facts), (sentences) => {
        const result = checkGrounding(sentences.join(" "), facts);
        assert.deepEqual(result.unsupported, [], `${person.key}: ${sentences.join(" ")}`);
      }),
      { numRuns: 150 },
    );
  }
});

const fakeName = fc.tuple(
  fc.constantFrom("Zor", "Quil", "Brax", "Vend", "Tolm", "Mirk", "Yub", "Kesh"),
  fc.constantFrom("vex", "lith", "dor", "nak", "ster", "wick", "bane"),
  fc.constantFrom("", " Dynamics", " Labs", " Systems", " Holdings", " Works", " & Partners"),
).map(([head, tail, suffix]) => `${head}${tail}${suffix}`);

const withThousands = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

interface Injection {
  kind: ClaimKind;
  sentence: string;
  /** How the claim must be reported. */
  matches: (claim: Claim) => boolean;
}

function injection(facts: GroundingFacts): fc.Arbitrary<Injection> {
  const employer = fakeName
    .filter((name) => !facts.corpus.includes(normName(name).split(" ")[0]))
    .chain((name) =>
      fc.constantFrom(
        `I also worked at ${name}.`,
        `Before that I consulted for ${name}.`,
        `In between I joined ${name} as a contractor.`,
      ).map((sentence) => ({
        kind: "employer" as const,
        sentence,
        matches: (claim: Claim) => claim.kind === "employer" && claim.value === name,
      }))
    );
  const number = fc.integer({ min: 2, max: 900_000 })
    .filter((value) => !facts.numbers.has(String(value)) && (value < 1950 || value > 2099))
    .chain((value) =>
      fc.constantFrom(
        `I improved it by ${value}%.`,
        `I led a team of ${withThousands(value)} people.`,
        `We reached ${withThousands(value)} users.`,
      ).map((sentence) => ({
        kind: "number" as const,
        sentence,
        matches: (claim: Claim) => claim.kind === "number" && claim.value.replace(/,/g, "") === String(value),
      }))
    );
  const year = fc.integer({ min: 1950, max: 2099 })
    .filter((value) => !facts.dates.has(String(value)) && !facts.numbers.has(String(value)))
    .chain((value) =>
      fc.constantFrom(`In ${value} I started a new role.`, `I have done this since ${value}.`).map((sentence) => ({
        kind: "date" as const,
        sentence,
        matches: (claim: Claim) => claim.kind === "date" && claim.value === String(value),
      }))
    );
  const unknownSkills = fixtureSkillNames.filter((skill) => !facts.skills.has(skillKey(skill)));
  const skill = fc.constantFrom(...unknownSkills).chain((name) =>
    fc.constantFrom(`I am also proficient in ${name}.`, `Recently I shipped a feature with ${name}.`).map((
      sentence,
    ) => ({
      kind: "skill" as const,
      sentence,
      matches: (claim: Claim) => claim.kind === "skill" && skillKey(claim.value) !== "" && claim.value === name,
    }))
  );
  return fc.oneof(employer, number, year, skill);
}

Deno.test("grounding (property): injecting one fact not in the profile always fails", () => {
  for (const { person, facts } of everyone) {
    fc.assert(
      fc.property(
        factDocument(person, facts),
        injection(facts),
        fc.nat(),
        (sentences, injected, position) => {
          const document = [...sentences];
          document.splice(position % (document.length + 1), 0, injected.sentence);
          const result = checkGrounding(document.join(" "), facts);
          assert.equal(result.passed, false, `${person.key}: ${document.join(" ")}`);
          assert.ok(
            result.unsupported.some(injected.matches),
            `${injected.kind} not reported in ${JSON.stringify(result.unsupported)} for: ${injected.sentence}`,
          );
        },
      ),
      { numRuns: 200 },
    );
  }
});
