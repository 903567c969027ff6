import assert from "node:assert/strict";
import { closePool } from "../_shared/db.ts";
import {
  adminQuery,
  createApplication,
  createSharedJob,
  createUser,
  deleteUser,
  mintToken,
  postJson,
  queryAsUser,
  request,
  type TestUser,
} from "../_shared/testing.ts";
import { CONFIRMATION, handler } from "./handler.ts";

// Columns to inspect, from the catalog: every column of a public table with a foreign key to
// auth.users, and every uuid column of a public table (a reference without a foreign key counts too).
const USER_REFERENCES = `
  select c.conrelid as table_oid, a.attname as column_name
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
   where c.contype = 'f' and c.confrelid = 'auth.users'::regclass and c.connamespace = 'public'::regnamespace`;
const UUID_COLUMNS = `
  select t.oid as table_oid, a.attname as column_name
    from pg_attribute a
    join pg_class t on t.oid = a.attrelid
   where t.relnamespace = 'public'::regnamespace and t.relkind in ('r', 'p') and a.attnum > 0
     and not a.attisdropped and a.atttypid = 'uuid'::regtype`;

/**
 * For each column: how many rows hold the user id, and a checksum of those rows' contents. One
 * query; identifiers come from the catalog and are quoted by format(), the id is a parameter.
 */
async function footprint(columns: string, userId: string): Promise<Record<string, string>> {
  const rows = await adminQuery<{ name: string; n: number; checksum: string | null }>(
    `select format('%s.%s', cols.table_oid::regclass, cols.column_name) as name,
            (xpath('/row/n/text()', doc))[1]::text::int as n,
            (xpath('/row/checksum/text()', doc))[1]::text as checksum
       from (${columns}) as cols,
            lateral query_to_xml(format(
              'select count(*) as n, md5(string_agg(t::text, ''|'' order by t::text)) as checksum from %s t where %I = %L',
              cols.table_oid::regclass, cols.column_name, $1::text), false, true, '') as doc
      order by 1`,
    [userId],
  );
  return Object.fromEntries(rows.map((row) => [row.name, `${row.n} ${row.checksum ?? "-"}`]));
}

const nonZero = (counts: Record<string, string>) =>
  Object.entries(counts).filter(([, value]) => !value.startsWith("0 "));

/** Rows in every table a user can own: profile, project, private posting, documents, pipeline, feed. */
async function populate(user: TestUser): Promise<void> {
  await adminQuery(
    `update public.profiles set headline = 'Engineer', skills = '{Go,PostgreSQL}',
       work_experience = '[{"name": "Initech", "position": "Engineer"}]' where id = $1`,
    [user.id],
  );
  await adminQuery("insert into public.projects (user_id, name) values ($1, 'Side project')", [user.id]);
  const [privateJob] = await adminQuery<{ id: string }>(
    "insert into public.jobs (owner_id, title, company) values ($1, 'Private posting', 'Own Co') returning id",
    [user.id],
  );
  const sharedJob = await createSharedJob("Platform Engineer");
  const [template] = await adminQuery<{ id: string }>(
    "insert into public.cv_templates (owner_id, name, body) values ($1, 'Mine', '# {{basics.name}}') returning id",
    [user.id],
  );
  const [cv] = await adminQuery<{ id: string }>(
    `insert into public.generated_cvs (user_id, job_id, template_id, content) values ($1, $2, $3, '{}') returning id`,
    [user.id, sharedJob, template.id],
  );
  const [letter] = await adminQuery<{ id: string }>(
    "insert into public.cover_letters (user_id, job_id, body) values ($1, $2, 'Dear team') returning id",
    [user.id, sharedJob],
  );
  // Documents attach while the application is a draft (they freeze once it is sent), then it moves
  // through the pipeline the way a user moves it, writing its timeline.
  const applicationId = await createApplication(user, sharedJob);
  await adminQuery("update public.applications set cv_id = $2, cover_letter_id = $3 where id = $1", [
    applicationId,
    cv.id,
    letter.id,
  ]);
  await queryAsUser(user, "select public.transition_application($1, 'applied')", [applicationId]);
  await queryAsUser(user, "select public.transition_application($1, 'interviewing')", [applicationId]);
  await createApplication(user, privateJob.id, "applied");
  await adminQuery(
    "insert into public.user_job_preferences (user_id, job_id, is_favorite) values ($1, $2, true), ($1, $3, true)",
    [user.id, sharedJob, privateJob.id],
  );
  await queryAsUser(user, "select public.rotate_calendar_token()");
}

