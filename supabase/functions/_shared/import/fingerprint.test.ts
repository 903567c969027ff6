import assert from "node:assert/strict";
import { fingerprint, foldText, normalizeForFingerprint } from "./fingerprint.ts";
import { readFixtureJson } from "./fixtures.ts";

interface Vector {
  input: string;
  normalized: string;
  fingerprint: string;
}

Deno.test("fingerprint: known vectors", () => {
  assert.equal(fingerprint("Acme, Inc.", "Senior Engineer", "Berlin"), "08a3f8026ed42be9fa2384d29a243caf");
  assert.equal(fingerprint("Müller & Söhne GmbH", "Entwickler/in", "Zürich"), "f75b1c902daa43452f50e6cca11998f5");
  assert.equal(fingerprint(null, undefined, ""), "7d010443693eec253a121e2aa2ba177c", "coalesce(null, '')");
});

Deno.test("fingerprint: the same job on two boards matches, a different one does not", () => {
  const a = fingerprint("ACME Incorporated", "Senior  Engineer (Backend)", "Berlin, Germany");
  assert.equal(fingerprint("Acme", "senior engineer - backend", "BERLIN GERMANY"), a);
  assert.notEqual(fingerprint("Acme", "Staff Engineer (Backend)", "Berlin, Germany"), a);
});

Deno.test("normalizeForFingerprint: case, accents, punctuation and legal suffixes", () => {
  const cases: Array<[string, string]> = [
    ["Acme, Inc.", "acme"],
    ["Crème Brûlée Co.", "creme brulee"],
    ["Straße & Söhne AG", "strasse sohne"],
    ["Ærø Œuvre", "aero oeuvre"],
    ["SAS Institute", "institute"],
    ["co co", ""],
    ["Incorporated Corp. Ltd", ""],
    ["Cooperative", "cooperative"],
    ["e\u0301cole", "ecole"], // a combining accent is dropped, not turned into a space
    ["½ price", "1 2 price"], // unaccent's " 1/2" loses its leading space, as in Postgres
    ["日本 Software", "software"],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeForFingerprint(input), expected, input);
  assert.equal(foldText("ÀÉÎ ß"), "aei ss");
});

Deno.test("fingerprint: equals private.job_fingerprint() on 622 vectors computed by PostgreSQL", () => {
  const { vectors } = readFixtureJson("fingerprint_vectors.json") as { vectors: Vector[] };
  assert.equal(vectors.length, 622);
  for (const vector of vectors) {
    assert.equal(normalizeForFingerprint(vector.input), vector.normalized, JSON.stringify(vector.input));
    // The SQL side computed job_fingerprint(input, input || 'x', null).
    assert.equal(fingerprint(vector.input, `${vector.input}x`, null), vector.fingerprint, JSON.stringify(vector.input));
  }
});
