// Deno from the `deno` npm package, with the environment it needs here.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns, type StdioOptions } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "./database.ts";
import { LOCAL_JWT_SECRET } from "./keys.ts";

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

export interface FunctionsServerOptions {
  dbUrl: string;
  port: number;
  /** The API keys the stack hands out (functions see them as Supabase's edge runtime sets them). */
  keys: { anon: string; serviceRole: string };
  /** More environment, e.g. DB_POOL_MAX or REQUEST_LOG. */
  env?: Record<string, string>;
  stdio?: StdioOptions;
}

/** The local functions server (supabase/functions/_dev/serve.ts), with the environment the edge runtime gives functions. */
export function spawnFunctionsServer(options: FunctionsServerOptions): ChildProcess {
  return spawn(denoBin, ["run", "--allow-all", "--config", functionsConfig, "supabase/functions/_dev/serve.ts"], {
    cwd: projectRoot,
    stdio: options.stdio ?? "inherit",
    env: denoEnv({
      SUPABASE_DB_URL: options.dbUrl,
      SUPABASE_URL: `http://127.0.0.1:${options.port}`,
      SUPABASE_ANON_KEY: options.keys.anon,
      SUPABASE_SERVICE_ROLE_KEY: options.keys.serviceRole,
      JWT_SECRET: LOCAL_JWT_SECRET,
      FUNCTIONS_PORT: String(options.port),
      ...options.env,
    }),
  });
}