async function deleteAccount(token: string, body: unknown = { confirm: CONFIRMATION }) {
  const { status, body: answer, response } = await postJson(handler, "delete-account", token, body);
  return { status, body: answer, requestId: response.headers.get("x-request-id") };
}

Deno.test("delete-account", async (t) => {
  const leaving = await createUser("Leaving User");
  const staying = await createUser("Staying User");
  try {
    await populate(leaving);
    await populate(staying);
    const before = await footprint(USER_REFERENCES, leaving.id);
    // The check below is only as good as the catalog query: it must see every user table, each
    // holding rows of the user.
    assert.ok(Object.keys(before).length >= 9, `expected the user tables, found ${Object.keys(before)}`);
    assert.deepEqual(
      nonZero(before).length,
      Object.keys(before).length,
      `every table holds a row: ${JSON.stringify(before)}`,
    );
    const stayingBefore = await footprint(USER_REFERENCES, staying.id);

    await t.step("refuses without the exact confirmation, and deletes nothing", async () => {
      for (
        const body of [
          {},
          { confirm: "yes" },
          { confirm: "DELETE MY ACCOUNT" },
          { confirm: CONFIRMATION, user_id: staying.id },
          [],
          null,
        ]
      ) {
        const result = await deleteAccount(leaving.token, body);
        assert.equal(result.status, 400, JSON.stringify(body));
        assert.equal(result.body.error.code, "validation_failed");
        assert.equal(result.body.error.request_id, result.requestId);
      }
      assert.deepEqual(await footprint(USER_REFERENCES, leaving.id), before);
    });

    await t.step("refuses callers that are not a signed-in user", async () => {
      const anonKey = await mintToken({ role: "anon", iss: "supabase-demo" });
      const serviceKey = await mintToken({ role: "service_role", iss: "supabase-demo" });
      const otherAudience = await mintToken({ sub: leaving.id, role: "authenticated", aud: "another-app" });
      const expired = await mintToken(
        { sub: leaving.id, role: "authenticated", aud: "authenticated" },
        { expiresIn: Math.floor(Date.now() / 1000) - 60 },
      );
      for (const token of [anonKey, serviceKey, otherAudience, expired]) {
        const result = await deleteAccount(token);
        assert.equal(result.status, 401);
        assert.equal(result.body.error.code, "unauthorized");
      }
      const get = await handler(request("delete-account", { token: leaving.token }));
      assert.equal(get.status, 405);
      await get.body?.cancel();
      assert.deepEqual(await footprint(USER_REFERENCES, leaving.id), before);
    });

    await t.step("deletes the caller: afterwards no row in any public table references them", async () => {
      const result = await deleteAccount(leaving.token);
      assert.equal(result.status, 200);
      assert.deepEqual(result.body, { deleted: true });
      const [auth] = await adminQuery<{ n: number }>("select count(*)::int as n from auth.users where id = $1", [
        leaving.id,
      ]);
      assert.equal(auth.n, 0);
      const after = await footprint(USER_REFERENCES, leaving.id);
      assert.deepEqual(Object.keys(after), Object.keys(before), "the same referencing columns are checked");
      assert.deepEqual(nonZero(after), [], "rows still referencing the deleted user");
      // Not even a uuid column without a foreign key holds the id.
      assert.deepEqual(nonZero(await footprint(UUID_COLUMNS, leaving.id)), []);
    });

    await t.step("another user's data is intact, down to the row contents", async () => {
      assert.deepEqual(await footprint(USER_REFERENCES, staying.id), stayingBefore);
    });

    await t.step("a retry with the (still unexpired) token is 404: the account is gone", async () => {
      const result = await deleteAccount(leaving.token);
      assert.equal(result.status, 404);
      assert.equal(result.body.error.code, "not_found");
    });
  } finally {
    await deleteUser(leaving);
    await deleteUser(staying);
    await closePool();
  }
});
