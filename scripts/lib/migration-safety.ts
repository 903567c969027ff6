// Migration safety: the newest migration must apply on top of a database that already holds data.
// A fresh `db reset` never shows that: there the migration runs on empty tables. So, in a scratch
// database on the same server:
//   1. the platform shim, then every migration but the newest (`supabase migration up` on a copy of
//      supabase/ whose migrations folder lacks the newest file),
//   2. supabase/seed.sql, as the demo data stood before the newest migration,
//   3. the newest migration, by the CLI again, which must succeed on those rows.
// When the seed itself needs the newest migration (it names a table or column that migration
// adds), step 2 cannot run on the older schema: that is reported as a skip with the reason, not as
// a failure. The scratch database and the copy are removed afterwards.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CommandFailed, dropDatabase, ensurePlatform, freshDatabase, projectRoot, query, runPsqlFile, runSupabaseAsync, withSslDisabled } from "./database.ts";

export interface MigrationSafetyResult {
  status: "passed" | "failed" | "skipped";
  lines: string[];
}

const migrationsDirectory = join(projectRoot, "supabase", "migrations");

async function migrateUp(url: string, workdir: string): Promise<void> {
  const { status, output } = await runSupabaseAsync(
    ["migration", "up", "--db-url", withSslDisabled(url), "--include-all", "--workdir", workdir],
    { cwd: workdir },
  );
  if (status !== 0) throw new CommandFailed(output.trim());
}

/** Exact row counts of the public tables, to show what the newest migration did to existing rows. */
async function rowCounts(url: string): Promise<Map<string, number>> {
  const rows = await query<{ name: string; n: string }>(
    url,
    `select c.oid::regclass::text as name,
            (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %s', c.oid::regclass), false, true, '')))[1]::text::bigint as n
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`,
  );
  return new Map(rows.map((row) => [row.name, Number(row.n)]));
}

export async function checkMigrationSafety(url: string): Promise<MigrationSafetyResult> {
  const lines: string[] = [];
  const migrations = readdirSync(migrationsDirectory).filter((file) => /^\d+_.+\.sql$/.test(file)).sort();
  if (migrations.length < 2) {
    return { status: "skipped", lines: ["skipped: fewer than two migrations, nothing to apply on top of older data"] };
  }
  const newest = migrations[migrations.length - 1];
  const scratchName = `jobtrail_migration_safety_${process.pid}`;
  const workdir = mkdtempSync(join(tmpdir(), "jobtrail-migration-safety-"));

  let scratchUrl: string;
  try {
    scratchUrl = await freshDatabase(url, scratchName);
  } catch (error) {
    rmSync(workdir, { recursive: true, force: true });
    return {
      status: "skipped",
      lines: [`skipped: could not create a scratch database on this server (${(error as Error).message})`],
    };
  }

  try {
    // A copy of supabase/ holding config.toml and every migration but the newest.
    const copy = join(workdir, "supabase");
    mkdirSync(join(copy, "migrations"), { recursive: true });
    cpSync(join(projectRoot, "supabase", "config.toml"), join(copy, "config.toml"));
    for (const file of migrations.slice(0, -1)) {
      cpSync(join(migrationsDirectory, file), join(copy, "migrations", file));
    }
    await ensurePlatform(scratchUrl);
    await migrateUp(scratchUrl, workdir);
    lines.push(`applied ${migrations.length - 1} migrations, up to ${migrations[migrations.length - 2]}`);

    try {
      runPsqlFile(scratchUrl, join(projectRoot, "supabase", "seed.sql"));
    } catch (error) {
      const reason = (error as Error).message.split("\n").find((line) => /ERROR/.test(line))?.trim() ??
        (error as Error).message.split("\n").slice(0, 2).join(" ");
      lines.push(
        `skipped: supabase/seed.sql does not load into the schema before ${newest}, so it needs that migration itself (${reason}).`,
        `  ${newest} was not tested on existing rows here (the other steps apply it before the seed, to empty tables).`,
      );
      return { status: "skipped", lines };
    }
    const before = await rowCounts(scratchUrl);
    const seeded = [...before.values()].reduce((sum, n) => sum + n, 0);
    lines.push(`loaded supabase/seed.sql into that schema: ${seeded} rows in ${before.size} public tables`);

    cpSync(join(migrationsDirectory, newest), join(copy, "migrations", newest));
    try {
      await migrateUp(scratchUrl, workdir);
    } catch (error) {
      lines.push(`FAIL ${newest} does not apply on top of the seeded data:`, (error as Error).message);
      lines.push("  fix: make the migration cope with existing rows (backfill before adding not null or check constraints, defaults for new required columns).");
      return { status: "failed", lines };
    }
    const after = await rowCounts(scratchUrl);
    const changed = [...before].filter(([name, n]) => after.has(name) && after.get(name) !== n)
      .map(([name, n]) => `${name} ${n} -> ${after.get(name)}`);
    lines.push(`applied ${newest} on top of the seeded data${changed.length ? `; row counts changed: ${changed.join(", ")}` : "; no existing rows lost or added"}`);
    return { status: "passed", lines };
  } catch (error) {
    lines.push(`FAIL the older schema could not be built: ${(error as Error).message}`);
    return { status: "failed", lines };
  } finally {
    rmSync(workdir, { recursive: true, force: true });
    await dropDatabase(url, scratchName);
  }
}

const exitCodes = { passed: 0, failed: 1, skipped: 3 } as const;

/** Entry point of scripts/migration-safety.ts: prints the lines, exits 0 passed, 1 failed, 3 skipped. */
export async function runMigrationSafetyCli(url: string): Promise<number> {
  const result = await checkMigrationSafety(url);
  for (const line of result.lines) console.log(line);
  return exitCodes[result.status];
}

/**
 * checkMigrationSafety in a child process, so it runs alongside whatever the caller does next, even
 * while the caller blocks in spawnSync (npm test runs pg_prove that way).
 */
export function checkMigrationSafetyInBackground(url: string): Promise<MigrationSafetyResult> {
  return new Promise((resolve) => {
    const child = spawn(join(projectRoot, "node_modules", ".bin", "tsx"), [join(projectRoot, "scripts", "migration-safety.ts"), "--db-url", url], {
      cwd: projectRoot,
      env: process.env,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ status: "failed", lines: [`FAIL could not start the check: ${error.message}`] }));
    child.on("close", (code) => {
      const lines = output.trimEnd().split("\n").filter((line) => line !== "");
      const status = code === exitCodes.passed ? "passed" : code === exitCodes.skipped ? "skipped" : "failed";
      resolve({ status, lines });
    });
  });
}
