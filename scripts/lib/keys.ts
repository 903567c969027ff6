// Local JWT material, as `supabase start` has it: the CLI's well-known development secret, and
// anon / service-role keys and user access tokens minted with it (there is no GoTrue here).
import { SignJWT } from "jose";

export const LOCAL_JWT_SECRET = process.env.JWT_SECRET ?? "super-secret-jwt-token-with-at-least-32-characters-long";

const key = () => new TextEncoder().encode(LOCAL_JWT_SECRET);
const TEN_YEARS = 10 * 365 * 24 * 3600;

export function mintApiKey(role: "anon" | "service_role"): Promise<string> {
  return new SignJWT({ role, iss: "supabase-demo" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + TEN_YEARS)
    .sign(key());
}

export function mintAccessToken(user: { id: string; email: string }, lifetimeSeconds = 24 * 3600): Promise<string> {
  return new SignJWT({
    sub: user.id,
    email: user.email,
    role: "authenticated",
    aud: "authenticated",
    // The API URL's auth path, as GoTrue writes it (the local API is the functions server's port).
    iss: `http://127.0.0.1:${process.env.FUNCTIONS_PORT ?? 54321}/auth/v1`,
    app_metadata: { provider: "email", providers: ["email"] },
    is_anonymous: false,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
    .sign(key());
}
