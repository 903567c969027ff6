// npm run bench [-- --suite search] [--scale 0.01] [--postings N] [--users N] [--seed 42] [--db-url URL [--reuse]]
//
// Runs the benchmark suites in bench/suites/<name>/index.ts, each on its own freshly migrated
// database in one throwaway cluster tuned for a large working set (or on the disposable database
// given by --db-url). Prints a table per suite and writes everything to bench/results/<time>.json.
import { existsSync, readdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { freshDatabase, migrateUp, resetDatabase } from "../scripts/lib/database.ts";
import { startThrowawayServer } from "../scripts/lib/postgres.ts";
import { benchSettings } from "./lib/database.ts";
import { formatTable, writeResults } from "./lib/report.ts";
import { parseFlags, type Suite, type SuiteResult } from "./lib/suite.ts";

const suitesDir = new URL("./suites", import.meta.url).pathname;

/** Every bench/suites/<name>/index.ts that exports `suite`; other folders are skipped. */
async function loadSuites(log: (message: string) => void): Promise<Suite[]> {
  const names = readdirSync(suitesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const suites: Suite[] = [];
  for (const name of names) {
    const entry = join(suitesDir, name, "index.ts");
    if (!existsSync(entry)) {
      log(`skipping bench/suites/${name}: no index.ts exporting a suite`);
      continue;
    }
    const module = (await import(entry)) as { suite?: Suite };
    if (!module.suite) {
      log(`skipping bench/suites/${name}: index.ts exports no suite`);
      continue;
    }
    suites.push(module.suite);
  }
  return suites;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const flags = parseFlags(process.argv.slice(2));
  const log = (message: string) => console.log(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)}s] ${message}`);
  const scale = Number(flags.get("scale") ?? "1");
  if (!(scale > 0)) throw new Error("--scale must be a positive number");
  const seed = Number(flags.get("seed") ?? "42");

  const all = await loadSuites(log);
  const wanted = flags.get("suite");
  const suites = wanted ? all.filter((suite) => wanted.split(",").includes(suite.name)) : all;
  if (suites.length === 0) throw new Error(`no suite named ${wanted}; available: ${all.map((suite) => suite.name).join(", ")}`);

  const dbUrl = flags.get("db-url");
  const reuse = flags.has("reuse");
  if (reuse && !dbUrl) throw new Error("--reuse measures a database an earlier run filled: give it with --db-url");
  const notReusable = suites.filter((suite) => !suite.reusable).map((suite) => suite.name);
  if (reuse && notReusable.length > 0) throw new Error(`--reuse is not supported by: ${notReusable.join(", ")} (use --suite)`);
  let serverUrl: string | undefined;
  if (!dbUrl) {
    const server = await startThrowawayServer({ settings: benchSettings });
    serverUrl = server.url;
    log(`throwaway PostgreSQL ${server.major} on port ${server.port}; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM`);
  }

  const results: Record<string, SuiteResult> = {};
  for (const suite of suites) {
    log(`suite ${suite.name}: ${suite.description}`);
    const url = dbUrl ?? await freshDatabase(serverUrl!, `bench_${suite.name}`);
    // --reuse measures what an earlier run left in the given database, after its new migrations.
    if (reuse) migrateUp(url, { quiet: true });
    else await resetDatabase(url, { seed: false, quiet: true });
    const result = await suite.run(url, { scale, flags, seed, reuse, log });
    results[suite.name] = result;
    console.log(`\n${formatTable(result.title, result.rows)}`);
    for (const target of result.targets ?? []) console.log(`${target.met ? "met   " : "MISSED"} ${target.name}: ${target.detail}`);
    for (const check of result.checks ?? []) console.log(`${check.ok ? "ok    " : "FAILED"} ${check.name}: ${check.detail}`);
    if (result.appendix) console.log(`\n${result.appendix}`);
  }

  const file = writeResults({
    startedAt: startedAt.toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
    machine: { cores: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    settings: dbUrl ? "given database" : benchSettings,
    scale,
    seed,
    suites: results,
  }, startedAt);
  log(`results written to ${file}`);
  const failed = Object.values(results).flatMap((result) => result.checks ?? []).filter((check) => !check.ok);
  if (failed.length > 0) throw new Error(`${failed.length} correctness check(s) failed: ${failed.map((check) => check.name).join("; ")}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
