import assert from "node:assert/strict";
import {
  analysePosting,
  candidateSkills,
  candidateTitleTerms,
  planSections,
  postingSkills,
  rankProjects,
  rankWork,
  SCORE_WEIGHTS,
  scoreFromEvidence,
  scoreMatch,
  SKILL_WEIGHTS,
} from "./analysis.ts";
import { fixtureDictionary as dictionary } from "./fixtures/dictionary.ts";
import { backendJob, dataJob, frontendJob, juniorJob, productJob, scienceJob } from "./fixtures/jobs.ts";
import { backend, changer, data, frontend, people, product } from "./fixtures/profiles.ts";
import { JobSchema, ProfileSchema, ProjectSchema } from "./rows.ts";

Deno.test("posting skills: arrays decide the tiers, the text adds what they leave out", () => {
  assert.deepEqual(postingSkills(backendJob, dictionary), {
    required: ["Go", "PostgreSQL", "Apache Kafka", "Kubernetes"],
    preferred: ["Terraform", "AWS", "gRPC"],
    // "go the extra mile" and "Next steps" add nothing; the responsibilities name two tools.
    mentioned: ["Prometheus", "OpenTelemetry"],
    fromText: false,
  });
});

Deno.test("posting skills: R&D and C-level are not the languages R and C", () => {
  const skills = postingSkills(dataJob, dictionary);
  assert.deepEqual(skills.mentioned, ["BigQuery"]);
  const all = [...skills.required, ...skills.preferred, ...skills.mentioned];
  assert.equal(all.includes("R"), false);
  assert.equal(all.includes("C"), false);
});

Deno.test("posting skills: without arrays, the requirements text is required and the rest preferred", () => {
  assert.deepEqual(postingSkills(productJob, dictionary), {
    required: ["A/B Testing", "SQL", "Amplitude", "Jira", "Figma"],
    preferred: ["Product Discovery"],
    mentioned: [],
    fromText: true,
  });
});

Deno.test("posting skills: aliases in the arrays are canonical and de-duplicated across tiers", () => {
  const job = JobSchema.parse({
    title: "Engineer",
    company: "X",
    required_skills: ["Postgres", "k8s"],
    preferred_skills: ["PostgreSQL", "Golang"],
  });
  assert.deepEqual(postingSkills(job, dictionary), {
    required: ["PostgreSQL", "Kubernetes"],
    preferred: ["Go"],
    mentioned: [],
    fromText: false,
  });
});

Deno.test("score: the documented formula, term by term", () => {
  const score = scoreMatch(backend.profile, backend.projects, backendJob, dictionary);
  // Required 4/4, preferred 2/3 (no AWS), mentioned 2/2; title words backend+engineer of backend/engineer/go.
  const s = (SKILL_WEIGHTS.required * 4 + SKILL_WEIGHTS.preferred * 2 + SKILL_WEIGHTS.mentioned * 2) /
    (SKILL_WEIGHTS.required * 4 + SKILL_WEIGHTS.preferred * 3 + SKILL_WEIGHTS.mentioned * 2);
  const t = 2 / 3;
  assert.equal(score.breakdown.skillCoverage, s);
  assert.equal(score.breakdown.titleCoverage, t);
  assert.equal(score.score, Math.round(100 * (SCORE_WEIGHTS.skills * s + SCORE_WEIGHTS.title * t)));
  assert.equal(score.score, 90);
  assert.deepEqual(score.missingRequired, []);
  assert.deepEqual(score.missingPreferred, ["AWS"]);
  assert.deepEqual(score.matched, [
    "Go",
    "PostgreSQL",
    "Apache Kafka",
    "Kubernetes",
    "Terraform",
    "gRPC",
    "Prometheus",
    "OpenTelemetry",
  ]);
  assert.match(score.explanation, /4 of 4 required skills/);
  assert.match(score.explanation, /2 of 3 preferred skills \(missing AWS\)/);
  assert.match(score.explanation, /Score 90 = 85% × skill coverage 94% \+ 15% × title match 67%/);
});

Deno.test("score: a hand-computed case (S = 4/8, T = 1/2 -> 50)", () => {
  const job = JobSchema.parse({
    title: "Data Engineer",
    company: "X",
    required_skills: ["Python", "SQL"],
    preferred_skills: ["dbt", "Snowflake"],
  });
  const evidence = new Map([
    ["python", { canonical: "Python", sources: ["skills"] }],
    ["dbt", { canonical: "dbt", sources: ["skills"] }],
  ]);
  const score = scoreFromEvidence(analysePosting(job, dictionary), evidence, new Set(["engineer"]));
  // S = (3·1 + 1·1) / (3·2 + 1·2) = 0.5; T = 1/2; 0.85·0.5 + 0.15·0.5 = 0.5.
  assert.equal(score.breakdown.skillCoverage, 0.5);
  assert.equal(score.breakdown.titleCoverage, 0.5);
  assert.equal(score.score, 50);
  assert.deepEqual(score.matched, ["Python", "dbt"]);
  assert.deepEqual(score.missingRequired, ["SQL"]);
  assert.deepEqual(score.missingPreferred, ["Snowflake"]);
});

Deno.test("score: each person fits their own kind of posting best", () => {
  const pairs = [
    [backend, backendJob],
    [data, dataJob],
    [frontend, frontendJob],
    [product, productJob],
    [changer, juniorJob],
  ] as const;
  const allJobs = [backendJob, dataJob, frontendJob, productJob, juniorJob, scienceJob];
  for (const [person, ownJob] of pairs) {
    const own = scoreMatch(person.profile, person.projects, ownJob, dictionary).score;
    assert.ok(own >= 80, `${person.key} scores ${own} on their own posting`);
    for (const job of allJobs) {
      if (job === ownJob) continue;
      const other = scoreMatch(person.profile, person.projects, job, dictionary).score;
      assert.ok(other < own, `${person.key}: ${job.title} (${other}) should score below ${ownJob.title} (${own})`);
    }
  }
});

