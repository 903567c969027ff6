// Deno side of the tailoring benchmark: the deterministic engine exactly as generate-cv runs it
// (tailor the CV, render Markdown and HTML, draft the cover letter), no network and no database.
// Prints one JSON line of per-document timings for bench/suites/tailoring/index.ts.
import { fixtureDictionary } from "../../../supabase/functions/_shared/tailoring/fixtures/dictionary.ts";
import { jobs } from "../../../supabase/functions/_shared/tailoring/fixtures/jobs.ts";
import { people } from "../../../supabase/functions/_shared/tailoring/fixtures/profiles.ts";
import { renderCv } from "../../../supabase/functions/_shared/tailoring/render.ts";
import { draftCoverLetter, tailorCv } from "../../../supabase/functions/_shared/tailoring/tailor.ts";

const iterations = Number(Deno.args[0] ?? "1000");
const warmup = 50;
const cv: number[] = [];
const letter: number[] = [];

for (let i = 0; i < iterations + warmup; i++) {
  const person = people[i % people.length];
  const job = jobs[Math.floor(i / people.length) % jobs.length];
  const started = performance.now();
  const tailored = tailorCv(person.profile, person.projects, job, fixtureDictionary);
  if (!tailored.ok) throw new Error(tailored.error.message);
  const markdown = renderCv(tailored.value.resume, { format: "markdown", sections: tailored.value.sections });
  const html = renderCv(tailored.value.resume, { format: "html", sections: tailored.value.sections });
  if (!markdown.ok || !html.ok) throw new Error("render failed");
  const cvDone = performance.now();
  const drafted = draftCoverLetter(person.profile, job, tailored.value.score, { tone: "formal" });
  if (!drafted.ok) throw new Error(drafted.error.message);
  const letterDone = performance.now();
  if (i >= warmup) {
    cv.push(cvDone - started);
    letter.push(letterDone - cvDone);
  }
}
console.log(JSON.stringify({ cv, letter, pairs: people.length * jobs.length }));
