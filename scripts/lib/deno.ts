// Deno from the `deno` npm package, with the environment it needs here.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "./database.ts";

export const denoBin = join(projectRoot, "node_modules", ".bin", "deno");
export const functionsConfig = join(projectRoot, "supabase", "functions", "deno.json");

export function denoEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // npm: imports download through the system's CA store (it may hold a proxy's CA).
    DENO_TLS_CA_STORE: "system",
    DENO_NO_UPDATE_CHECK: "1",
    ...extra,
  };
}

export function runDeno(args: string[], extraEnv: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(denoBin, args, { cwd: projectRoot, encoding: "utf8", env: denoEnv(extraEnv) });
}

export function spawnDeno(args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(denoBin, args, { cwd: projectRoot, stdio: "inherit", env: denoEnv(extraEnv) });
}
