// createHandler's request log: exactly one JSON line per request, with the request id, function,
// method, status, duration and the hashed user id that auth.ts or db.ts noted, and nothing secret.
import assert from "node:assert/strict";
import { requireUser } from "./auth.ts";
import { closePool, withCaller } from "./db.ts";
import { createHandler, json, parseWith, readJsonBody } from "./http.ts";
import { hashUserId, redactMessage, type RequestLogEntry, setLogWriter } from "./log.ts";
import { ok } from "./result.ts";
import { createUser, deleteUser, mintToken, request } from "./testing.ts";
import { z } from "zod";

/** Runs `work` with log lines captured instead of printed. */
async function captureLog(work: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const restore = setLogWriter((line) => lines.push(line));
  try {
    await work();
  } finally {
    restore();
  }
  return lines;
}

// A user-only function in the shape of the real ones; it never passes the user to the logger.
const signIn = createHandler("log-probe", {
  methods: ["POST"],
  async handle(req) {
    const caller = await requireUser(req);
    if (!caller.ok) return caller;
    const body = await readJsonBody(req);
    if (!body.ok) return body;
    const input = parseWith(z.strictObject({ password: z.string().min(12), cv: z.string() }), body.value);
    if (!input.ok) return input;
    return ok(json({ accepted: true }));
  },
});

const exploding = createHandler("log-probe-crash", {
  methods: ["GET"],
  handle() {
    const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    throw new Error(`invalid input syntax for type uuid: "my secret cv text" near Bearer ${token}`);
  },
});

Deno.test("one log line per request, with the hashed user id and never the token or the body", async () => {
  const user = await createUser("Logged User");
  try {
    const secretBody = { password: "correct horse battery staple", cv: "Ten years at Initech" };
    let response: Response | undefined;
    const lines = await captureLog(async () => {
      response = await signIn(request("log-probe", { method: "POST", token: user.token, json: secretBody }));
    });
    assert.equal(response?.status, 200);
    assert.equal(lines.length, 1, "exactly one line");
    const entry: RequestLogEntry = JSON.parse(lines[0]);
    assert.equal(entry.msg, "request");
    assert.equal(entry.level, "info");
    assert.equal(entry.request_id, response?.headers.get("x-request-id"));
    assert.equal(entry.function, "log-probe");
    assert.equal(entry.method, "POST");
    assert.equal(entry.status, 200);
    assert.equal(typeof entry.duration_ms, "number");
    assert.ok(entry.duration_ms >= 0);
    assert.ok(!Number.isNaN(Date.parse(entry.time)));
    assert.equal(entry.role, "authenticated");
    assert.equal(entry.user_id_hash, await hashUserId(user.id));
    assert.match(entry.user_id_hash ?? "", /^[0-9a-f]{16}$/);
    // What must never be in a log line.
    for (
      const secret of [user.token, ...user.token.split("."), user.id, user.email, secretBody.password, secretBody.cv]
    ) {
      assert.ok(!lines[0].includes(secret), `the log line contains ${secret.slice(0, 12)}…`);
    }
    assert.ok(!/authorization|bearer/i.test(lines[0]), "no header names or values");
  } finally {
    await deleteUser(user);
  }
});

Deno.test("failures are logged with their status and error code, and without the rejected credentials", async () => {
  const anonKey = await mintToken({ role: "anon", iss: "supabase-demo" });
  const lines = await captureLog(async () => {
    await signIn(request("log-probe", { method: "POST", token: anonKey, json: { password: "x", cv: "y" } }));
    await signIn(request("log-probe", { method: "POST" }));
    await signIn(request("log-probe", { method: "GET" }));
    await signIn(request("log-probe", { method: "OPTIONS" }));
  });
  const entries: RequestLogEntry[] = lines.map((line) => JSON.parse(line));
  assert.deepEqual(
    entries.map((e) => [e.method, e.status, e.error_code, e.role]),
    [
      ["POST", 401, "unauthorized", "anon"],
      ["POST", 401, "unauthorized", undefined],
      ["GET", 405, "method_not_allowed", undefined],
      ["OPTIONS", 200, undefined, undefined],
    ],
  );
  assert.ok(entries.every((e) => e.user_id_hash === undefined));
  assert.ok(lines.every((line) => !line.includes(anonKey) && !line.includes(anonKey.split(".")[1])));
});

Deno.test("an unexpected error is one error line with a redacted message, and a 500 envelope with the request id", async () => {
  let response: Response | undefined;
  const lines = await captureLog(async () => {
    response = await exploding(request("log-probe-crash", { headers: { "x-request-id": "trace-1234" } }));
  });
  assert.equal(response?.status, 500);
  const body = await response?.json();
  assert.equal(body.error.code, "internal_error");
  assert.equal(body.error.request_id, "trace-1234");
  assert.equal(response?.headers.get("x-request-id"), "trace-1234");
  assert.equal(lines.length, 1);
  const entry: RequestLogEntry = JSON.parse(lines[0]);
  assert.equal(entry.level, "error");
  assert.equal(entry.request_id, "trace-1234");
  assert.equal(entry.error_code, "internal_error");
  assert.equal(entry.error?.name, "Error");
  assert.match(entry.error?.message ?? "", /^invalid input syntax for type uuid/);
  assert.ok(!lines[0].includes("my secret cv text"), "quoted input is redacted");
  assert.ok(!lines[0].includes("eyJ"), "JWT-shaped strings are redacted");
});

Deno.test("a client request id is kept only when it is a plain token; every response carries one", async () => {
  const lines = await captureLog(async () => {
    const kept = await signIn(request("log-probe", { method: "OPTIONS", headers: { "x-request-id": "abc-123" } }));
    assert.equal(kept.headers.get("x-request-id"), "abc-123");
    const replaced = await signIn(
      request("log-probe", { method: "GET", headers: { "x-request-id": 'x"}, {"evil": 1' } }),
    );
    assert.match(replaced.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
    assert.equal((await replaced.json()).error.request_id, replaced.headers.get("x-request-id"));
  });
  assert.deepEqual(lines.map((line) => JSON.parse(line).request_id).slice(0, 1), ["abc-123"]);
  assert.ok(!lines[1].includes("evil"));
});

Deno.test("a caller established without a JWT (withCaller) is logged too, without the handler passing it", async () => {
  const user = await createUser("Feed Reader");
  try {
    const feedLike = createHandler("log-probe-feed", {
      methods: ["GET"],
      async handle() {
        const caller = {
          role: "authenticated" as const,
          userId: user.id,
          claims: { sub: user.id, role: "authenticated" },
        };
        const rows = await withCaller(caller, async (tx) => (await tx.query("select 1 as one")).rows);
        return ok(json({ rows }));
      },
    });
    const lines = await captureLog(async () => {
      assert.equal((await feedLike(request("log-probe-feed?token=0123456789abcdef"))).status, 200);
    });
    const entry: RequestLogEntry = JSON.parse(lines[0]);
    assert.equal(entry.user_id_hash, await hashUserId(user.id));
    assert.ok(!lines[0].includes("0123456789abcdef"), "the query string (a feed token) is never logged");
  } finally {
    await deleteUser(user);
    await closePool();
  }
});

Deno.test("redactMessage keeps the diagnosis and drops values and tokens", () => {
  assert.equal(
    redactMessage(`duplicate key value violates unique constraint "jobs_pkey"`),
    `duplicate key value violates unique constraint "…"`,
  );
  assert.equal(redactMessage("Authorization: Bearer abc.def.ghi"), "Authorization: Bearer [redacted]");
  assert.equal(redactMessage("x".repeat(400)).length, 301);
});
