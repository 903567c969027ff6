import assert from "node:assert/strict";
import { closePool } from "../_shared/db.ts";
import { createUser, deleteUser, mintToken, request } from "../_shared/testing.ts";
import { handler } from "./handler.ts";

Deno.test("me returns the caller's own profile, created by the signup trigger", async () => {
  const user = await createUser("Ada Lovelace");
  const other = await createUser("Grace Hopper");
  try {
    const response = await handler(request("me", { token: user.token }));
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.profile.id, user.id);
    assert.equal(body.profile.full_name, "Ada Lovelace");
    assert.ok(response.headers.get("x-request-id"));
  } finally {
    await deleteUser(user);
    await deleteUser(other);
    await closePool();
  }
});

Deno.test("me without a token is 401 in the error envelope", async () => {
  const response = await handler(request("me"));
  assert.equal(response.status, 401);
  const body = await response.json();
  assert.equal(body.error.code, "unauthorized");
  assert.equal(typeof body.error.message, "string");
});

Deno.test("me refuses a token signed with another secret", async () => {
  const forged = await mintToken(
    { sub: crypto.randomUUID(), role: "authenticated", aud: "authenticated" },
    { secret: "not-the-project-secret-but-long-enough-to-sign" },
  );
  const response = await handler(request("me", { token: forged }));
  assert.equal(response.status, 401);
});

Deno.test("me refuses an expired token", async () => {
  const expired = await mintToken(
    { sub: crypto.randomUUID(), role: "authenticated", aud: "authenticated" },
    { expiresIn: Math.floor(Date.now() / 1000) - 60 },
  );
  const response = await handler(request("me", { token: expired }));
  assert.equal(response.status, 401);
});

Deno.test("me refuses an unsigned (alg: none) token", async () => {
  const encode = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const unsigned = `${encode({ alg: "none", typ: "JWT" })}.${
    encode({
      sub: crypto.randomUUID(),
      role: "authenticated",
      aud: "authenticated",
      exp: Math.floor(Date.now() / 1000) + 3600,
    })
  }.`;
  const response = await handler(request("me", { token: unsigned }));
  assert.equal(response.status, 401);
});

Deno.test("me refuses the anon key: it is not a user", async () => {
  const anon = await mintToken({ role: "anon", iss: "supabase-demo" });
  const response = await handler(request("me", { token: anon }));
  assert.equal(response.status, 401);
});

Deno.test("me answers 405 to POST", async () => {
  const response = await handler(request("me", { method: "POST" }));
  assert.equal(response.status, 405);
  assert.equal((await response.json()).error.code, "method_not_allowed");
});
