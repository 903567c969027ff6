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

/**
 * Resolves once the functions server at `baseUrl` (…/functions/v1) answers: GET /me without a token
 * is a 401. The first start compiles for a while. Rejects when `exited()` reports the process gone,
 * or after `timeoutMs`.
 */
export async function waitForFunctionsServer(
  baseUrl: string,
  options: { exited?: () => number | null | undefined; timeoutMs?: number } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const code = options.exited?.();
    if (code !== undefined) throw new Error(`the functions server exited (${code})`);
    try {
      const response = await fetch(`${baseUrl}/me`);
      await response.body?.cancel();
      if (response.status === 401) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the functions server did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
