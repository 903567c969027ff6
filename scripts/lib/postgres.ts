// PostgreSQL server lifecycle for the no-Docker stack: find the system's server, run a throwaway
// cluster for tests or a persistent one for `npm start`, and always clean up after ourselves.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { projectRoot } from "./database.ts";

export const MIN_POSTGRES_MAJOR = 15;
export const SUPERUSER = "postgres";
export const SUPERUSER_PASSWORD = "postgres";

export interface PostgresBinaries {
  binDir: string;
  major: number;
}

export interface RunningServer {
  /** superuser connection string to the `postgres` database, sslmode disabled like Supabase's CLI expects */
  url: string;
  port: number;
  dataDir: string;
  major: number;
  stop(): void;
}

export class MissingPrerequisite extends Error {}

const isRoot = () => process.getuid?.() === 0;

function serverMajor(binDir: string): number | undefined {
  const postgres = join(binDir, "postgres");
  if (!existsSync(postgres)) return undefined;
  const result = spawnSync(postgres, ["--version"], { encoding: "utf8" });
  const match = /\(PostgreSQL\) (\d+)/.exec(result.stdout ?? "");
  return match ? Number(match[1]) : undefined;
}

/** Finds a PostgreSQL server >= 15: PG_BIN_DIR, then `pg_config --bindir`, then Debian's layout, then PATH. */
export function findPostgres(): PostgresBinaries {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql").filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(`/usr/lib/postgresql/${version}/bin`);
  }
  const onPath = spawnSync("sh", ["-c", "command -v postgres"], { encoding: "utf8" });
  if (onPath.status === 0) candidates.push(dirname(onPath.stdout.trim()));

  const found = candidates
    .map((binDir) => ({ binDir, major: serverMajor(binDir) }))
    .filter((c): c is PostgresBinaries => c.major !== undefined && c.major >= MIN_POSTGRES_MAJOR && existsSync(join(c.binDir, "initdb")))
    .sort((a, b) => b.major - a.major);
  if (found.length === 0) {
    throw new MissingPrerequisite(
      `No PostgreSQL server >= ${MIN_POSTGRES_MAJOR} found. Install one: apt-get install -y postgresql-15 postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl`,
    );
  }
  return found[0];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the `postgres` OS user when we are root (PostgreSQL refuses to run as root). */
function runAsServerUser(binary: string, args: string[], options: { quiet?: boolean } = {}): void {
  const [command, commandArgs] = isRoot() ? ["runuser", ["-u", SUPERUSER, "--", binary, ...args]] : [binary, args];
  const result = spawnSync(command, commandArgs, { encoding: "utf8", cwd: "/" });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(`${binary} ${args.join(" ")} failed (exit ${result.status}):\n${output}`);
  }
  if (!options.quiet && result.stdout) process.stdout.write(result.stdout);
}

