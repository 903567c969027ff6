// The one way import code fetches a URL it did not choose itself (a posting link a user pasted,
// a board feed): every hop is checked by ssrf.ts, redirects are followed by hand (at most 5) and
// re-checked, the whole exchange has one deadline (10 s), the body is capped while it streams
// (2 MB after decompression, so a gzip bomb stops at the cap too), and only HTML or JSON is
// accepted.
//
// Connection pinning: requests go through node:http/node:https with a `lookup` that returns
// the address ssrf.ts checked, so the socket connects to exactly that address while TLS still
// verifies the certificate (and sends SNI) for the host name. The name is never resolved a
// second time, which closes the DNS-rebinding window between check and connect. (Deno's fetch
// cannot do this for HTTPS: its tcp proxy transport sends plaintext, so it is not used.)
//
// Residual risks, stated so nobody assumes more: the pin relies on the runtime's node:http
// honouring `lookup` (Deno 2.9 does; the test "the socket goes to the checked address" fails
// on a runtime that re-resolves, and should be run on the deployment runtime's version too).
// Only the first checked address is dialled, with no fallback to the others. No egress proxy
// is used (agent: false ignores HTTP(S)_PROXY), so a deployment that requires one cannot fetch.
import type { LookupAddress, LookupOptions } from "node:dns";
import type { IncomingMessage } from "node:http";
import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { z } from "zod";
import { importFail, importOk, type ImportResult } from "./errors.ts";
import { charsetFromContentType } from "./html.ts";
import { checkUrl, type GuardOptions, resolveAndCheck, type Resolver, systemResolver } from "./ssrf.ts";

export const DEFAULT_ACCEPT = ["text/html", "application/xhtml+xml", "application/json", "application/ld+json"];

const FetchOptions = z.object({
  timeoutMs: z.number().int().positive().max(60_000).default(10_000),
  maxBytes: z.number().int().positive().max(20 * 1024 * 1024).default(2 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(10).default(5),
  /** Media types accepted, without parameters. */
  accept: z.array(z.string().min(1)).min(1).default(DEFAULT_ACCEPT),
  /** TESTS ONLY, see GuardOptions. */
  allowLoopbackForTests: z.boolean().default(false),
  /** TESTS ONLY: extra CA certificates (PEM) trusted for HTTPS, for a self-signed fixture server. */
  caCertsForTests: z.array(z.string()).optional(),
});

export type GuardedFetchOptions = z.input<typeof FetchOptions> & {
  /** DNS resolution; the system resolver unless a test injects one. */
  resolver?: Resolver;
};

export interface FetchedPage {
  /** The final URL, after redirects: what relative links in the page resolve against. */
  url: string;
  status: number;
  /** The Content-Type header as sent. */
  contentType: string;
  /** Its media type, lower-cased, without parameters. */
  mediaType: string;
  charset: string | null;
  bytes: Uint8Array;
  /** The URLs that redirected, in order. */
  redirects: string[];
  /** The address the final response came from. */
  address: string;
}

const USER_AGENT = "JobtrailImporter/1.0 (job posting import)";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function mediaTypeOf(contentType: string): string {
  return contentType.split(";")[0].trim().toLowerCase();
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError"));
}

/** Opens one GET to `url`, connecting to `address` whatever the name resolves to now. */
function open(
  url: URL,
  address: string,
  family: 4 | 6,
  accept: readonly string[],
  signal: AbortSignal,
  caCerts: string[] | undefined,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const module = url.protocol === "https:" ? https : http;
    const request = module.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: {
        "user-agent": USER_AGENT,
        "accept": accept.join(", "),
        "accept-encoding": "gzip, deflate, br",
        "connection": "close",
      },
      agent: false, // no pooled socket: each hop connects to the address checked for it
      signal,
      ...(caCerts ? { ca: caCerts } : {}),
      // The pin: Node asks this for the host's addresses and gets the checked one, nothing else.
      lookup: (
        _hostname: string,
        lookupOptions: LookupOptions,
        callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
      ) => {
        if (lookupOptions?.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      },
    });
    request.on("response", resolve);
    request.on("error", reject);
    request.end();
  });
}

