// The guarded fetcher against a real HTTP server on 127.0.0.1. Only loopback is ever contacted:
// every refused case (private, metadata, IPv6 loopback, a name resolving to a private address,
// a redirect to one) is refused before a socket is opened, which is what these tests show.
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { guardedFetch, type GuardedFetchOptions } from "./fetch.ts";
import type { ImportErrorCode } from "./errors.ts";
import { parseJsonLdPageBytes } from "./jsonld.ts";
import { fixtureDictionary, readFixtureBytes } from "./fixtures.ts";
import type { Resolver } from "./ssrf.ts";
import { sleep } from "../testing.ts";

const PAGE = readFixtureBytes("jsonld_basic.html");
const LATIN1 = readFixtureBytes("jsonld_iso8859_1_header.html");
const MB = 1024 * 1024;

/** The fixture site. Every route is a case the fetcher must handle; `closing` ends slow routes at shutdown. */
const site = (closing: AbortSignal) => (request: Request): Response | Promise<Response> => {
  const url = new URL(request.url);
  const path = url.pathname;
  const html = { "content-type": "text/html; charset=utf-8" };
  const chain = /^\/chain\/(\d+)$/.exec(path);
  if (chain) {
    const left = Number(chain[1]);
    return left === 0
      ? new Response(PAGE, { headers: html })
      : new Response(null, { status: 302, headers: { location: `/chain/${left - 1}` } });
  }
  switch (path) {
    case "/job":
      return new Response(PAGE, { headers: html });
    case "/feed.json":
      return Response.json({ jobs: [] });
    case "/ld.json":
      return new Response("{}", { headers: { "content-type": "application/ld+json" } });
    case "/latin1":
      return new Response(LATIN1, { headers: { "content-type": "text/html; charset=ISO-8859-1" } });
    case "/relative-redirect":
      return new Response(null, { status: 301, headers: { location: "job" } });
    case "/redirect-private":
      return new Response(null, { status: 302, headers: { location: "http://10.0.0.1/admin" } });
    case "/redirect-metadata":
      return new Response(null, { status: 307, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
    case "/redirect-file":
      return new Response(null, { status: 302, headers: { location: "file:///etc/passwd" } });
    case "/redirect-loop":
      return new Response(null, { status: 302, headers: { location: "/redirect-loop" } });
    case "/redirect-nowhere":
      return new Response(null, { status: 302 });
    case "/big-declared":
      return new Response(new Uint8Array(3 * MB), { headers: html });
    case "/big-streamed":
      return new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
          },
        }),
        { headers: html },
      );
    case "/gzip-bomb":
      return new Response(new Uint8Array(gzipSync(new Uint8Array(20 * MB))), {
        headers: { ...html, "content-encoding": "gzip" },
      });
    case "/gzip":
      return new Response(new Uint8Array(gzipSync(PAGE)), { headers: { ...html, "content-encoding": "gzip" } });
    case "/slow-headers":
      return sleep(5_000, closing).then(() => new Response(PAGE, { headers: html }));
    case "/slow-body":
      return new Response(
        new ReadableStream({
          async start(controller) {
            controller.enqueue(new TextEncoder().encode("<html>"));
            await sleep(5_000, closing);
            try {
              controller.close();
            } catch {
              // the client went away
            }
          },
        }),
        { headers: html },
      );
    case "/image":
      return new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { "content-type": "image/png" } });
    case "/no-type":
      return new Response(new Uint8Array([0x3c, 0x70, 0x3e]));
    default:
      return new Response("not here", { status: 404, headers: html });
  }
};

async function withServer(
  run: (origin: string, port: number) => Promise<void>,
  tls?: { cert: string; key: string },
): Promise<void> {
  const closing = new AbortController();
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {}, ...tls }, site(closing.signal));
  try {
    await run(`${tls ? "https" : "http"}://127.0.0.1:${server.addr.port}`, server.addr.port);
  } finally {
    closing.abort();
    await server.shutdown();
  }
}

const TEST = { allowLoopbackForTests: true } as const;

async function failureCode(url: string, options: GuardedFetchOptions = {}): Promise<ImportErrorCode | "ok"> {
  const result = await guardedFetch(url, options);
  return result.ok ? "ok" : result.error.code;
}

