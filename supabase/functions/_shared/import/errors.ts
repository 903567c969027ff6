// Errors as values for the import pipeline. Parsers and the guarded fetcher never throw on bad
// input: they return an ImportFailure with a stable, import-specific code that callers (the
// import-jobs function, tests, batch reports) can switch on. toFailure() maps each code onto the
// project's HTTP-level ErrorCode once, keeping the precise code in details.reason.
import type { ErrorCode, Failure } from "../result.ts";

export type ImportErrorCode =
  // parsing
  | "invalid_json" // the payload is not JSON at all
  | "unexpected_shape" // JSON, but not the envelope this format promises (e.g. no jobs[] array)
  | "no_job_posting" // the page has no schema.org JobPosting we could read
  | "invalid_posting" // a posting was found but lacks what the jobs table requires (title, company)
  // fetching
  | "invalid_url" // not an absolute http(s) URL, or it carries credentials
  | "blocked_port" // a non-default port
  | "blocked_address" // the host is, or resolves to, a loopback/private/link-local/... address
  | "dns_failed" // the name does not resolve
  | "too_many_redirects"
  | "bad_redirect" // a 3xx without a usable Location
  | "timeout"
  | "too_large"
  | "unsupported_content_type"
  | "upstream_status" // the page answered with a non-2xx status
  | "network_error";

export interface ImportFailure {
  code: ImportErrorCode;
  message: string;
  details?: unknown;
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; error: ImportFailure };

export const importOk = <T>(value: T): ImportResult<T> => ({ ok: true, value });

export const importFail = <T = never>(code: ImportErrorCode, message: string, details?: unknown): ImportResult<T> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** The HTTP-level code each import failure surfaces as; the import code stays in details.reason. */
const httpCodeFor: Record<ImportErrorCode, ErrorCode> = {
  invalid_json: "invalid_json",
  unexpected_shape: "validation_failed",
  no_job_posting: "validation_failed",
  invalid_posting: "validation_failed",
  invalid_url: "bad_request",
  blocked_port: "forbidden",
  blocked_address: "forbidden",
  dns_failed: "bad_request",
  too_many_redirects: "bad_request",
  bad_redirect: "bad_request",
  timeout: "bad_request",
  too_large: "payload_too_large",
  unsupported_content_type: "unsupported_media_type",
  upstream_status: "bad_request",
  network_error: "bad_request",
};

export function toFailure(error: ImportFailure): Failure {
  const details = error.details === undefined ? { reason: error.code } : { reason: error.code, info: error.details };
  return { code: httpCodeFor[error.code], message: error.message, details };
}
