// Pipeline measurements, each asked the way a client asks it: as `authenticated` under RLS with the
// request's JWT claims set per transaction (what PostgREST does), against the same question asked
// by a superuser with an explicit user filter (the no-RLS baseline), in the same run.
import pg from "pg";
import { actAsUser } from "../../lib/database.ts";
import { timed } from "../../lib/stats.ts";

/** The pipeline page: newest 50 applications with the posting and the latest CV version. */
export const pipelinePageSql = (explicitUserFilter: boolean) => `
  select a.id, a.status, a.applied_at, a.follow_up_at, a.created_at,
         j.title, j.company, j.location, cv.id as cv_id, cv.version as cv_version, cv.match_score
    from public.applications a
    join public.jobs j on j.id = a.job_id
    left join lateral (
      select c.id, c.version, c.match_score
        from public.generated_cvs c
       where c.user_id = a.user_id and c.job_id = a.job_id
       order by c.version desc
       limit 1
    ) cv on true
   ${explicitUserFilter ? "where a.user_id = $1" : ""}
   order by a.created_at desc
   limit 50`;


async function elapsed(work: () => Promise<unknown>): Promise<number> {
  return (await timed(work)).ms;
}

/** p-quantiles of the pipeline page for the given users, under RLS and as the superuser baseline. */
export async function measurePipelinePage(url: string, userIds: readonly string[], warmup: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rls: number[] = [];
  const baseline: number[] = [];
  try {
    for (const [index, userId] of userIds.entries()) {
      // Alternate the order so caching favours neither side.
      const runs = index % 2 === 0 ? ["rls", "baseline"] : ["baseline", "rls"];
      for (const run of runs) {
        if (run === "rls") {
          await client.query("begin");
          await actAsUser(client, userId);
          const ms = await elapsed(async () => {
            // Named statements are prepared once per connection, as PostgREST prepares its queries.
            const { rowCount } = await client.query({ name: "pipeline_page_rls", text: pipelinePageSql(false) });
            if (rowCount !== 50) throw new Error(`pipeline page returned ${rowCount} rows, expected 50`);
          });
          await client.query("commit");
          if (index >= warmup) rls.push(ms);
        } else {
          const ms = await elapsed(() =>
            client.query({ name: "pipeline_page_baseline", text: pipelinePageSql(true), values: [userId] })
          );
          if (index >= warmup) baseline.push(ms);
        }
      }
    }
  } finally {
    await client.end();
  }
  return { rls, baseline };
}

/** transition_application as the owner, one committed transaction per move (draft -> applied). */
export async function measureTransitions(url: string, moves: ReadonlyArray<{ applicationId: string; userId: string }>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const samples: number[] = [];
  try {
    for (const move of moves) {
      await client.query("begin");
      await actAsUser(client, move.userId);
      samples.push(
        await elapsed(() =>
          client.query({
            name: "transition",
            text: "select public.transition_application($1, 'applied', expected_status => 'draft')",
            values: [move.applicationId],
          })
        ),
      );
      await client.query("commit");
    }
  } finally {
    await client.end();
  }
  return samples;
}

export async function pickUsersAndMoves(url: string, users: number, moves: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const userRows = await client.query<{ id: string }>(
      "select id from auth.users where email like 'bench%' order by md5(id::text) limit $1",
      [users],
    );
    const moveRows = await client.query<{ application_id: string; user_id: string }>(
      `select distinct on (user_id) id as application_id, user_id
         from public.applications where status = 'draft'
        order by user_id, md5(id::text) limit $1`,
      [moves],
    );
    return {
      userIds: userRows.rows.map((row) => row.id),
      moves: moveRows.rows.map((row) => ({ applicationId: row.application_id, userId: row.user_id })),
    };
  } finally {
    await client.end();
  }
}

export async function explainPipelinePage(url: string, userId: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    await actAsUser(client, userId);
    const { rows } = await client.query(`explain (analyze, buffers, costs off) ${pipelinePageSql(false)}`);
    await client.query("rollback");
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}
