// Database access for functions: one transaction per request, run as the caller exactly as
// PostgREST would (`role` and `request.jwt.claims` set locally), so RLS applies unchanged.
import pg from "pg";
import type { Caller } from "./auth.ts";
import { noteCaller } from "./log.ts";

export type Tx = Pick<pg.PoolClient, "query">;

let pool: pg.Pool | undefined;

function getPool(): pg.Pool {
  if (!pool) {
    const connectionString = Deno.env.get("SUPABASE_DB_URL");
    if (!connectionString) throw new Error("SUPABASE_DB_URL is not set");
    pool = new pg.Pool({
      connectionString,
      max: Number(Deno.env.get("DB_POOL_MAX") ?? "5"),
      idleTimeoutMillis: 10_000,
    });
  }
  return pool;
}

/** Runs `work` in one transaction as the caller; commits on success, rolls back on any throw. */
export async function withCaller<T>(caller: Caller, work: (tx: Tx) => Promise<T>): Promise<T> {
  // A user established without a JWT (the calendar's feed token) reaches the request log here.
  if (caller.userId) noteCaller(caller);
  const client = await getPool().connect();
  try {
    await client.query("begin");
    await client.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
      caller.role,
      JSON.stringify(caller.claims),
    ]);
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Closes the pool (tests and the local server's shutdown). */
export async function closePool(): Promise<void> {
  await pool?.end();
  pool = undefined;
}