Deno.test("fetch: a loopback fixture is fetched with the test switch", async () => {
  await withServer(async (origin) => {
    const result = await guardedFetch(`${origin}/job#section`, TEST);
    if (!result.ok) assert.fail(JSON.stringify(result.error));
    assert.equal(result.value.status, 200);
    assert.equal(result.value.mediaType, "text/html");
    assert.equal(result.value.charset, "utf-8");
    assert.equal(result.value.address, "127.0.0.1");
    assert.equal(result.value.url, `${origin}/job`);
    assert.deepEqual(result.value.bytes, PAGE);
    for (const path of ["/feed.json", "/ld.json"]) {
      assert.equal(await failureCode(`${origin}${path}`, TEST), "ok", path);
    }
  });
});

Deno.test("fetch: gzip bodies are decompressed", async () => {
  await withServer(async (origin) => {
    const result = await guardedFetch(`${origin}/gzip`, TEST);
    assert.ok(result.ok && result.value.bytes.byteLength === PAGE.byteLength);
  });
});

Deno.test("fetch: the refused addresses are refused before connecting", async () => {
  await withServer(async (origin, port) => {
    const cases: Array<[string, GuardedFetchOptions, ImportErrorCode]> = [
      ["http://127.0.0.1/job", {}, "blocked_address"],
      ["http://10.0.0.1/", {}, "blocked_address"],
      ["http://10.0.0.1/", TEST, "blocked_address"], // the switch allows loopback only
      ["http://169.254.169.254/latest/meta-data/", TEST, "blocked_address"],
      ["http://[::1]/", {}, "blocked_address"],
      ["http://2130706433/", {}, "blocked_address"],
      ["http://localhost/", {}, "blocked_address"],
      [`http://localhost:${port}/job`, {}, "blocked_port"],
      [`${origin}/job`, {}, "blocked_port"], // a non-default port without the switch
      ["ftp://127.0.0.1/", TEST, "invalid_url"],
    ];
    for (const [url, options, code] of cases) assert.equal(await failureCode(url, options), code, url);
  });
});

Deno.test("fetch: a host name resolving to a private address is refused", async () => {
  const resolver: Resolver = (host) => Promise.resolve(host === "intranet.example" ? ["10.20.30.40"] : []);
  assert.equal(await failureCode("http://intranet.example/", { resolver }), "blocked_address");
  assert.equal(await failureCode("http://nowhere.example/", { resolver }), "dns_failed");
});

Deno.test("fetch: the socket goes to the checked address; the name is not resolved again", async () => {
  await withServer(async (_origin, port) => {
    // fixture.test exists in no DNS: the fetch can only succeed by dialling the pinned address.
    // A rebinding resolver that would answer 10.0.0.1 the second time is asked once per hop.
    let calls = 0;
    const rebinding: Resolver = () => Promise.resolve(calls++ === 0 ? ["127.0.0.1"] : ["10.0.0.1"]);
    const result = await guardedFetch(`http://fixture.test:${port}/job`, { ...TEST, resolver: rebinding });
    if (!result.ok) assert.fail(JSON.stringify(result.error));
    assert.equal(calls, 1);
    assert.equal(result.value.address, "127.0.0.1");
  });
});

Deno.test("fetch: redirects are followed by hand and re-checked at each hop", async () => {
  await withServer(async (origin) => {
    const five = await guardedFetch(`${origin}/chain/5`, TEST);
    assert.ok(five.ok, "five redirects are fine");
    if (five.ok) {
      assert.equal(five.value.redirects.length, 5);
      assert.equal(five.value.url, `${origin}/chain/0`);
    }
    assert.equal(await failureCode(`${origin}/chain/6`, TEST), "too_many_redirects");
    assert.equal(await failureCode(`${origin}/redirect-loop`, TEST), "too_many_redirects");
    assert.equal(await failureCode(`${origin}/relative-redirect`, TEST), "ok");
    assert.equal(await failureCode(`${origin}/redirect-private`, TEST), "blocked_address");
    assert.equal(await failureCode(`${origin}/redirect-metadata`, TEST), "blocked_address");
    assert.equal(await failureCode(`${origin}/redirect-file`, TEST), "invalid_url");
    assert.equal(await failureCode(`${origin}/redirect-nowhere`, TEST), "bad_redirect");
    assert.equal(await failureCode(`${origin}/chain/1`, { ...TEST, maxRedirects: 0 }), "too_many_redirects");
  });
});

