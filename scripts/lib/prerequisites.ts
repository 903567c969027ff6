// System packages the no-Docker stack needs, found or installed (root with apt) or named in one line.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { findPostgres, MissingPrerequisite } from "./postgres.ts";

const DEFAULT_MAJOR = 15;

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

function missing(major: number | undefined): string[] {
  const wanted: string[] = [];
  const m = major ?? DEFAULT_MAJOR;
  if (major === undefined) wanted.push(`postgresql-${m}`);
  if (!existsSync(`/usr/share/postgresql/${m}/extension/pgtap.control`)) wanted.push(`postgresql-${m}-pgtap`);
  if (!has("pg_prove")) wanted.push("libtap-parser-sourcehandler-pgtap-perl");
  if (!existsSync(`/usr/share/postgresql/${m}/extension/plpgsql_check.control`)) wanted.push(`postgresql-${m}-plpgsql-check`);
  return wanted;
}

function serverMajor(): number | undefined {
  try {
    return findPostgres().major;
  } catch (error) {
    if (error instanceof MissingPrerequisite) return undefined;
    throw error;
  }
}

/** Makes sure PostgreSQL, pgTAP, pg_prove and plpgsql_check are present; installs them when root with apt. */
export function ensureSystemPackages(log: (line: string) => void = console.log): void {
  const wanted = missing(serverMajor());
  if (wanted.length === 0) return;
  const command = `apt-get install -y ${wanted.join(" ")}`;
  if (process.getuid?.() !== 0 || !has("apt-get")) {
    throw new MissingPrerequisite(`Missing system packages. Install them: ${command}`);
  }
  log(`installing ${wanted.join(", ")} with apt-get`);
  // Debian's server package would otherwise create and start a cluster of its own on port 5432.
  spawnSync("sh", ["-c", "mkdir -p /etc/postgresql-common && grep -q '^create_main_cluster' /etc/postgresql-common/createcluster.conf 2>/dev/null || echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf"]);
  for (const step of [["update", "-qq"], ["install", "-y", "-qq", "--no-install-recommends", ...wanted]]) {
    const result = spawnSync("apt-get", step, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) throw new MissingPrerequisite(`apt-get ${step[0]} failed. Install them yourself: ${command}`);
  }
}
