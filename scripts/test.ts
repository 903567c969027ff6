// npm test: every test, in order, on a throwaway database (or the one given by --db-url):
// shim + migrations + seed, pgTAP (pg_prove), Deno tests of the functions, static checks, the
// types drift check and a small-scale run of the search benchmark with its correctness check.
// Exits non-zero on any failure and ends with one summary line.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dbUrlArgument, formatSeconds } from "./lib/cli.ts";
import { dropDatabase, freshDatabase, projectRoot, resetDatabase } from "./lib/database.ts";
import { functionsConfig, runDeno } from "./lib/deno.ts";
import { LOCAL_JWT_SECRET } from "./lib/keys.ts";
import { runLintDb } from "./lib/lint-db.ts";
import { checkMigrationSafety, checkMigrationSafetyInBackground } from "./lib/migration-safety.ts";
import { startThrowawayServer } from "./lib/postgres.ts";
import { ensureSystemPackages } from "./lib/prerequisites.ts";
import { generateTypes, typesFile } from "./lib/types.ts";

interface StepOutcome {
  passed: number;
  failed: number;
  note?: string;
}

interface Step {
  name: string;
  run(url: string): Promise<StepOutcome> | StepOutcome;
}

function show(output: string): void {
  if (output.trim()) process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
}

const pgTap: Step = {
  name: "pgTAP (pg_prove)",
  run(url) {
    // Exactly what `supabase test db` runs: every .sql/.pg file under supabase/tests.
    const target = new URL(url);
    const connection = ["--host", target.hostname, "--port", target.port || "5432", "--username", decodeURIComponent(target.username), "--dbname", target.pathname.slice(1)];
    const result = spawnSync("pg_prove", [...connection, "--ext", ".sql", "--ext", ".pg", "--recurse", "--failures", "supabase/tests"], {
      cwd: projectRoot,
      encoding: "utf8",
      env: { ...process.env, PGPASSWORD: decodeURIComponent(target.password), PGOPTIONS: "--client-min-messages=warning" },
    });
    const output = `${result.stdout}${result.stderr}`;
    show(output);
    const total = Number(/Tests=(\d+)/.exec(output)?.[1] ?? 0);
    const failed = [...output.matchAll(/Failed (\d+)\/\d+ subtests/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const broken = result.status !== 0 && failed === 0 ? 1 : 0;
    return { passed: total - failed, failed: failed + broken, note: `${total} assertions` };
  },
};

// npm run lint:db: advisors, plpgsql_check and the project's checks with their self-tests.
const lintDb: Step = {
  name: "lint:db (advisors, plpgsql_check, checks)",
  async run(url) {
    const report = await runLintDb(url);
    for (const line of report.lines) console.log(line);
    const ran = report.sections.reduce((sum, section) => sum + section.ran, 0);
    return { passed: Math.max(0, ran - report.failures), failed: report.failures, note: report.note };
  },
};

// Builds its own scratch database, so main() starts it early in a child process and it overlaps the
// steps before it.
let migrationSafetyRun: ReturnType<typeof checkMigrationSafety> | undefined;
const migrationSafety: Step = {
  name: "newest migration over seeded older schema",
  async run(url) {
    const result = await (migrationSafetyRun ??= checkMigrationSafety(url));
    for (const line of result.lines) console.log(line);
    if (result.status === "failed") return { passed: 0, failed: 1 };
    return { passed: 1, failed: 0, note: result.status === "skipped" ? "skipped, see above" : undefined };
  },
};

const denoTests: Step = {
  name: "Deno tests (functions)",
  run(url) {
    const result = runDeno(["test", "--allow-all", "--config", functionsConfig, "supabase/functions"], {
      SUPABASE_DB_URL: url,
      TEST_ADMIN_DB_URL: url,
      JWT_SECRET: LOCAL_JWT_SECRET,
      SUPABASE_URL: "http://127.0.0.1:54321",
      NO_COLOR: "1",
      REQUEST_LOG: "off",
    });
    const output = `${result.stdout}${result.stderr}`;
    show(output);
    // "ok | 8 passed (9 steps) | 0 failed": tests and their steps both count.
    const summary = /(ok|FAILED) \| (\d+) passed(?: \((\d+) steps?\))? \| (\d+) failed(?: \((\d+) steps?\))?/.exec(output);
    if (!summary) return { passed: 0, failed: 1, note: "deno test printed no summary" };
    const [passed, passedSteps, failed, failedSteps] = [summary[2], summary[3], summary[4], summary[5]].map((n) => Number(n ?? 0));
    const crashed = result.status !== 0 && failed + failedSteps === 0 ? 1 : 0;
    return { passed: passed + passedSteps, failed: failed + failedSteps + crashed, note: `${passed} tests, ${passedSteps} steps` };
  },
};

function check(name: string, command: () => { status: number | null; output: string }): Step {
  return {
    name,
    run() {
      const { status, output } = command();
      if (status !== 0) show(output);
      return status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
    },
  };
}

const denoLint = check("deno lint + fmt --check", () => {
  const lint = runDeno(["lint", "--config", functionsConfig, "supabase/functions"]);
  const fmt = runDeno(["fmt", "--check", "--config", functionsConfig, "supabase/functions"]);
  return { status: (lint.status ?? 1) || (fmt.status ?? 1), output: `${lint.stdout}${lint.stderr}${fmt.stdout}${fmt.stderr}` };
});

const denoCheck = check("deno check (functions)", () => {
  // The tailoring benchmark's Deno half is checked with the functions it measures.
  const result = runDeno(["check", "--config", functionsConfig, "supabase/functions", "bench/suites/tailoring/measure.ts"]);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
});

const typescript = check("tsc --noEmit (scripts, README snippet)", () => {
  const result = spawnSync(join(projectRoot, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "tsconfig.json"], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
});

const typesDrift: Step = {
  name: "types/database.ts matches the schema",
  async run(url) {
    const generated = await generateTypes(url);
    const committed = readFileSync(typesFile, "utf8");
    if (generated === committed) return { passed: 1, failed: 0 };
    console.log("types/database.ts is out of date: run `npm run gen:types` and commit the result.");
    return { passed: 0, failed: 1 };
  },
};

// The search benchmark at 1% scale (10,000 postings) in a scratch database on the same server:
// the benchmark's code keeps working, and its correctness check holds on realistic data: every
// question gets the same pages whichever way search_jobs finds its pool. Its timings are printed,
// not judged (targets are for `npm run bench` at full scale).
const benchSmoke: Step = {
  name: "bench smoke (search suite, 1% scale)",
  async run(url) {
    const scratch = await freshDatabase(url, "jobtrail_bench_smoke");
    try {
      const result = spawnSync(
        join(projectRoot, "node_modules", ".bin", "tsx"),
        ["bench/run.ts", "--suite", "search", "--scale", "0.01", "--rounds", "1", "--match-users", "20", "--db-url", scratch],
        { cwd: projectRoot, encoding: "utf8" },
      );
      const output = `${result.stdout}${result.stderr}`;
      show(output.split("\n").filter((line) => /^(ok|FAILED|met|MISSED) /.test(line) || /error/i.test(line)).join("\n"));
      const passed = (output.match(/^ok {4}/gm) ?? []).length;
      const failed = (output.match(/^FAILED /gm) ?? []).length;
      if (result.status !== 0 && failed === 0) {
        show(output);
        return { passed, failed: 1 };
      }
      return { passed, failed, note: "10,000 postings" };
    } finally {
      await dropDatabase(url, "jobtrail_bench_smoke");
    }
  },
};

const steps: Step[] = [pgTap, lintDb, migrationSafety, denoTests, denoCheck, denoLint, typescript, typesDrift, benchSmoke];

async function main(): Promise<number> {
  const started = Date.now();
  ensureSystemPackages();
  const given = dbUrlArgument();
  let url = given;
  if (url) {
    console.log("== database: using the given --db-url / SUPABASE_DB_URL");
    await resetDatabase(url, { seed: false, quiet: true });
  } else {
    const server = await startThrowawayServer();
    url = server.url;
    console.log(`== database: throwaway PostgreSQL ${server.major} on port ${server.port}`);
    await resetDatabase(url, { quiet: true });
  }
  console.log(`== reset: shim + migrations + seed in ${formatSeconds(Date.now() - started)}`);
  // It creates and drops a scratch database: only on our own throwaway server, never on a --db-url target.
  migrationSafetyRun = given
    ? Promise.resolve({ status: "skipped", lines: ["skipped: needs a scratch database, so it runs only on npm test's own throwaway server"] })
    : checkMigrationSafetyInBackground(url);

  const rows: Array<{ name: string; outcome: StepOutcome; ms: number }> = [];
  for (const step of steps) {
    console.log(`\n== ${step.name}`);
    const stepStart = Date.now();
    let outcome: StepOutcome;
    try {
      outcome = await step.run(url);
    } catch (error) {
      console.log(String(error instanceof Error ? error.stack ?? error.message : error));
      outcome = { passed: 0, failed: 1, note: "crashed" };
    }
    rows.push({ name: step.name, outcome, ms: Date.now() - stepStart });
  }

  console.log("\n== summary");
  for (const { name, outcome, ms } of rows) {
    const mark = outcome.failed === 0 ? "ok  " : "FAIL";
    console.log(`${mark} ${name.padEnd(42)} ${String(outcome.passed).padStart(5)} passed ${String(outcome.failed).padStart(3)} failed  ${formatSeconds(ms).padStart(7)}${outcome.note ? `  (${outcome.note})` : ""}`);
  }
  const passed = rows.reduce((sum, row) => sum + row.outcome.passed, 0);
  const failed = rows.reduce((sum, row) => sum + row.outcome.failed, 0);
  console.log(`\nin ${formatSeconds(Date.now() - started)}`);
  console.log(`jobtrail: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    console.log("jobtrail: 0 passed, 1 failed");
    process.exit(1);
  },
);
