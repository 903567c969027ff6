// Latency of deterministic CV generation (design target: p95 <= 50 ms per CV, excluding network):
// the whole handler (JWT check, the transaction reading profile, projects, posting, template and
// skill dictionary, tailoring, Markdown and HTML rendering, the versioned insert) called with
// Request objects, so no HTTP, against the test database. Opt-in, as it takes a few seconds:
//
//   MEASURE_GENERATE_CV=200 npm test
import assert from "node:assert/strict";
import { closePool } from "../_shared/db.ts";
import { deleteUser, request } from "../_shared/testing.ts";
import { handler } from "./handler.ts";
import { createCandidate, createJob, generationLimit, setGenerationLimit } from "../_shared/generation_fixtures.ts";

const runs = Number(Deno.env.get("MEASURE_GENERATE_CV") ?? "0");

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

Deno.test({
  name: `generate-cv latency: deterministic handler, ${runs || "n"} sequential calls`,
  ignore: !(runs > 0),
  async fn() {
    const originalLimit = await generationLimit();
    await setGenerationLimit(runs + 100);
    const user = await createCandidate();
    try {
      const jobId = await createJob();
      const call = async () => {
        const response = await handler(
          request("generate-cv", { method: "POST", token: user.token, json: { job_id: jobId } }),
        );
        assert.equal(response.status, 201);
        await response.arrayBuffer();
      };
      for (let warm = 0; warm < 10; warm++) await call();
      const timings: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        await call();
        timings.push(performance.now() - started);
      }
      const sorted = [...timings].sort((a, b) => a - b);
      const summary = {
        runs,
        p50_ms: +percentile(sorted, 50).toFixed(1),
        p95_ms: +percentile(sorted, 95).toFixed(1),
        p99_ms: +percentile(sorted, 99).toFixed(1),
        max_ms: +sorted[sorted.length - 1].toFixed(1),
      };
      console.log(`generate-cv deterministic handler latency: ${JSON.stringify(summary)}`);
      assert.ok(summary.p95_ms <= 50, `p95 ${summary.p95_ms} ms exceeds the 50 ms target`);
    } finally {
      await setGenerationLimit(originalLimit);
      await deleteUser(user);
      await closePool();
    }
  },
});