/** The body, decompressed, stopping as soon as it passes maxBytes. */
async function readCapped(
  response: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
): Promise<ImportResult<Uint8Array>> {
  const encoding = String(response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  let stream: Readable = response;
  if (encoding === "gzip" || encoding === "x-gzip") stream = response.pipe(zlib.createGunzip());
  else if (encoding === "deflate") stream = response.pipe(zlib.createInflate());
  else if (encoding === "br") stream = response.pipe(zlib.createBrotliDecompress());
  else if (encoding !== "identity" && encoding !== "") {
    response.destroy();
    return importFail("network_error", `Unsupported content encoding ${encoding}.`);
  }
  const onAbort = () => {
    const error = new Error("aborted");
    error.name = "AbortError";
    stream.destroy(error);
    response.destroy(error);
  };
  signal.addEventListener("abort", onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = chunk instanceof Uint8Array ? chunk : new TextEncoder().encode(String(chunk));
      size += bytes.byteLength;
      if (size > maxBytes) {
        stream.destroy();
        response.destroy();
        return importFail("too_large", `The response is larger than ${maxBytes} bytes.`, { max_bytes: maxBytes });
      }
      chunks.push(bytes);
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return importOk(body);
}

/**
 * GETs a URL through the SSRF guard. Never throws: every refusal and failure is an
 * ImportFailure (invalid_url, blocked_port, blocked_address, dns_failed, too_many_redirects,
 * bad_redirect, timeout, too_large, unsupported_content_type, upstream_status, network_error).
 */
export async function guardedFetch(
  rawUrl: string,
  options: GuardedFetchOptions = {},
): Promise<ImportResult<FetchedPage>> {
  const { resolver = systemResolver, ...rest } = options;
  const parsedOptions = FetchOptions.safeParse(rest);
  if (!parsedOptions.success) return importFail("invalid_url", "Invalid fetch options.", parsedOptions.error.issues);
  const config = parsedOptions.data;
  const guard: GuardOptions = { allowLoopbackForTests: config.allowLoopbackForTests };
  const accept = config.accept.map((type) => type.toLowerCase());
  // One deadline for DNS, every hop and the body together.
  const signal = AbortSignal.timeout(config.timeoutMs);

  const first = checkUrl(rawUrl, guard);
  if (!first.ok) return first;
  let url = first.value;
  const redirects: string[] = [];

  try {
    for (let hop = 0;; hop++) {
      const target = await resolveAndCheck(url, resolver, guard, signal);
      if (!target.ok) return target;
      const [address] = target.value.addresses;
      const response = await open(url, address, target.value.family, accept, signal, config.caCertsForTests);
      const status = response.statusCode ?? 0;

      if (REDIRECTS.has(status)) {
        response.destroy();
        const location = response.headers.location;
        if (!location || !URL.canParse(location, url)) {
          return importFail("bad_redirect", `The server answered ${status} without a usable Location.`);
        }
        if (hop >= config.maxRedirects) {
          return importFail("too_many_redirects", `More than ${config.maxRedirects} redirects.`, {
            redirects: [...redirects, url.href],
          });
        }
        const next = checkUrl(new URL(location, url).href, guard);
        if (!next.ok) return { ok: false, error: { ...next.error, details: { redirect_from: url.href, location } } };
        redirects.push(url.href);
        url = next.value;
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        return importFail("upstream_status", `The page answered HTTP ${status}.`, { status });
      }
      const contentType = String(response.headers["content-type"] ?? "");
      const mediaType = mediaTypeOf(contentType);
      if (!accept.includes(mediaType)) {
        response.destroy();
        return importFail(
          "unsupported_content_type",
          `Expected ${accept.join(", ")}, got ${mediaType || "no content type"}.`,
          {
            content_type: contentType,
          },
        );
      }
      const declared = Number(response.headers["content-length"] ?? "0");
      if (Number.isFinite(declared) && declared > config.maxBytes) {
        response.destroy();
        return importFail("too_large", `The response is larger than ${config.maxBytes} bytes.`, {
          max_bytes: config.maxBytes,
        });
      }
      const body = await readCapped(response, config.maxBytes, signal);
      if (!body.ok) return body;
      return importOk({
        url: url.href,
        status,
        contentType,
        mediaType,
        charset: charsetFromContentType(contentType),
        bytes: body.value,
        redirects,
        address,
      });
    }
  } catch (error) {
    if (isAbort(error, signal)) return importFail("timeout", `The fetch took longer than ${config.timeoutMs} ms.`);
    return importFail("network_error", `Fetching ${url.host} failed.`, { error: String(error) });
  }
}
