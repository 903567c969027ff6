import assert from "node:assert/strict";
import fc from "fast-check";
import { scoreMatch } from "./analysis.ts";
import { fixtureDictionary as dictionary } from "./fixtures/dictionary.ts";
import { backendJob, dataJob, jobs, juniorJob, productJob } from "./fixtures/jobs.ts";
import { backend, changer, people, product } from "./fixtures/profiles.ts";
import { checkGrounding, documentText, factsFromProfile } from "./grounding.ts";
import { ResumeSchema } from "./resume.ts";
import { JobSchema, ProfileSchema } from "./rows.ts";
import { type CoverLetterDraft, draftCoverLetter, tailorCv, type TailoredCv, type TailorOptions } from "./tailor.ts";
import { wordCount } from "./text.ts";

function tailored(person: typeof backend, job: typeof backendJob, options: TailorOptions = {}): TailoredCv {
  const result = tailorCv(person.profile, person.projects, job, dictionary, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

Deno.test("tailorCv: experience stays reverse-chronological, highlights are reordered and trimmed", () => {
  const cv = tailored(backend, backendJob);
  const work = cv.resume.work ?? [];
  assert.deepEqual(work.map((entry) => entry.name), ["Northwind Payments", "Brightlane Logistics", "Cobalt Digital"]);
  assert.equal(work[0].highlights?.length, 4);
  assert.match(work[0].highlights?.[0] ?? "", /^Designed an event-sourced ledger/);
  assert.match(work[0].highlights?.[1] ?? "", /^Cut p95 latency/);
  // The least relevant of five is left out, and the explanation says so.
  assert.equal(work[0].highlights?.some((text) => text.startsWith("Introduced OpenTelemetry")), false);
  assert.equal(cv.explanation.work[0].left_out, 1);
  // Nothing matches at Cobalt Digital: the role keeps its first two highlights in the person's order.
  assert.deepEqual(work[2].highlights, backend.profile.work_experience[2].highlights);
});

Deno.test("tailorCv: relevant projects only, most relevant first", () => {
  const cv = tailored(backend, backendJob);
  assert.deepEqual(cv.resume.projects?.map((project) => project.name), ["ledgerlite", "pg-queue-bench"]);
  assert.deepEqual(
    cv.explanation.projects.map((project) => [project.name, project.selected]),
    [["ledgerlite", true], ["pg-queue-bench", true], ["Allotment Planner", false]],
  );
  // The repository stands in for a missing project site.
  assert.equal(cv.resume.projects?.[1].url, "https://github.com/mayaokafor/pg-queue-bench");
});

Deno.test("tailorCv: skills matched first, in the posting's spelling, then the person's own list", () => {
  const cv = tailored(backend, backendJob);
  assert.deepEqual(cv.resume.skills?.map((skill) => skill.name), [
    "Go",
    "PostgreSQL",
    "Kafka",
    "Kubernetes",
    "Terraform",
    "gRPC",
    "Prometheus",
    "OpenTelemetry",
    "Python",
    "Docker",
    "REST APIs",
    "Redis",
    "Linux",
  ]);
  // A tight cap never drops a matched skill.
  const capped = tailored(backend, backendJob, { maxSkills: 3 });
  assert.equal(capped.resume.skills?.length, 8);
});

Deno.test("tailorCv: a career changer's projects lead; the teaching years stay", () => {
  const cv = tailored(changer, juniorJob);
  assert.deepEqual(cv.sections, ["summary", "skills", "projects", "work", "education"]);
  assert.equal(cv.resume.projects?.[0].name, "Gradebook");
  assert.equal(cv.resume.work?.[0].name, "Hillcrest Academy");
  assert.ok(cv.score.score >= 80);
});

Deno.test("tailorCv: options bound the document and are validated", () => {
  const lean = tailored(backend, backendJob, { maxHighlightsPerRole: 1, maxProjects: 0 });
  for (const entry of lean.resume.work ?? []) assert.ok((entry.highlights?.length ?? 0) <= 1);
  assert.equal(lean.resume.projects, undefined);
  assert.equal(lean.sections.includes("projects"), false);
  for (const options of [{ maxProjects: -1 }, { maxSkills: 0 }, { colour: "blue" }] as unknown as TailorOptions[]) {
    const result = tailorCv(backend.profile, backend.projects, backendJob, dictionary, options);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, "validation_failed");
  }
});

Deno.test("tailorCv: an empty profile still yields a valid, empty CV", () => {
  const empty = ProfileSchema.parse({ full_name: "New User" });
  const result = tailorCv(empty, [], dataJob, dictionary);
  assert.ok(result.ok);
  assert.deepEqual(result.value.sections, []);
  assert.equal(result.value.score.score, 0);
  assert.deepEqual(result.value.resume.basics, { name: "New User" });
});

Deno.test("tailorCv: every person x posting gives valid JSON Resume, grounded, reusing only their words", () => {
  for (const person of people) {
    const highlights = new Set(person.profile.work_experience.flatMap((entry) => entry.highlights ?? []));
    for (const job of jobs) {
      const cv = tailored(person, job);
      assert.ok(ResumeSchema.safeParse(cv.resume).success);
      for (const entry of cv.resume.work ?? []) {
        for (const text of entry.highlights ?? []) assert.ok(highlights.has(text), `${person.key}: ${text}`);
      }
      const facts = factsFromProfile(person.profile, person.projects, dictionary);
      const grounding = checkGrounding(documentText(cv.resume), facts);
      assert.deepEqual(grounding.unsupported, [], `${person.key} x ${job.title}`);
    }
  }
});

Deno.test("tailorCv: deterministic and plain data (same input, same JSON)", () => {
  for (const person of people) {
    for (const job of jobs) {
      const first = tailored(person, job);
      assert.deepEqual(tailored(person, job), first);
      assert.deepEqual(JSON.parse(JSON.stringify(first)), first);
    }
  }
});

function letter(
  person: typeof backend,
  job: typeof backendJob,
  tone: "formal" | "warm" | "concise",
  maxWords = 300,
): CoverLetterDraft {
  const score = scoreMatch(person.profile, person.projects, job, dictionary);
  const result = draftCoverLetter(person.profile, job, score, { tone, maxWords }, {
    projects: person.projects,
    dictionary,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

Deno.test("cover letter: tone changes the voice, facts stay the person's", () => {
  const formal = letter(backend, backendJob, "formal").text;
  const warm = letter(backend, backendJob, "warm").text;
  const concise = letter(backend, backendJob, "concise").text;
  assert.match(formal, /^Dear Acme Pay hiring team,\n\nI am writing to apply for the Senior Backend Engineer \(Go\)/);
  assert.match(formal, /I currently work as Senior Backend Engineer at Northwind Payments\./);
  assert.match(formal, /My experience with Go, PostgreSQL, Kafka and Kubernetes/);
  assert.match(formal, /Yours sincerely,\nMaya Okafor$/);
  assert.match(warm, /^Hello Acme Pay team,/);
  assert.match(warm, /Warm regards,\nMaya Okafor$/);
  assert.match(concise, /^Dear Acme Pay team,/);
  assert.match(concise, /Relevant skills: Go, PostgreSQL, Kafka and Kubernetes\./);
  assert.ok(wordCount(concise) < wordCount(formal));
  // Highlights are quoted verbatim, never paraphrased.
  assert.ok(formal.includes(backend.profile.work_experience[0].highlights?.[2] ?? "missing"));
  // A skill the person lacks (AWS) is never claimed.
  assert.equal(/\bAWS\b/.test(formal + warm + concise), false);
});

Deno.test("cover letter: a career changer's letter names the teaching role honestly", () => {
  const text = letter(changer, juniorJob, "formal").text;
  assert.match(text, /Most recently, I worked as Mathematics Teacher at Hillcrest Academy\./);
  assert.match(text, /My project Gradebook is relevant too/);
});

Deno.test("cover letter (property): within the word limit and grounded, for every tone and limit", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...people),
      fc.constantFrom(...jobs),
      fc.constantFrom("formal" as const, "warm" as const, "concise" as const),
      fc.integer({ min: 50, max: 1000 }),
      (person, job, tone, maxWords) => {
        const draft = letter(person, job, tone, maxWords);
        assert.ok(draft.wordCount <= (tone === "concise" ? Math.min(maxWords, 150) : maxWords));
        assert.equal(draft.wordCount, wordCount(draft.text));
        const facts = factsFromProfile(person.profile, person.projects, dictionary, { job });
        assert.deepEqual(checkGrounding(draft.text, facts).unsupported, []);
      },
    ),
    { numRuns: 150 },
  );
});

Deno.test("cover letter: an absurdly long title still fits the limit", () => {
  const job = JobSchema.parse({ title: Array(70).fill("QA").join(" "), company: "Acme" });
  const draft = letter(product, job, "formal", 50);
  assert.ok(draft.wordCount <= 50);
  assert.match(draft.text, /^Dear Acme hiring team,|^Dear hiring team,/);
});

Deno.test("cover letter: options are validated; no work history is fine", () => {
  const score = scoreMatch(product.profile, product.projects, productJob, dictionary);
  for (const options of [{ maxWords: 20 }, { maxWords: 5000 }, { tone: "angry" }]) {
    const result = draftCoverLetter(product.profile, productJob, score, options as never);
    assert.equal(result.ok, false);
  }
  const blank = ProfileSchema.parse({ full_name: "Sam" });
  const result = draftCoverLetter(blank, productJob, scoreMatch(blank, [], productJob, dictionary));
  assert.ok(result.ok);
  assert.match(result.value.text, /^Dear Lumo Travel hiring team,/);
  assert.match(result.value.text, /Sam$/);
});
