// SSRF guard for fetching user-supplied URLs from the server. A URL passes only if it is http(s)
// on the default port, carries no credentials, and its host is a public address, or a name
// whose every DNS answer is one. "Public" is an allow-list: ipaddr.js must call the address
// plain unicast (not loopback, RFC 1918 private, link-local including 169.254.169.254 metadata,
// CGNAT 100.64/10, multicast, unspecified, broadcast, reserved, documentation, benchmarking...)
// and, for IPv6, it must lie in global unicast 2000::/3 and not in a range that embeds or
// tunnels to IPv4 (6to4, Teredo, NAT64, IPv4-compatible); IPv4-mapped ::ffff:a.b.c.d is judged
// as the IPv4 address it maps. Decimal, octal and hex IPv4 spellings (http://2130706433/,
// http://0x7f.1/) need no special case: the WHATWG URL parser rewrites them to dotted quads
// before this module sees the host.
//
// fetch.ts connects to the address checked here, not to a second resolution of the name, so a
// DNS answer that changes between check and connect (rebinding) cannot redirect the request.
import ipaddr from "ipaddr.js";
import { importFail, importOk, type ImportResult } from "./errors.ts";

export interface GuardOptions {
  /**
   * TESTS ONLY: lets loopback addresses (127.0.0.0/8, ::1) and non-default ports through, so
   * tests can fetch from a fixture server on 127.0.0.1. Production code never passes it, and no
   * environment variable or configuration can set it.
   */
  allowLoopbackForTests?: boolean;
}

/** Resolves a host name to addresses (IPv4 and IPv6, as strings). Injected in tests. */
export type Resolver = (hostname: string, signal?: AbortSignal) => Promise<string[]>;

// Belt and braces next to ipaddr.js's range(): the ranges this guard exists for, spelled out,
// so a change in the library cannot quietly let one through.
const DENIED_CIDRS = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
  "::/96", // IPv4-compatible (deprecated), includes :: and ::1
  "::1/128",
  "64:ff9b::/96", // NAT64
  "64:ff9b:1::/48",
  "100::/64",
  "2001::/32", // Teredo
  "2001:db8::/32",
  "2002::/16", // 6to4
  "fc00::/7",
  "fe80::/10",
  "fec0::/10",
  "ff00::/8",
].map((cidr) => ipaddr.parseCIDR(cidr));

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

export interface AddressVerdict {
  allowed: boolean;
  /** The address to connect to (an IPv4-mapped IPv6 address becomes its IPv4 address). */
  address: string;
  family: 4 | 6;
  /** ipaddr.js's name for the range, or why it was refused ("invalid", "not global unicast"). */
  range: string;
}

export function checkAddress(raw: string, options: GuardOptions = {}): AddressVerdict {
  const text = raw.trim().replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(text)) return { allowed: false, address: text, family: 4, range: "invalid" };
  let parsed = ipaddr.parse(text);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const family = parsed.kind() === "ipv4" ? 4 : 6;
  const address = parsed.toString();
  const range = parsed.range();
  if (options.allowLoopbackForTests === true && range === "loopback") return { allowed: true, address, family, range };
  if (range !== "unicast") return { allowed: false, address, family, range };
  if (family === 6 && !parsed.match(GLOBAL_UNICAST_V6)) {
    return { allowed: false, address, family, range: "not global unicast" };
  }
  for (const cidr of DENIED_CIDRS) {
    if (cidr[0].kind() === parsed.kind() && parsed.match(cidr)) {
      return { allowed: false, address, family, range: `denied ${cidr[0].toString()}/${cidr[1]}` };
    }
  }
  return { allowed: true, address, family, range };
}

/** Host names that are loopback by definition (RFC 6761), refused before any DNS query. */
function isLocalName(hostname: string): boolean {
  const name = hostname.replace(/\.$/, "").toLowerCase();
  return name === "localhost" || name.endsWith(".localhost");
}

/**
 * Checks a URL's shape: absolute http(s), no user:password@, default port (unless the test
 * switch is on), a host. Returns the parsed URL with any #fragment removed.
 */
export function checkUrl(raw: string, options: GuardOptions = {}): ImportResult<URL> {
  if (typeof raw !== "string" || raw.length > 2048 || !URL.canParse(raw)) {
    return importFail("invalid_url", "Give an absolute http(s) URL of at most 2048 characters.");
  }
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return importFail("invalid_url", `Only http and https URLs can be fetched, not ${url.protocol.replace(/:$/, "")}.`);
  }
  if (url.username !== "" || url.password !== "") {
    return importFail("invalid_url", "URLs with a user name or password are not fetched.");
  }
  if (url.hostname === "") return importFail("invalid_url", "The URL has no host.");
  // URL drops a port equal to the scheme's default, so any port left is a non-default one.
  if (url.port !== "" && options.allowLoopbackForTests !== true) {
    return importFail("blocked_port", `Only the default port is allowed (got ${url.port}).`, {
      port: Number(url.port),
    });
  }
  url.hash = "";
  return importOk(url);
}

/** System DNS through Deno: A and AAAA records. A name with neither fails to resolve. */
export const systemResolver: Resolver = async (hostname, signal) => {
  const lookups = (["A", "AAAA"] as const).map((type) =>
    Deno.resolveDns(hostname, type, signal ? { signal } : {}).catch((error: unknown) => {
      if (signal?.aborted) throw error;
      return [] as string[]; // NXDOMAIN / no records of this type
    })
  );
  return (await Promise.all(lookups)).flat();
};

export interface CheckedTarget {
  url: URL;
  /** Every address checked; connect to the first. */
  addresses: string[];
  family: 4 | 6;
}

/**
 * Resolves the URL's host (or takes its IP literal) and checks every address. One refused
 * address refuses the URL: a name that answers with a public and a private address is an attack,
 * not a configuration to make the best of.
 */
export async function resolveAndCheck(
  url: URL,
  resolver: Resolver,
  options: GuardOptions = {},
  signal?: AbortSignal,
): Promise<ImportResult<CheckedTarget>> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = ipaddr.isValid(host);
  if (!literal && isLocalName(host) && options.allowLoopbackForTests !== true) {
    return importFail("blocked_address", `${host} is a loopback name.`, { host });
  }
  let addresses: string[];
  if (literal) {
    addresses = [host];
  } else {
    try {
      addresses = await resolver(host, signal);
    } catch (error) {
      if (signal?.aborted) return importFail("timeout", "Resolving the host took too long.");
      return importFail("dns_failed", `Could not resolve ${host}.`, { host, error: String(error) });
    }
    if (addresses.length === 0) return importFail("dns_failed", `${host} does not resolve to any address.`, { host });
  }
  const verdicts = addresses.map((address) => checkAddress(address, options));
  const refused = verdicts.filter((verdict) => !verdict.allowed);
  if (refused.length > 0) {
    return importFail(
      "blocked_address",
      literal
        ? `${host} is not a public address (${refused[0].range}).`
        : `${host} resolves to a non-public address (${refused[0].address}, ${refused[0].range}).`,
      { host, refused: refused.map(({ address, range }) => ({ address, range })) },
    );
  }
  return importOk({ url, addresses: verdicts.map((verdict) => verdict.address), family: verdicts[0].family });
}
