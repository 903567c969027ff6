// HTTP plumbing shared by every function: CORS, the error envelope, bounded JSON bodies, the one
// place where a handler's Result becomes a Response, and the one log line per request.
import { z } from "zod";
import {
  hashUserId,
  redactMessage,
  type RequestContext,
  type RequestLogEntry,
  runWithContext,
  writeLog,
} from "./log.ts";
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

/**
 * Reads a body with a size cap that holds even when Content-Length lies or is absent (the stream is
 * cancelled at the cap). `what` names the body in the 413 message; an absent body is null.
 */
export async function readBodyBytes(
  request: Request,
  maxBytes: number,
  what = "Request body",
): Promise<Result<Uint8Array | null>> {
  const tooLarge = () => fail("payload_too_large", `${what} exceeds ${maxBytes} bytes.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge();
  if (!request.body) return ok(null);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await request.body.cancel().catch(() => {});
      return tooLarge();
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return ok(bytes);
}

/** Reads a JSON body with a size cap that holds even when Content-Length lies or is absent. */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Result<unknown>> {
  // A declared oversize is answered 413 before the content type is looked at.
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return fail("payload_too_large", `Request body exceeds ${maxBytes} bytes.`);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    return fail("unsupported_media_type", "Send the request body as application/json.");
  }
  const bytes = await readBodyBytes(request, maxBytes);
  if (!bytes.ok) return bytes;
  if (bytes.value === null) return fail("invalid_json", "The request body is empty; send a JSON object.");
  try {
    return ok(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.value)));
  } catch {
    return fail("invalid_json", "The request body is not valid UTF-8 JSON.");
  }
}

/** A JSON body read with readJsonBody and validated with parseWith: the two steps every JSON endpoint takes. */
export async function readJson<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  maxBytes = MAX_BODY_BYTES,
): Promise<Result<z.infer<Schema>>> {
  const body = await readJsonBody(request, maxBytes);
  if (!body.ok) return body;
  return parseWith(schema, body.value);
}

/** A zod error's issues as error details show them: a dotted path and the message. */
export function issueList(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** Validates unknown input with a zod schema; issues become a 400 with their paths. */
export function parseWith<Schema extends z.ZodType>(schema: Schema, input: unknown): Result<z.infer<Schema>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return fail(
    "validation_failed",
    "The request does not match the expected shape.",
    issueList(parsed.error),
  );
}

export interface Route {
  /** Methods the function answers; anything else gets 405. OPTIONS is always answered for CORS. */
  methods: readonly string[];
  handle(request: Request, requestId: string): Promise<Result<Response>>;
}

/** A client's x-request-id is kept when it is a plain token (so traces join up), else replaced. */
function requestIdFor(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : crypto.randomUUID();
}

function errorDetails(error: unknown): RequestLogEntry["error"] {
  const name = error instanceof Error ? error.name : typeof error;
  const message = redactMessage(error instanceof Error ? error.message : String(error));
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? { name, sqlstate: code, message } : { name, message };
}

/**
 * Wraps a route into a Deno.serve handler: CORS preflight, method check, Result to Response, a
 * catch-all that answers 500 in the envelope (never a stack trace), the request id in the
 * x-request-id header of every response, and one JSON log line per request: request_id, function,
 * method, status, duration_ms, the caller's role and hashed user id when known, the error code of a
 * failure and, for a 500, the error's name, SQLSTATE and redacted message.
 */
export function createHandler(name: string, route: Route): (request: Request) => Promise<Response> {
  return async (request) => {
    const started = performance.now();
    const requestId = requestIdFor(request);
    const context: RequestContext = { requestId, functionName: name };
    let errorCode: string | undefined;
    let unexpected: RequestLogEntry["error"];
    const response = await runWithContext(context, async () => {
      if (request.method === "OPTIONS") {
        return new Response("ok", { headers: { ...corsHeaders, "x-request-id": requestId } });
      }
      if (!route.methods.includes(request.method)) {
        errorCode = "method_not_allowed";
        return errorResponse({ code: "method_not_allowed", message: `Use ${route.methods.join(" or ")}.` }, requestId);
      }
      try {
        const result = await route.handle(request, requestId);
        if (!result.ok) {
          errorCode = result.error.code;
          return errorResponse(result.error, requestId);
        }
        result.value.headers.set("x-request-id", requestId);
        return result.value;
      } catch (error) {
        errorCode = "internal_error";
        unexpected = errorDetails(error);
        return errorResponse({ code: "internal_error", message: "Something went wrong on our side." }, requestId);
      }
    });
    const entry: RequestLogEntry = {
      level: response.status >= 500 ? "error" : "info",
      msg: "request",
      time: new Date().toISOString(),
      request_id: requestId,
      function: name,
      method: request.method,
      status: response.status,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (context.role) entry.role = context.role;
    if (context.userId) entry.user_id_hash = await hashUserId(context.userId);
    if (errorCode) entry.error_code = errorCode;
    if (unexpected) entry.error = unexpected;
    writeLog(entry);
    return response;
  };
}
