// HTTP plumbing shared by every function: CORS, the error envelope, bounded JSON bodies, and the
// one place where a handler's Result becomes a Response.
import { z } from "zod";
import { fail, type Failure, ok, type Result, statusFor } from "./result.ts";

export const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "authorization, x-client-info, apikey, content-type",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
};

/** Request bodies larger than this are refused before parsing (413). */
export const MAX_BODY_BYTES = 256 * 1024;

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { ...corsHeaders, ...headers } });
}

export function errorResponse(error: Failure, requestId: string): Response {
  return json({ error: { ...error, request_id: requestId } }, statusFor[error.code], { "x-request-id": requestId });
}

/** Reads a JSON body with a size cap that holds even when Content-Length lies or is absent. */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Result<unknown>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return fail("payload_too_large", `Request body exceeds ${maxBytes} bytes.`);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    return fail("unsupported_media_type", "Send the request body as application/json.");
  }
  if (!request.body) return fail("invalid_json", "The request body is empty; send a JSON object.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > maxBytes) return fail("payload_too_large", `Request body exceeds ${maxBytes} bytes.`);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return ok(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)));
  } catch {
    return fail("invalid_json", "The request body is not valid UTF-8 JSON.");
  }
}

/** Validates unknown input with a zod schema; issues become a 400 with their paths. */
export function parseWith<Schema extends z.ZodType>(schema: Schema, input: unknown): Result<z.infer<Schema>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return fail(
    "validation_failed",
    "The request does not match the expected shape.",
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  );
}

export interface Route {
  /** Methods the function answers; anything else gets 405. OPTIONS is always answered for CORS. */
  methods: readonly string[];
  handle(request: Request, requestId: string): Promise<Result<Response>>;
}

/**
 * Wraps a route into a Deno.serve handler: CORS preflight, method check, Result to Response,
 * and a catch-all that logs the unexpected and answers 500 in the envelope, never a stack trace.
 */
export function createHandler(name: string, route: Route): (request: Request) => Promise<Response> {
  return async (request) => {
    const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
    if (request.method === "OPTIONS") return new Response("ok", { headers: corsHeaders });
    if (!route.methods.includes(request.method)) {
      return errorResponse({ code: "method_not_allowed", message: `Use ${route.methods.join(" or ")}.` }, requestId);
    }
    try {
      const result = await route.handle(request, requestId);
      if (!result.ok) return errorResponse(result.error, requestId);
      result.value.headers.set("x-request-id", requestId);
      return result.value;
    } catch (error) {
      console.error(JSON.stringify({ level: "error", function: name, request_id: requestId, error: String(error) }));
      return errorResponse({ code: "internal_error", message: "Something went wrong on our side." }, requestId);
    }
  };
}