Deno.test("score: missing required skills are listed and cost three times a preferred one", () => {
  const score = scoreMatch(frontend.profile, frontend.projects, scienceJob, dictionary);
  assert.deepEqual(score.missingRequired, ["R", "Python", "Machine Learning", "Statistics"]);
  assert.deepEqual(score.missingPreferred, ["SQL", "scikit-learn"]);
  assert.equal(score.score, 0);
  assert.match(score.explanation, /0 of 4 required skills \(missing R, Python, Machine Learning, Statistics\)/);
});

Deno.test("score: edge cases stay within 0-100 and say why", () => {
  const empty = ProfileSchema.parse({});
  const noSkills = JobSchema.parse({ title: "Senior", company: "Acme" }); // only a seniority word
  const none = scoreMatch(empty, [], noSkills, dictionary);
  assert.equal(none.score, 0);
  assert.equal(none.breakdown.skillCoverage, null);
  assert.equal(none.breakdown.titleCoverage, null);
  const titleOnly = scoreMatch(
    ProfileSchema.parse({ headline: "Mathematics Teacher" }),
    [],
    JobSchema.parse({ title: "Mathematics Teacher", company: "School" }),
    dictionary,
  );
  assert.equal(titleOnly.score, 100);
  assert.match(titleOnly.explanation, /the posting names no skills/);
});

Deno.test("score: evidence comes from skills, projects and the person's own text, with sources", () => {
  const evidence = candidateSkills(backend.profile, backend.projects, dictionary);
  assert.deepEqual(evidence.get("opentelemetry")?.sources, ["work: Northwind Payments"]);
  assert.deepEqual(evidence.get("react")?.sources, ["project: Allotment Planner"]);
  assert.deepEqual(evidence.get("postgresql")?.sources, [
    "skills",
    "summary",
    "work: Northwind Payments",
    "project: ledgerlite",
    "project: pg-queue-bench",
  ]);
  // Roles wanted are not roles held.
  assert.equal(candidateTitleTerms(backend.profile, backend.projects).has("staff"), false);
  assert.ok(candidateTitleTerms(changer.profile, changer.projects).has("developer"));
});

Deno.test("ranking: highlights by relevance, explained by skills and words", () => {
  const analysis = analysePosting(backendJob, dictionary);
  const [northwind, brightlane, cobalt] = rankWork(backend.profile.work_experience, analysis, dictionary);
  assert.equal(northwind.highlights[0].text.startsWith("Designed an event-sourced ledger"), true);
  assert.deepEqual(northwind.highlights[0].relevance.skills, ["PostgreSQL", "Apache Kafka"]);
  assert.ok(northwind.highlights[0].relevance.terms.includes("design"));
  assert.equal(northwind.highlights[1].text.startsWith("Cut p95 latency"), true);
  // The least relevant highlight sinks to the bottom.
  assert.equal(northwind.highlights.at(-1)?.text.startsWith("Introduced OpenTelemetry"), true);
  assert.ok(northwind.relevance.score > brightlane.relevance.score);
  assert.equal(cobalt.relevance.score, 0);
  // Ties keep the person's order.
  assert.deepEqual(cobalt.highlights.map((highlight) => highlight.index), [0, 1]);
});

Deno.test("ranking: projects by relevance; featured breaks ties; irrelevant ones score 0", () => {
  const analysis = analysePosting(backendJob, dictionary);
  const ranked = rankProjects(backend.projects, analysis, dictionary);
  assert.deepEqual(ranked.map((entry) => entry.project.name), ["ledgerlite", "pg-queue-bench", "Allotment Planner"]);
  assert.equal(ranked[2].relevance.score, 0);
  const twin = (name: string, featured: boolean) =>
    ProjectSchema.parse({ name, technologies: ["Go"], is_featured: featured });
  const tie = rankProjects([twin("plain", false), twin("featured", true)], analysis, dictionary);
  assert.deepEqual(tie.map((entry) => entry.project.name), ["featured", "plain"]);
  assert.equal(tie[0].relevance.score, tie[1].relevance.score);
});

Deno.test("sections: projects lead for a career changer, experience for everyone else", () => {
  const plan = (person: typeof backend, job: typeof backendJob) => {
    const analysis = analysePosting(job, dictionary);
    return planSections({
      hasSummary: true,
      hasSkills: true,
      work: rankWork(person.profile.work_experience, analysis, dictionary),
      projects: rankProjects(person.projects, analysis, dictionary).filter((entry) => entry.relevance.score > 0),
      hasEducation: true,
    });
  };
  assert.deepEqual(plan(changer, juniorJob).order, ["summary", "skills", "projects", "work", "education"]);
  assert.match(plan(changer, juniorJob).reason, /Projects first/);
  for (const [person, job] of [[backend, backendJob], [data, dataJob], [frontend, frontendJob]] as const) {
    assert.deepEqual(plan(person, job).order, ["summary", "skills", "work", "projects", "education"], person.key);
  }
  assert.deepEqual(
    planSections({ hasSummary: false, hasSkills: false, work: [], projects: [], hasEducation: true }).order,
    ["education"],
  );
});

Deno.test("analysis is deterministic: same input, same output", () => {
  for (const person of people) {
    const first = scoreMatch(person.profile, person.projects, juniorJob, dictionary);
    const second = scoreMatch(person.profile, person.projects, juniorJob, dictionary);
    assert.deepEqual(first, second);
  }
});
