// Brings a database to the state `supabase db reset` would: platform (shim where needed),
// migrations applied by the Supabase CLI itself, then the seed.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

export const projectRoot = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const supabaseCli = join(projectRoot, "node_modules", ".bin", "supabase");

export class CommandFailed extends Error {}

/** The Supabase CLI insists on an explicit sslmode for plain local servers. */
export function withSslDisabled(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has("sslmode")) parsed.searchParams.set("sslmode", "disable");
  return parsed.toString();
}

export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Drops (even while in use) and creates database `name` on the server at `serverUrl`; returns its URL. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name` (even while in use) on the server at `serverUrl`; for cleanup, so it never throws. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await query(serverUrl, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`).catch(() => {});
}

/** Applies the platform shim unless the target is a real Supabase database (it already has `auth`). */
export async function ensurePlatform(url: string): Promise<"applied" | "skipped"> {
  const [{ present }] = await query<{ present: boolean }>(url, "select exists (select from pg_namespace where nspname = 'auth') as present");
  if (present) return "skipped";
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(readFileSync(join(projectRoot, "scripts", "sql", "platform-shim.sql"), "utf8"));
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return "applied";
}

export function runSupabase(args: string[], options: { quiet?: boolean } = {}): string {
  const result = spawnSync(supabaseCli, args, { cwd: projectRoot, encoding: "utf8", env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1" } });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) throw new CommandFailed(`supabase ${args[0]} ${args[1] ?? ""} failed:\n${output.trim()}`);
  if (!options.quiet) process.stdout.write(output);
  return output;
}

/** The Supabase CLI without blocking (so slow CLI starts can overlap); resolves with its exit status. */
export function runSupabaseAsync(args: string[], options: { cwd?: string } = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(supabaseCli, args, {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

/** `supabase migration up`: applies pending files in order and records them as on the platform. */
export function migrateUp(url: string, options: { quiet?: boolean } = {}): string {
  return runSupabase(["migration", "up", "--db-url", withSslDisabled(url), "--include-all"], options);
}

export function runPsqlFile(url: string, file: string): void {
  const result = spawnSync("psql", ["--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--dbname", url, "--file", file], {
    encoding: "utf8",
  });
  if (result.status !== 0) throw new CommandFailed(`psql ${file} failed:\n${(result.stderr || result.stdout).trim()}`);
}

export function seed(url: string): void {
  runPsqlFile(url, join(projectRoot, "supabase", "seed.sql"));
}

/** Shim + migrations + seed: what `supabase db reset` leaves behind, on any Postgres. */
export async function resetDatabase(url: string, options: { seed?: boolean; quiet?: boolean } = {}): Promise<void> {
  await ensurePlatform(url);
  migrateUp(url, { quiet: options.quiet });
  if (options.seed ?? true) seed(url);
}
