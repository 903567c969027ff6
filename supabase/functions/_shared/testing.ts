// Test support for Deno tests that run against the real test database (started by `npm test`).
// Users are created the way GoTrue does (a row in auth.users) and tokens minted with the local secret.
import { SignJWT } from "jose";
import pg from "pg";

export const jwtSecret = () => {
  const secret = Deno.env.get("JWT_SECRET");
  if (!secret) throw new Error("JWT_SECRET is not set: run the tests through `npm test`.");
  return secret;
};

export function adminDbUrl(): string {
  const url = Deno.env.get("TEST_ADMIN_DB_URL") ?? Deno.env.get("SUPABASE_DB_URL");
  if (!url) throw new Error("TEST_ADMIN_DB_URL is not set: run the tests through `npm test`.");
  return url;
}

/** Runs SQL as the database superuser, for test setup and for checks that must see every row. */
export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminDbUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export async function mintToken(
  claims: Record<string, unknown>,
  options: { secret?: string; expiresIn?: string | number; notBefore?: string | number } = {},
): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuedAt();
  jwt = jwt.setExpirationTime(options.expiresIn ?? "1h");
  if (options.notBefore !== undefined) jwt = jwt.setNotBefore(options.notBefore);
  return await jwt.sign(new TextEncoder().encode(options.secret ?? jwtSecret()));
}

export async function createUser(fullName = "Test User"): Promise<TestUser> {
  const id = crypto.randomUUID();
  const email = `${id}@example.test`;
  await adminQuery(
    `insert into auth.users (id, aud, role, email, raw_user_meta_data, raw_app_meta_data, created_at, updated_at)
     values ($1, 'authenticated', 'authenticated', $2, $3, '{"provider":"email","providers":["email"]}', now(), now())`,
    [id, email, JSON.stringify({ full_name: fullName })],
  );
  const token = await mintToken({ sub: id, role: "authenticated", aud: "authenticated", email });
  return { id, email, token };
}

export async function deleteUser(user: TestUser): Promise<void> {
  await adminQuery("delete from auth.users where id = $1", [user.id]);
}

export function serviceRoleToken(): Promise<string> {
  return mintToken({ role: "service_role", iss: "supabase-demo" });
}

export function request(path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  return new Request(`http://127.0.0.1/functions/v1/${path}`, { ...init, headers, body });
}

/** A response body as tests probe it (deep property access); give it a type where its shape matters. */
// deno-lint-ignore no-explicit-any
export type JsonBody = any;

/** POSTs JSON to a handler as a client would; a JSON answer is parsed, any other is left in `response`. */
export async function postJson<Body = JsonBody>(
  handler: (request: Request) => Promise<Response>,
  path: string,
  token: string | undefined,
  json: unknown,
): Promise<{ status: number; body: Body; response: Response }> {
  const response = await handler(request(path, { method: "POST", token, json }));
  const isJson = (response.headers.get("content-type") ?? "").startsWith("application/json");
  return { status: response.status, body: isJson ? await response.json() : null, response };
}

/** A shared posting (owner_id null), as ingest would write it. */
export async function createSharedJob(title = "Backend Engineer"): Promise<string> {
  const [row] = await adminQuery<{ id: string }>(
    `insert into public.jobs (owner_id, source, external_id, title, company, location, remote_type, required_skills)
     values (null, 'test', $1, $2, 'Testing Company', 'Berlin, Germany', 'hybrid', '{TypeScript,PostgreSQL}')
     returning id`,
    [crypto.randomUUID(), title],
  );
  return row.id;
}

/** An application in the given status, with the timeline a real path to it would have written. */
export async function createApplication(user: TestUser, jobId: string, status = "draft"): Promise<string> {
  const path: Record<string, string[]> = {
    draft: [],
    applied: ["applied"],
    interviewing: ["applied", "interviewing"],
    offered: ["applied", "interviewing", "offered"],
  };
  const [row] = await adminQuery<{ id: string }>(
    "insert into public.applications (user_id, job_id, status) values ($1, $2, $3) returning id",
    [user.id, jobId, status],
  );
  let from = "draft";
  for (const to of path[status] ?? []) {
    await adminQuery(
      `insert into public.application_events (application_id, user_id, kind, from_status, to_status, occurred_at)
       values ($1, $2, 'status_change', $3, $4, now() - interval '1 day')`,
      [row.id, user.id, from, to],
    );
    from = to;
  }
  return row.id;
}

/** Runs SQL in one transaction as the user, the way PostgREST would for their request. */
export async function queryAsUser<T extends pg.QueryResultRow = pg.QueryResultRow>(
  user: TestUser,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminDbUrl() });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
      JSON.stringify({ sub: user.id, role: "authenticated", aud: "authenticated" }),
    ]);
    const { rows } = await client.query<T>(sql, params);
    await client.query("commit");
    return rows;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    await client.end();
  }
}

/** Waits ms, or less when `signal` aborts: slow routes of fixture servers end at shutdown. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
