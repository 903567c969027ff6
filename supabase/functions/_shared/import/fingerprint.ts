// The dedup fingerprint, computed in TypeScript exactly as the database computes the generated
// column jobs.fingerprint (private.job_fingerprint in 20261125181200_jobs.sql):
//
//   md5(norm(company) || '|' || norm(title) || '|' || norm(location))
//   norm(v) = btrim(regexp_replace(regexp_replace(regexp_replace(
//               lower(unaccent(coalesce(v, ''))), '[^a-z0-9]+', ' ', 'g'),
//               '\m(inc|...|co)\M', ' ', 'g'), '\s+', ' ', 'g'))
//
// so an importer can find "the same job on another board" before it writes anything. unaccent
// is replayed from PostgreSQL's own rules file (unaccent_rules.ts, generated); tests pin the
// result to vectors computed by Postgres.
import { createHash } from "node:crypto";
import { UNACCENT_RULES } from "./unaccent_rules.ts";

/** private.fold_text(): lower(unaccent(value)). */
export function foldText(value: string): string {
  let out = "";
  // for..of walks code points, as unaccent does; no rule has a multi-character source.
  for (const char of value) out += UNACCENT_RULES[char] ?? char;
  // Only ASCII letters can survive the next step, so only their case matters; Postgres lower()
  // and toLowerCase() agree on them. (Characters unaccent leaves alone and lower() would turn
  // into ASCII, like the Kelvin sign, depend on the database's locale; see the tests.)
  return out.toLowerCase();
}

const LEGAL_SUFFIXES = /\b(?:inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|bv|plc|corp|corporation|co)\b/g;

/** private.normalize_for_fingerprint(). */
export function normalizeForFingerprint(value: string | null | undefined): string {
  // After the first replacement the text is [a-z0-9 ] only, where JS \b and Postgres \m/\M
  // see the same word boundaries.
  return foldText(value ?? "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(LEGAL_SUFFIXES, " ")
    .replace(/\s+/g, " ")
    .replace(/^ +| +$/g, "");
}

/** private.job_fingerprint(company, title, location): 32 lower-case hex digits. */
export function fingerprint(
  company: string | null | undefined,
  title: string | null | undefined,
  location: string | null | undefined,
): string {
  const key = `${normalizeForFingerprint(company)}|${normalizeForFingerprint(title)}|${
    normalizeForFingerprint(location)
  }`;
  return createHash("md5").update(key, "utf8").digest("hex");
}
