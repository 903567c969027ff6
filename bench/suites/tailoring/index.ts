// Deterministic CV generation (issue 7 target: p95 <= 50 ms per CV, excluding network): the
// tailoring engine over five fixture people x six postings, run by Deno as the functions run it.
import { join } from "node:path";
import { projectRoot } from "../../../scripts/lib/database.ts";
import { functionsConfig, runDeno } from "../../../scripts/lib/deno.ts";
import { summarize } from "../../lib/stats.ts";
import { type Suite, sized } from "../../lib/suite.ts";

const TARGET_P95_MS = 50;

export const suite: Suite = {
  name: "tailoring",
  description: "deterministic CV generation: tailor + Markdown + HTML per document, and the cover-letter draft",
  async run(_url, options) {
    const iterations = sized(options, "documents", 1_000, 50);
    options.log(`tailoring: ${iterations} documents`);
    const result = runDeno(["run", "--allow-all", "--config", functionsConfig, join(projectRoot, "bench", "suites", "tailoring", "measure.ts"), String(iterations)]);
    if (result.status !== 0) throw new Error(`tailoring benchmark failed:\n${result.stderr}`);
    const { cv, letter, pairs } = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as { cv: number[]; letter: number[]; pairs: number };
    const cvSummary = summarize(cv);
    return {
      title: `tailoring: ${iterations} documents over ${pairs} person x posting pairs (no network, no database)`,
      rows: [
        { name: "CV: tailor + render Markdown and HTML", summary: cvSummary, note: `target p95 <= ${TARGET_P95_MS} ms` },
        { name: "cover letter draft", summary: summarize(letter) },
      ],
      details: { cv: cvSummary, letter: summarize(letter) },
      targets: [{ name: "deterministic CV p95", met: cvSummary.p95 <= TARGET_P95_MS, detail: `${cvSummary.p95.toFixed(2)} ms` }],
    };
  },
};
