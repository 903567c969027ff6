// Local functions server for the no-Docker stack: serves every function's handler at
// http://127.0.0.1:54321/functions/v1/<name>, like the edge runtime behind `supabase start`.
// Folders starting with `_` are not deployed, so this file never reaches Supabase.
import { corsHeaders, errorResponse } from "../_shared/http.ts";
import { handler as applicationStatus } from "../application-status/handler.ts";
import { handler as calendar } from "../calendar/handler.ts";
import { handler as deleteAccount } from "../delete-account/handler.ts";
import { handler as generateCoverLetter } from "../generate-cover-letter/handler.ts";
import { handler as generateCv } from "../generate-cv/handler.ts";
import { handler as importJobs } from "../import-jobs/handler.ts";
import { handler as importProfile } from "../import-profile/handler.ts";
import { handler as me } from "../me/handler.ts";

export const routes: Record<string, (request: Request) => Promise<Response>> = {
  "application-status": applicationStatus,
  calendar,
  "delete-account": deleteAccount,
  "generate-cover-letter": generateCoverLetter,
  "generate-cv": generateCv,
  "import-jobs": importJobs,
  "import-profile": importProfile,
  me,
};

export function route(request: Request): Promise<Response> | Response {
  const match = /^\/functions\/v1\/([a-z0-9-]+)\/?$/.exec(new URL(request.url).pathname);
  const handler = match ? routes[match[1]] : undefined;
  if (handler) return handler(request);
  if (request.method === "OPTIONS") return new Response("ok", { headers: corsHeaders });
  return errorResponse({ code: "not_found", message: "No such function." }, crypto.randomUUID());
}

if (import.meta.main) {
  const port = Number(Deno.env.get("FUNCTIONS_PORT") ?? "54321");
  Deno.serve({ hostname: "127.0.0.1", port, onListen: () => {} }, route);
}