function giveToServerUser(path: string): void {
  if (!isRoot()) return;
  const uid = Number(execFileSync("id", ["-u", SUPERUSER], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", SUPERUSER], { encoding: "utf8" }).trim());
  chownSync(path, uid, gid);
}

function assertServerUserCanReach(dir: string): void {
  if (!isRoot()) return;
  const probe = spawnSync("runuser", ["-u", SUPERUSER, "--", "test", "-w", dir]);
  if (probe.status !== 0) {
    throw new MissingPrerequisite(
      `The postgres OS user cannot write ${dir} (a parent folder is private). Clone the project somewhere world-traversable, or set JOBTRAIL_DATA_DIR to such a folder.`,
    );
  }
}

function initCluster(binaries: PostgresBinaries, dataDir: string): void {
  const passwordFile = join(dirname(dataDir), `.pwfile-${process.pid}`);
  writeFileSync(passwordFile, `${SUPERUSER_PASSWORD}\n`, { mode: 0o644 });
  try {
    runAsServerUser(join(binaries.binDir, "initdb"), [
      "--pgdata", dataDir,
      "--username", SUPERUSER,
      "--pwfile", passwordFile,
      "--auth-local", "trust",
      "--auth-host", "scram-sha-256",
      "--encoding", "UTF8",
      "--locale", "C.UTF-8",
      "--no-instructions",
    ], { quiet: true });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

export interface StartOptions {
  port?: number;
  /** extra `-c name=value` settings */
  settings?: Record<string, string | number>;
}

function startServer(binaries: PostgresBinaries, dataDir: string, port: number, settings: Record<string, string | number>): void {
  const options = Object.entries({
    listen_addresses: "127.0.0.1",
    port,
    unix_socket_directories: dataDir,
    max_connections: 200,
    ...settings,
  }).map(([name, value]) => `-c ${name}=${value}`).join(" ");
  runAsServerUser(join(binaries.binDir, "pg_ctl"), [
    "--pgdata", dataDir,
    "--options", options,
    "--log", join(dataDir, "server.log"),
    "--wait",
    "--timeout", "60",
    "start",
  ], { quiet: true });
}

function stopServer(binaries: PostgresBinaries, dataDir: string): void {
  if (!existsSync(join(dataDir, "postmaster.pid"))) return;
  try {
    runAsServerUser(join(binaries.binDir, "pg_ctl"), ["--pgdata", dataDir, "--mode", "fast", "--wait", "stop"], { quiet: true });
  } catch (error) {
    process.stderr.write(`warning: could not stop the server in ${dataDir}: ${(error as Error).message}\n`);
  }
}

export function connectionUrl(port: number, database = "postgres"): string {
  return `postgresql://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/${database}`;
}

const cleanups: Array<() => void> = [];
let handlersInstalled = false;

/** Runs registered cleanups once, on normal exit, on Ctrl-C/SIGTERM and on an uncaught failure. */
function onExit(cleanup: () => void): void {
  cleanups.push(cleanup);
  if (handlersInstalled) return;
  handlersInstalled = true;
  const runAll = () => {
    while (cleanups.length > 0) cleanups.pop()!();
  };
  process.on("exit", runAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      runAll();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

/** A cluster in a new temp directory on a free port, stopped and deleted when this process ends. */
export async function startThrowawayServer(options: StartOptions = {}): Promise<RunningServer> {
  const binaries = findPostgres();
  const root = mkdtempSync(join(tmpdir(), "jobtrail-pg-"));
  giveToServerUser(root);
  const dataDir = join(root, "data");
  const stop = () => {
    stopServer(binaries, dataDir);
    rmSync(root, { recursive: true, force: true });
  };
  onExit(stop);
  initCluster(binaries, dataDir);
  const port = options.port ?? await freePort();
  // Durability buys nothing in a cluster that is deleted at exit.
  startServer(binaries, dataDir, port, { fsync: "off", synchronous_commit: "off", full_page_writes: "off", ...options.settings });
  return { url: connectionUrl(port), port, dataDir, major: binaries.major, stop };
}

/** The local stack's cluster (npm start, npm run db:reset): JOBTRAIL_DATA_DIR and DB_PORT, else .jobtrail/postgres on 54322. */
export function startLocalServer(): Promise<RunningServer & { created: boolean }> {
  const dataDir = process.env.JOBTRAIL_DATA_DIR ?? join(projectRoot, ".jobtrail", "postgres");
  return startPersistentServer(dataDir, { port: Number(process.env.DB_PORT ?? 54322) });
}

/** A cluster kept in `dataDir` between runs (the local stack); stopped, not deleted, when this process ends. */
export async function startPersistentServer(dataDir: string, options: StartOptions = {}): Promise<RunningServer & { created: boolean }> {
  const binaries = findPostgres();
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  giveToServerUser(parent);
  assertServerUserCanReach(parent);
  const created = !existsSync(join(dataDir, "PG_VERSION"));
  if (created) initCluster(binaries, dataDir);
  const port = options.port ?? 54322;
  const stop = () => stopServer(binaries, dataDir);
  onExit(stop);
  // A previous run killed with SIGKILL leaves its server up: stop it and start with our settings.
  stopServer(binaries, dataDir);
  startServer(binaries, dataDir, port, options.settings ?? {});
  return { url: connectionUrl(port), port, dataDir, major: binaries.major, stop, created };
}
