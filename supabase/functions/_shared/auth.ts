// Verifies the caller's Supabase JWT inside the function (never trusting a gateway alone):
// HS256 with the project's JWT secret, or the project's JWKS for asymmetric signing keys.
import { createRemoteJWKSet, type JWTPayload, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { noteCaller } from "./log.ts";
import { fail, ok, type Result } from "./result.ts";

export type ApiRole = "anon" | "authenticated" | "service_role";

export interface Caller {
  role: ApiRole;
  /** The user id (`sub`); absent for anon and service-role keys. */
  userId?: string;
  /** The verified claims, handed to Postgres as `request.jwt.claims` so RLS sees what PostgREST would. */
  claims: JWTPayload;
}

export interface AuthConfig {
  /** HS256 shared secret (Supabase's legacy JWT secret). */
  jwtSecret?: string;
  /** JWKS endpoint for asymmetric keys, e.g. `${SUPABASE_URL}/auth/v1/.well-known/jwks.json`. */
  jwksUrl?: string;
  /**
   * How long a fetched key set is trusted before it is fetched again (default 10 minutes): the
   * longest a key removed from the JWKS (rotated out, revoked) keeps verifying tokens.
   */
  jwksCacheMaxAgeMs?: number;
  /**
   * Minimum time between two fetches (default 30 s). A token whose `kid` is not in the cached set
   * triggers a refetch, so a newly published key verifies at once, but unknown kids cannot make
   * every request hit the JWKS endpoint.
   */
  jwksCooldownMs?: number;
}

const DEFAULT_JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;
const DEFAULT_JWKS_COOLDOWN_MS = 30_000;

const claimsSchema = z.object({
  role: z.enum(["anon", "authenticated", "service_role"]),
  sub: z.uuid().optional(),
});

export function authConfigFromEnv(): AuthConfig {
  const supabaseUrl = Deno.env.get("SUPABASE_URL");
  return {
    jwtSecret: Deno.env.get("JWT_SECRET") ?? undefined,
    jwksUrl: Deno.env.get("JWT_JWKS_URL") ?? (supabaseUrl ? `${supabaseUrl}/auth/v1/.well-known/jwks.json` : undefined),
  };
}

const remoteKeySets = new Map<string, JWTVerifyGetKey>();

function keyFor(config: AuthConfig, algorithm: string): Uint8Array | JWTVerifyGetKey | undefined {
  if (algorithm === "HS256") return config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
  if (!config.jwksUrl) return undefined;
  const cacheMaxAge = config.jwksCacheMaxAgeMs ?? DEFAULT_JWKS_CACHE_MAX_AGE_MS;
  const cooldownDuration = config.jwksCooldownMs ?? DEFAULT_JWKS_COOLDOWN_MS;
  // One cached key set per endpoint and cache policy.
  const cacheKey = `${config.jwksUrl} ${cacheMaxAge} ${cooldownDuration}`;
  let keySet = remoteKeySets.get(cacheKey);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge, cooldownDuration, timeoutDuration: 5_000 });
    remoteKeySets.set(cacheKey, keySet);
  }
  return keySet;
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function headerAlgorithm(token: string): string | undefined {
  try {
    const header = JSON.parse(atob(token.split(".")[0].replace(/-/g, "+").replace(/_/g, "/")));
    return typeof header?.alg === "string" ? header.alg : undefined;
  } catch {
    return undefined;
  }
}

/** Verifies signature, expiry and not-before; `alg: none` and unknown algorithms are refused. */
export async function verifyCaller(request: Request, config: AuthConfig): Promise<Result<Caller>> {
  const token = bearerToken(request);
  if (!token) return fail("unauthorized", "Send an Authorization: Bearer <access token> header.");
  const algorithm = headerAlgorithm(token);
  const allowed = ["HS256", "RS256", "ES256", "EdDSA"];
  if (!algorithm || !allowed.includes(algorithm)) return fail("unauthorized", "The access token is not a signed JWT.");
  const key = keyFor(config, algorithm);
  if (!key) return fail("unauthorized", "The access token is signed with a key this project does not use.");
  let payload: JWTPayload;
  try {
    const verified = typeof key === "function"
      ? await jwtVerify(token, key, { algorithms: [algorithm] })
      : await jwtVerify(token, key, { algorithms: [algorithm] });
    payload = verified.payload;
  } catch {
    return fail("unauthorized", "The access token is invalid or expired.");
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) return fail("unauthorized", "The access token carries no usable role.");
  noteCaller({ role: claims.data.role, userId: claims.data.sub });
  return ok({ role: claims.data.role, userId: claims.data.sub, claims: payload });
}

/** The service role, for server-side work a handler does on a verified user's behalf (never from a request). */
export const serviceRoleCaller: Caller = { role: "service_role", claims: { role: "service_role" } };

/** A verified caller that is a signed-in user: role authenticated, audience authenticated, and a subject. */
export function asUser(
  caller: Caller,
  refusal = "Sign in: this endpoint needs a user's access token.",
): Result<Caller & { userId: string }> {
  const { role, userId, claims } = caller;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (role !== "authenticated" || !userId || !audiences.includes("authenticated")) return fail("unauthorized", refusal);
  return ok({ role, userId, claims });
}

/** A signed-in user: role authenticated, audience authenticated, and a subject. */
export async function requireUser(
  request: Request,
  config = authConfigFromEnv(),
): Promise<Result<Caller & { userId: string }>> {
  const verified = await verifyCaller(request, config);
  if (!verified.ok) return verified;
  return asUser(verified.value);
}

/** The service role (server-side jobs such as board ingest). */
export async function requireServiceRole(request: Request, config = authConfigFromEnv()): Promise<Result<Caller>> {
  const verified = await verifyCaller(request, config);
  if (!verified.ok) return verified;
  if (verified.value.role !== "service_role") return fail("forbidden", "This endpoint is for the service role only.");
  return verified;
}
