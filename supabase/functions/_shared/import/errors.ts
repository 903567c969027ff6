// Errors as values for the import pipeline. Parsers and the guarded fetcher never throw on bad
// input: they return an ImportFailure with a stable, import-specific code that callers (the
// import-jobs function, tests, batch reports) can switch on; import-jobs maps each code to its
// HTTP status (statusOf) and answers with the import code itself in the error envelope.

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
