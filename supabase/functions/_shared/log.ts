// Request context and the request log. createHandler (http.ts) opens a context around every
// request; auth.ts and db.ts note the caller in it as soon as they know who it is, so the one log
// line per request names the (hashed) user without any handler passing it along.
//
// What a log line may hold: ids, codes, timings. Never a token, a password, a header value, a query
// string (the calendar feed URL carries its secret there) or request or response body text.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  requestId: string;
  functionName: string;
  /** Set by auth.ts (verified JWT) or db.ts (a caller established another way, e.g. a feed token). */
  role?: string;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

/** Records who is calling, for the request log; a no-op outside a request. */
export function noteCaller(caller: { role: string; userId?: string }): void {
  const context = storage.getStore();
  if (!context) return;
  context.role = caller.role;
  if (caller.userId) context.userId = caller.userId;
}

/** Lowercase hex SHA-256 of the user id, first 16 characters: joins a user's lines, reveals no id. */
export async function hashUserId(userId: string): Promise<string> {
  return (await sha256Hex(userId)).slice(0, 16);
}

/** SHA-256 of a text as 64 hex digits. */
export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

const JWT_LIKE = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const BEARER = /bearer\s+\S+/gi;
const QUOTED = /"[^"]*"|'[^']*'/g;

/**
 * An unexpected error's message, safe to log: quoted values (where Postgres and most libraries put
 * the offending input), bearer tokens and JWT-shaped strings are replaced, and it is cut to 300
 * characters. Enough to find the failing code path, nothing of what the user sent.
 */
export function redactMessage(message: string): string {
  const redacted = message.replace(JWT_LIKE, "[jwt]").replace(BEARER, "Bearer [redacted]").replace(QUOTED, '"…"');
  return redacted.length > 300 ? `${redacted.slice(0, 300)}…` : redacted;
}

export interface RequestLogEntry {
  level: "info" | "error";
  msg: "request";
  time: string;
  request_id: string;
  function: string;
  method: string;
  status: number;
  duration_ms: number;
  role?: string;
  user_id_hash?: string;
  error_code?: string;
  error?: { name: string; sqlstate?: string; message: string };
}

type LogWriter = (line: string) => void;

/** REQUEST_LOG=off silences the request log (npm test sets it: thousands of requests, no reader). */
function defaultWriter(): LogWriter {
  let off = false;
  try {
    off = Deno.env.get("REQUEST_LOG") === "off";
  } catch {
    // no env access: log
  }
  return off ? () => {} : (line) => console.log(line);
}

let writer: LogWriter = defaultWriter();

/** Replaces where log lines go (tests capture them); returns a function restoring the previous one. */
export function setLogWriter(next: LogWriter): () => void {
  const previous = writer;
  writer = next;
  return () => {
    writer = previous;
  };
}

export function writeLog(entry: RequestLogEntry): void {
  writer(JSON.stringify(entry));
}
