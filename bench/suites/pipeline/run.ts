// The pipeline benchmark (issue 6 targets): the pipeline page under RLS vs a superuser baseline,
// and transition_application, over users x 100 applications (1,000,000 at scale 1).
import { resetDatabase } from "../../../scripts/lib/database.ts";
import { startThrowawayServer } from "../../../scripts/lib/postgres.ts";
import { generatePipelineData } from "./generate.ts";
import { explainPipelinePage, measurePipelinePage, measureTransitions, percentile, pickUsersAndMoves } from "./measure.ts";

export interface PipelineBenchOptions {
  scale: number;
  log(message: string): void;
}

export async function runPipelineBench(url: string, options: PipelineBenchOptions) {
  const users = Math.max(100, Math.round(10_000 * options.scale));
  options.log(`pipeline: generating ${users} users x 100 applications`);
  const data = await generatePipelineData(url, { users, applicationsPerUser: 100, jobs: Math.max(1_000, Math.round(50_000 * options.scale)), log: options.log });
  const sample = await pickUsersAndMoves(url, 550, 300);
  const page = await measurePipelinePage(url, sample.userIds, 50);
  const transitions = await measureTransitions(url, sample.moves);
  const summary = (samples: number[]) => ({
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
  });
  const rls = summary(page.rls);
  const baseline = summary(page.baseline);
  return {
    data,
    pipelinePage: { rls, baseline, rlsOverheadP95: rls.p95 / baseline.p95, rlsOverheadP50: rls.p50 / baseline.p50 },
    transition: summary(transitions),
    targets: { pipelinePageP95Ms: 5, rlsOverheadMax: 1.3, transitionP95Ms: 5 },
    explain: await explainPipelinePage(url, sample.userIds[0]),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scaleArg = process.argv.indexOf("--scale");
  const scale = scaleArg >= 0 ? Number(process.argv[scaleArg + 1]) : 1;
  const server = await startThrowawayServer({ settings: { shared_buffers: "2GB", work_mem: "32MB", effective_cache_size: "8GB", max_wal_size: "8GB", checkpoint_timeout: "30min" } });
  await resetDatabase(server.url, { seed: false, quiet: true });
  const result = await runPipelineBench(server.url, { scale, log: console.log });
  const fmt = (n: number) => n.toFixed(2);
  console.log(`\napplications: ${result.data.applications}, events: ${result.data.events}, cvs: ${result.data.cvs} (generated in ${result.data.seconds.toFixed(0)}s)`);
  console.log("query                          n     p50 ms   p95 ms   p99 ms   target");
  const row = (name: string, s: { n: number; p50: number; p95: number; p99: number }, target: string) =>
    console.log(`${name.padEnd(30)} ${String(s.n).padStart(4)} ${fmt(s.p50).padStart(8)} ${fmt(s.p95).padStart(8)} ${fmt(s.p99).padStart(8)}   ${target}`);
  row("pipeline page (RLS)", result.pipelinePage.rls, "p95 <= 5 ms");
  row("pipeline page (superuser)", result.pipelinePage.baseline, "baseline");
  row("transition_application", result.transition, "p95 <= 5 ms");
  console.log(`RLS overhead: p95 ${fmt(result.pipelinePage.rlsOverheadP95)}x, p50 ${fmt(result.pipelinePage.rlsOverheadP50)}x (target <= 1.3x)`);
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the pipeline page under RLS:\n${result.explain}`);
}
