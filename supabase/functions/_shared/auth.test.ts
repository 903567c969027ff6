// The JWT rules of auth.ts, against real tokens: HS256 with the project secret, and ES256/RS256
// keys published by a JWKS endpoint served on loopback, including key rotation.
import assert from "node:assert/strict";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { type AuthConfig, requireServiceRole, requireUser, verifyCaller } from "./auth.ts";

const SECRET = "jobtrail-auth-test-secret-at-least-32-characters";
const hs256: AuthConfig = { jwtSecret: SECRET };
const now = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function requestWith(token: string | undefined, scheme = "Bearer"): Request {
  const headers = new Headers();
  if (token !== undefined) headers.set("authorization", `${scheme} ${token}`);
  return new Request("http://127.0.0.1/functions/v1/test", { headers });
}

interface SignOptions {
  alg?: string;
  key?: CryptoKey | Uint8Array;
  kid?: string;
  exp?: number;
  nbf?: number;
}

function sign(claims: Record<string, unknown>, options: SignOptions = {}): Promise<string> {
  const alg = options.alg ?? "HS256";
  let jwt = new SignJWT(claims)
    .setProtectedHeader(options.kid ? { alg, typ: "JWT", kid: options.kid } : { alg, typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(options.exp ?? now() + 3600);
  if (options.nbf !== undefined) jwt = jwt.setNotBefore(options.nbf);
  return jwt.sign(options.key ?? new TextEncoder().encode(SECRET));
}

const userClaims = (sub: string = crypto.randomUUID()) => ({
  sub,
  role: "authenticated",
  aud: "authenticated",
  email: `${sub}@example.test`,
});

function base64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

async function assertUnauthorized(result: Promise<{ ok: boolean; error?: { code: string } }>, label: string) {
  const outcome = await result;
  assert.equal(outcome.ok, false, `${label}: expected a refusal`);
  assert.equal(outcome.error?.code, "unauthorized", label);
}

Deno.test("HS256: a valid user token verifies, with its subject and claims", async () => {
  const sub = crypto.randomUUID();
  const result = await requireUser(requestWith(await sign(userClaims(sub))), hs256);
  assert.ok(result.ok);
  assert.equal(result.value.userId, sub);
  assert.equal(result.value.role, "authenticated");
  assert.equal(result.value.claims.email, `${sub}@example.test`);
});

Deno.test("HS256: a token signed with another secret is refused", async () => {
  const forged = await sign(userClaims(), {
    key: new TextEncoder().encode("not-the-project-secret-but-32-characters-long"),
  });
  await assertUnauthorized(requireUser(requestWith(forged), hs256), "wrong secret");
});

Deno.test("HS256: an expired token is refused", async () => {
  const expired = await sign(userClaims(), { exp: now() - 60 });
  await assertUnauthorized(requireUser(requestWith(expired), hs256), "expired");
});

Deno.test("HS256: a token not yet valid (nbf in the future) is refused; one whose nbf has passed verifies", async () => {
  const early = await sign(userClaims(), { nbf: now() + 600 });
  await assertUnauthorized(requireUser(requestWith(early), hs256), "nbf in the future");
  const ready = await sign(userClaims(), { nbf: now() - 60 });
  assert.ok((await requireUser(requestWith(ready), hs256)).ok);
});

Deno.test("alg none, in any spelling and with or without a signature, is refused", async () => {
  const payload = base64url({ ...userClaims(), exp: now() + 3600 });
  for (const alg of ["none", "None", "NONE", "nOnE"]) {
    const header = base64url({ alg, typ: "JWT" });
    await assertUnauthorized(requireUser(requestWith(`${header}.${payload}.`), hs256), `alg ${alg}, empty signature`);
    // A genuine HS256 signature of other content pasted after an unsigned header changes nothing.
    const borrowed = (await sign(userClaims())).split(".")[2];
    await assertUnauthorized(
      requireUser(requestWith(`${header}.${payload}.${borrowed}`), hs256),
      `alg ${alg}, borrowed signature`,
    );
  }
});

Deno.test("a token for another audience verifies as a JWT but is refused by a user-only function", async () => {
  const foreign = await sign({ ...userClaims(), aud: "another-app" });
  assert.ok((await verifyCaller(requestWith(foreign), hs256)).ok, "the signature and expiry are fine");
  await assertUnauthorized(requireUser(requestWith(foreign), hs256), "aud another-app");
  const noAudience = await sign({ sub: crypto.randomUUID(), role: "authenticated" });
  await assertUnauthorized(requireUser(requestWith(noAudience), hs256), "no aud");
  const listed = await sign({ ...userClaims(), aud: ["another-app", "authenticated"] });
  assert.ok((await requireUser(requestWith(listed), hs256)).ok, "an audience list that includes authenticated is fine");
});

Deno.test("a token without sub, or with a sub that is not a user id, is refused by a user-only function", async () => {
  const noSubject = await sign({ role: "authenticated", aud: "authenticated" });
  await assertUnauthorized(requireUser(requestWith(noSubject), hs256), "no sub");
  const oddSubject = await sign({ ...userClaims(), sub: "admin" });
  await assertUnauthorized(requireUser(requestWith(oddSubject), hs256), "sub not a uuid");
});

Deno.test("the anon key cannot call a user-only or a service-role function; the service role key is not a user", async () => {
  const anonKey = await sign({ role: "anon", iss: "supabase-demo" }, { exp: now() + 10 * 365 * 86400 });
  const verified = await verifyCaller(requestWith(anonKey), hs256);
  assert.ok(verified.ok);
  assert.equal(verified.value.role, "anon");
  await assertUnauthorized(requireUser(requestWith(anonKey), hs256), "anon key on a user-only function");
  const asService = await requireServiceRole(requestWith(anonKey), hs256);
  assert.equal(asService.ok ? "ok" : asService.error.code, "forbidden");

  const serviceKey = await sign({ role: "service_role", iss: "supabase-demo" });
  assert.ok((await requireServiceRole(requestWith(serviceKey), hs256)).ok);
  await assertUnauthorized(requireUser(requestWith(serviceKey), hs256), "service role key on a user-only function");
  const unknownRole = await sign({ ...userClaims(), role: "supabase_admin" });
  await assertUnauthorized(verifyCaller(requestWith(unknownRole), hs256), "a role PostgREST would not switch to");
});

Deno.test("missing, malformed and non-bearer credentials are refused", async () => {
  const valid = await sign(userClaims());
  await assertUnauthorized(requireUser(requestWith(undefined), hs256), "no header");
  await assertUnauthorized(requireUser(requestWith(valid, "Basic"), hs256), "Basic scheme");
  for (const garbage of ["", "abc", "a.b.c", "....", `${valid}x`, valid.split(".").slice(0, 2).join(".")]) {
    await assertUnauthorized(
      requireUser(requestWith(garbage), hs256),
      `garbage ${JSON.stringify(garbage.slice(0, 20))}`,
    );
  }
  await assertUnauthorized(
    requireUser(requestWith(valid), {}),
    "HS256 token when the project has no secret configured",
  );
});

// ---------------------------------------------------------------------------------------------
// Asymmetric keys through a JWKS endpoint on loopback.

interface SigningKey {
  kid: string;
  alg: "ES256" | "RS256";
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string, alg: "ES256" | "RS256"): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

/** A JWKS endpoint whose published keys the test changes, counting how often it is fetched. */
function jwksServer(initial: SigningKey[]) {
  const state = { keys: initial, fetches: 0, failing: false };
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => {
    state.fetches += 1;
    if (state.failing) return new Response("unavailable", { status: 503 });
    return Response.json({ keys: state.keys.map((key) => key.jwk) });
  });
  const url = `http://127.0.0.1:${server.addr.port}/auth/v1/.well-known/jwks.json`;
  return { state, url, close: () => server.shutdown() };
}

// RSA key generation is slow; one RS256 key serves every test.
let sharedRsa: Promise<SigningKey> | undefined;
const rsaKey = () => (sharedRsa ??= signingKey("rsa-1", "RS256"));

const signWith = (key: SigningKey, claims: Record<string, unknown> = userClaims(), options: SignOptions = {}) =>
  sign(claims, { ...options, alg: key.alg, key: key.privateKey, kid: key.kid });

Deno.test("JWKS: ES256 and RS256 tokens verify against published keys; anything else is refused", async () => {
  const ec = await signingKey("ec-1", "ES256");
  const rsa = await rsaKey();
  const jwks = jwksServer([ec, rsa]);
  try {
    const config: AuthConfig = { jwksUrl: jwks.url, jwtSecret: SECRET };
    const sub = crypto.randomUUID();
    const viaEc = await requireUser(requestWith(await signWith(ec, userClaims(sub))), config);
    assert.ok(viaEc.ok);
    assert.equal(viaEc.value.userId, sub);
    assert.ok((await requireUser(requestWith(await signWith(rsa)), config)).ok);

    // An attacker's key claiming a published kid.
    const impostor = await signingKey("ec-1", "ES256");
    await assertUnauthorized(
      requireUser(requestWith(await signWith(impostor)), config),
      "unpublished key reusing a kid",
    );
    // A published kid with the wrong algorithm.
    const mislabelled = await sign(userClaims(), { alg: "RS256", key: rsa.privateKey, kid: "ec-1" });
    await assertUnauthorized(requireUser(requestWith(mislabelled), config), "RS256 token naming an EC key");
    // Algorithm confusion: HS256 "signed" with the published public key as the HMAC secret.
    const confused = await sign(userClaims(), { key: new TextEncoder().encode(JSON.stringify(rsa.jwk)) });
    await assertUnauthorized(requireUser(requestWith(confused), config), "HS256 keyed with the public key");
    // Valid signatures still need valid claims.
    await assertUnauthorized(
      requireUser(requestWith(await signWith(ec, userClaims(), { exp: now() - 10 })), config),
      "expired ES256",
    );
    await assertUnauthorized(
      requireUser(requestWith(await signWith(rsa, { ...userClaims(), aud: "other" })), config),
      "RS256 for another audience",
    );
    // Without a JWKS configured, asymmetric tokens are refused, not crashed on.
    await assertUnauthorized(requireUser(requestWith(await signWith(ec)), hs256), "ES256 with no JWKS configured");
  } finally {
    await jwks.close();
  }
});

Deno.test("JWKS rotation: a new kid verifies at once; a removed key stops verifying after the refresh", async () => {
  const old = await signingKey("2026-11-a", "ES256");
  const rsa = await rsaKey();
  const jwks = jwksServer([old, rsa]);
  try {
    const config: AuthConfig = { jwksUrl: jwks.url, jwksCacheMaxAgeMs: 400, jwksCooldownMs: 0 };
    const oldToken = await signWith(old);
    assert.ok((await requireUser(requestWith(oldToken), config)).ok);
    const fetchesBefore = jwks.state.fetches;

    // The project publishes a new signing key and starts signing with it.
    const next = await signingKey("2026-11-b", "ES256");
    jwks.state.keys = [old, next, rsa];
    assert.ok((await requireUser(requestWith(await signWith(next)), config)).ok, "a token with the new kid verifies");
    assert.equal(jwks.state.fetches, fetchesBefore + 1, "an unknown kid made the key set be fetched again");

    // The old key is revoked. Within the cache age it still verifies; after the refresh it does not.
    jwks.state.keys = [next, rsa];
    await sleep(450);
    await assertUnauthorized(requireUser(requestWith(oldToken), config), "token of the removed key after the refresh");
    assert.ok((await requireUser(requestWith(await signWith(next)), config)).ok, "the new key still verifies");
    assert.ok((await requireUser(requestWith(await signWith(rsa)), config)).ok, "the RS256 key still verifies");
  } finally {
    await jwks.close();
  }
});

Deno.test("JWKS: unknown kids cannot make every request fetch the key set, and an unreachable JWKS is a 401", async () => {
  const key = await signingKey("steady", "ES256");
  const jwks = jwksServer([key]);
  try {
    // Default-like cooldown: at most one fetch for a burst of tokens naming unknown kids.
    const config: AuthConfig = { jwksUrl: jwks.url, jwksCooldownMs: 60_000 };
    assert.ok((await requireUser(requestWith(await signWith(key)), config)).ok);
    const fetches = jwks.state.fetches;
    for (let i = 0; i < 5; i++) {
      const stranger = await signingKey(`random-${i}`, "ES256");
      await assertUnauthorized(requireUser(requestWith(await signWith(stranger)), config), `unknown kid ${i}`);
    }
    assert.ok(jwks.state.fetches - fetches <= 1, `fetched ${jwks.state.fetches - fetches} times for 5 unknown kids`);

    // The endpoint fails: the request is refused with 401, the function does not crash.
    jwks.state.failing = true;
    const fresh: AuthConfig = { jwksUrl: jwks.url, jwksCooldownMs: 0, jwksCacheMaxAgeMs: 1 };
    await sleep(5);
    await assertUnauthorized(requireUser(requestWith(await signWith(key)), fresh), "JWKS endpoint answering 503");
  } finally {
    await jwks.close();
  }
});
