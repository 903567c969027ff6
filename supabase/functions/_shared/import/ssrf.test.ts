import assert from "node:assert/strict";
import { checkAddress, checkUrl, resolveAndCheck, type Resolver } from "./ssrf.ts";

Deno.test("checkAddress: public unicast passes", () => {
  for (const ip of ["93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001:82a::200e"]) {
    const verdict = checkAddress(ip);
    assert.equal(verdict.allowed, true, ip);
  }
  const mapped = checkAddress("::ffff:8.8.8.8");
  assert.deepEqual([mapped.allowed, mapped.address, mapped.family], [true, "8.8.8.8", 4], "judged and dialled as IPv4");
});

Deno.test("checkAddress: every internal, special or tunnelling range is refused", () => {
  const refused = [
    "127.0.0.1",
    "127.1.2.3",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254", // cloud metadata
    "169.254.0.1",
    "100.64.0.1", // CGNAT
    "100.127.255.254",
    "0.0.0.0",
    "0.1.2.3",
    "255.255.255.255",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "192.0.0.8",
    "192.0.2.1",
    "198.18.0.1",
    "198.51.100.7",
    "203.0.113.9",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456:789a::1",
    "fe80::1",
    "fe80::1%eth0",
    "fec0::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "0:0:0:0:0:ffff:7f00:1",
    "::127.0.0.1", // IPv4-compatible
    "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
    "64:ff9b:1::1",
    "2002:a9fe:a9fe::1", // 6to4 of 169.254.169.254
    "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
    "2001:db8::1",
    "100::1",
    "not-an-ip",
    "",
  ];
  for (const ip of refused) assert.equal(checkAddress(ip).allowed, false, ip);
});

Deno.test("checkAddress: the test switch lets loopback through and nothing else", () => {
  const tests = { allowLoopbackForTests: true };
  assert.equal(checkAddress("127.0.0.1", tests).allowed, true);
  assert.equal(checkAddress("::1", tests).allowed, true);
  assert.equal(checkAddress("::ffff:127.0.0.1", tests).allowed, true);
  for (const ip of ["10.0.0.1", "169.254.169.254", "192.168.0.1", "fc00::1", "0.0.0.0"]) {
    assert.equal(checkAddress(ip, tests).allowed, false, ip);
  }
});

Deno.test("checkUrl: http(s) only, no credentials, default ports only", () => {
  const refused: Array<[string, string]> = [
    ["ftp://example.com/file", "invalid_url"],
    ["file:///etc/passwd", "invalid_url"],
    ["javascript:alert(1)", "invalid_url"],
    ["gopher://example.com:70/", "invalid_url"],
    ["data:text/html,<p>x</p>", "invalid_url"],
    ["/relative/path", "invalid_url"],
    ["http://user:secret@example.com/", "invalid_url"],
    ["http://example.com:8080/", "blocked_port"],
    ["https://example.com:8443/", "blocked_port"],
    ["http://example.com:443/", "blocked_port"],
    [`https://example.com/${"x".repeat(2100)}`, "invalid_url"],
  ];
  for (const [url, code] of refused) {
    const result = checkUrl(url);
    assert.equal(result.ok, false, url);
    if (!result.ok) assert.equal(result.error.code, code, url);
  }
  const ok = checkUrl("HTTPS://Example.COM:443/jobs/1?x=1#apply");
  assert.equal(ok.ok && ok.value.href, "https://example.com/jobs/1?x=1", "default port dropped, fragment removed");
  assert.equal(checkUrl("http://example.com:80/").ok, true);
  assert.equal(checkUrl("http://127.0.0.1:8080/", { allowLoopbackForTests: true }).ok, true);
});

const never: Resolver = () => {
  throw new Error("the resolver must not be asked");
};
const fixed = (answers: Record<string, string[]>): Resolver => (host) => Promise.resolve(answers[host] ?? []);

async function refusedCode(raw: string, resolver: Resolver = never): Promise<string> {
  const url = checkUrl(raw);
  if (!url.ok) return url.error.code;
  const result = await resolveAndCheck(url.value, resolver);
  return result.ok ? "allowed" : result.error.code;
}

Deno.test("resolveAndCheck: IP literals in every spelling are checked without DNS", async () => {
  const literals = [
    "http://127.0.0.1/",
    "http://2130706433/", // decimal
    "http://0x7f000001/", // hex
    "http://0177.0.0.1/", // octal
    "http://0x7f.1/",
    "http://127.1/",
    "http://10.0.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[fd00::1]/",
    "http://0/",
  ];
  for (const url of literals) assert.equal(await refusedCode(url), "blocked_address", url);
  assert.equal(await refusedCode("http://93.184.216.34/"), "allowed");
});

Deno.test("resolveAndCheck: every resolved address must be public", async () => {
  const resolver = fixed({
    "intranet.example": ["10.1.2.3"],
    "mixed.example": ["93.184.216.34", "192.168.0.10"],
    "metadata.example": ["169.254.169.254"],
    "v6.example": ["fd00::5"],
    "public.example": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
  });
  assert.equal(await refusedCode("http://intranet.example/", resolver), "blocked_address");
  assert.equal(await refusedCode("http://mixed.example/", resolver), "blocked_address");
  assert.equal(await refusedCode("http://metadata.example/", resolver), "blocked_address");
  assert.equal(await refusedCode("http://v6.example/", resolver), "blocked_address");
  assert.equal(await refusedCode("http://nxdomain.example/", resolver), "dns_failed");
  assert.equal(await refusedCode("http://public.example/", resolver), "allowed");
  const failing: Resolver = () => Promise.reject(new Error("SERVFAIL"));
  assert.equal(await refusedCode("http://broken.example/", failing), "dns_failed");
});

Deno.test("resolveAndCheck: localhost names are refused before any DNS query", async () => {
  for (const url of ["http://localhost/", "http://LOCALHOST./", "http://api.localhost/"]) {
    assert.equal(await refusedCode(url), "blocked_address", url);
  }
});