Deno.test("fetch: bodies over 2 MB are refused, declared, streamed or decompressed", async () => {
  await withServer(async (origin) => {
    assert.equal(await failureCode(`${origin}/big-declared`, TEST), "too_large");
    assert.equal(await failureCode(`${origin}/big-streamed`, TEST), "too_large");
    assert.equal(await failureCode(`${origin}/gzip-bomb`, TEST), "too_large");
    assert.equal(await failureCode(`${origin}/job`, { ...TEST, maxBytes: 100 }), "too_large");
  });
});

Deno.test("fetch: one deadline covers slow headers and slow bodies", async () => {
  await withServer(async (origin) => {
    const started = Date.now();
    assert.equal(await failureCode(`${origin}/slow-headers`, { ...TEST, timeoutMs: 300 }), "timeout");
    assert.equal(await failureCode(`${origin}/slow-body`, { ...TEST, timeoutMs: 300 }), "timeout");
    assert.ok(Date.now() - started < 4_500, "both gave up long before the server finished");
  });
});

Deno.test("fetch: only HTML and JSON, and only 2xx", async () => {
  await withServer(async (origin) => {
    assert.equal(await failureCode(`${origin}/image`, TEST), "unsupported_content_type");
    assert.equal(await failureCode(`${origin}/no-type`, TEST), "unsupported_content_type");
    assert.equal(
      await failureCode(`${origin}/job`, { ...TEST, accept: ["application/json"] }),
      "unsupported_content_type",
    );
    const missing = await guardedFetch(`${origin}/missing`, TEST);
    assert.ok(!missing.ok && missing.error.code === "upstream_status");
    if (!missing.ok) assert.deepEqual(missing.error.details, { status: 404 });
  });
});

Deno.test("fetch: a connection refused is a network error, not a throw", async () => {
  const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (probe.addr as Deno.NetAddr).port;
  probe.close(); // nothing listens there now
  assert.equal(await failureCode(`http://127.0.0.1:${port}/`, TEST), "network_error");
});

Deno.test("fetch + parse: a non-UTF-8 page decodes by its HTTP charset", async () => {
  await withServer(async (origin) => {
    const page = await guardedFetch(`${origin}/latin1`, TEST);
    if (!page.ok) assert.fail(JSON.stringify(page.error));
    const posting = parseJsonLdPageBytes(
      { bytes: page.value.bytes, url: page.value.url, contentType: page.value.contentType },
      { dictionary: fixtureDictionary() },
    );
    assert.ok(posting.ok && posting.value.title === "Développeur·se Full-Stack");
  });
});

// HTTPS pinning needs a certificate for a made-up name; openssl makes one when it is installed.
const openssl = (() => {
  try {
    return new Deno.Command("openssl", { args: ["version"], stdout: "null", stderr: "null" }).outputSync().success;
  } catch {
    return false;
  }
})();

Deno.test({
  name: "fetch: HTTPS connects to the pinned address and still verifies the certificate for the name",
  ignore: !openssl,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const made = await new Deno.Command("openssl", {
        args: [
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "1",
          "-subj",
          "/CN=fixture.test",
          "-addext",
          "subjectAltName=DNS:fixture.test",
          "-keyout",
          `${dir}/key.pem`,
          "-out",
          `${dir}/cert.pem`,
        ],
        stdout: "null",
        stderr: "null",
      }).output();
      assert.ok(made.success);
      const cert = await Deno.readTextFile(`${dir}/cert.pem`);
      const key = await Deno.readTextFile(`${dir}/key.pem`);
      await withServer(async (_origin, port) => {
        const resolver: Resolver = () => Promise.resolve(["127.0.0.1"]);
        const options = { ...TEST, resolver, caCertsForTests: [cert] };
        const good = await guardedFetch(`https://fixture.test:${port}/job`, options);
        assert.ok(good.ok, JSON.stringify(!good.ok && good.error));
        // Same address, a name the certificate does not cover: TLS refuses.
        assert.equal(await failureCode(`https://other.test:${port}/job`, options), "network_error");
        // Without the test CA the self-signed certificate is not trusted.
        assert.equal(await failureCode(`https://fixture.test:${port}/job`, { ...TEST, resolver }), "network_error");
      }, { cert, key });
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
