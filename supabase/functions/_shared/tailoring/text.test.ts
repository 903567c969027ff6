import assert from "node:assert/strict";
import { asSentence, contentTerms, joinList, nameWords, normName, stem, titleTerms, wordCount } from "./text.ts";

Deno.test("terms: folded, stopwords out, light stemming on both sides alike", () => {
  assert.deepEqual(contentTerms("Running the Payments APIs in Málaga"), ["run", "payment", "api", "malaga"]);
  assert.equal(stem("planned"), "plan");
  assert.equal(stem("libraries"), "library");
  assert.equal(stem("class"), "class");
  assert.deepEqual(titleTerms("Senior Backend Engineer (Go) II"), ["backend", "engineer", "go"]);
});

Deno.test("names: accents, ampersands and legal suffixes fold away", () => {
  assert.deepEqual(nameWords("Procter & Gamble Co."), ["procter", "and", "gamble"]);
  assert.equal(normName("Fennel Foods GmbH"), "fennel foods");
  assert.equal(normName("Universidad Politécnica de Madrid"), "universidad politecnica de madrid");
  assert.equal(normName("The Guardian"), "guardian");
});

Deno.test("small helpers", () => {
  assert.equal(wordCount("  one two\nthree  "), 3);
  assert.equal(wordCount(""), 0);
  assert.equal(joinList(["a", "b", "c"]), "a, b and c");
  assert.equal(joinList(["a"]), "a");
  assert.equal(asSentence("Done"), "Done.");
  assert.equal(asSentence("Done!"), "Done!");
});
