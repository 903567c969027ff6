// Benchmark database settings, and sessions that act as a signed-in user exactly the way PostgREST
// does for each request.
import pg from "pg";

/** Server settings for a 1M-posting working set on a small machine (2 cores, 24 GB). */
export const benchSettings: Record<string, string | number> = {
  shared_buffers: "4GB",
  effective_cache_size: "16GB",
  work_mem: "64MB",
  maintenance_work_mem: "2GB",
  max_wal_size: "16GB",
  checkpoint_timeout: "30min",
  random_page_cost: 1.1,
  effective_io_concurrency: 200,
  max_parallel_workers_per_gather: 2,
  max_parallel_maintenance_workers: 2,
  autovacuum: "off",
};

/** Within the open transaction, becomes `userId` as PostgREST does: role `authenticated` and the JWT's claims. */
export async function actAsUser(client: Pick<pg.ClientBase, "query">, userId: string): Promise<void> {
  await client.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
    JSON.stringify({ sub: userId, role: "authenticated", aud: "authenticated" }),
  ]);
}

/**
 * One request the PostgREST way on `client`: begin, become the user, the statement, commit (rollback
 * on error). `settings` are set for the transaction first (as PostgREST sets request.* values).
 */
export async function requestAsUser<T extends pg.QueryResultRow = pg.QueryResultRow>(
  client: Pick<pg.ClientBase, "query">,
  userId: string,
  sql: string,
  params: unknown[] = [],
  settings: Record<string, string> = {},
): Promise<T[]> {
  await client.query("begin");
  try {
    await actAsUser(client, userId);
    for (const [name, value] of Object.entries(settings)) await client.query("select set_config($1, $2, true)", [name, value]);
    const result = await client.query<T>(sql, params);
    await client.query("commit");
    return result.rows;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  }
}

/**
 * One connection that runs each request like PostgREST: a transaction that switches to the
 * `authenticated` role and sets request.jwt.claims for the user, then the statement, then commit.
 */
export class ApiSession {
  private constructor(private readonly client: pg.Client) {}

  static async open(url: string): Promise<ApiSession> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new ApiSession(client);
  }

  /** Runs `sql` as `userId` under RLS and returns its rows. */
  asUser<T extends pg.QueryResultRow = pg.QueryResultRow>(
    userId: string,
    sql: string,
    params: unknown[] = [],
    settings: Record<string, string> = {},
  ): Promise<T[]> {
    return requestAsUser<T>(this.client, userId, sql, params, settings);
  }

  /**
   * Runs `sql` as `userId` with auto_explain capturing every nested statement's
   * EXPLAIN (ANALYZE, BUFFERS): the plans inside the RPC, which a plain EXPLAIN cannot show.
   */
  async explainAsUser(userId: string, sql: string, params: unknown[] = []): Promise<string[]> {
    const plans: string[] = [];
    // Only statements that took at least half a millisecond: the plans that matter, not the
    // helper calls around them.
    const listener = (message: { severity?: string; message?: string }) => {
      const duration = Number(/^duration: ([\d.]+) ms/.exec(message.message ?? "")?.[1] ?? 0);
      if (message.severity === "LOG" && message.message?.includes("plan:") && duration >= 0.5) plans.push(message.message!);
    };
    this.client.on("notice", listener);
    try {
      await this.client.query("load 'auto_explain'");
      await this.client.query("begin");
      await this.client.query(`
        select set_config('auto_explain.log_min_duration', '0', true), set_config('auto_explain.log_analyze', 'on', true),
               set_config('auto_explain.log_buffers', 'on', true), set_config('auto_explain.log_nested_statements', 'on', true),
               set_config('auto_explain.log_timing', 'on', true), set_config('client_min_messages', 'log', true)`);
      await actAsUser(this.client, userId);
      await this.client.query(sql, params);
      await this.client.query("rollback");
    } finally {
      this.client.off("notice", listener);
    }
    return plans;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
