// Text primitives shared by analysis (what does a posting ask for?) and grounding (what does a
// draft claim?): accent/case folding and content terms with light stemming. Both sides use the
// same functions so that a fact read from the user's data is recognised the same way when it
// reappears in a generated document. Skills in free text are found by ../skill_mentions.ts.

/** Lower-case, accents removed ("Málaga" -> "malaga"); keeps punctuation. */
export function fold(value: string): string {
  return value.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

// Legal suffixes never make a different organisation (mirrors private.normalize_for_fingerprint()).
const LEGAL_SUFFIXES = new Set([
  "inc",
  "incorporated",
  "llc",
  "ltd",
  "limited",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "bv",
  "plc",
  "corp",
  "corporation",
  "co",
]);

/**
 * Words of a name or phrase for comparison: folded, "&" read as "and", punctuation dropped,
 * legal suffixes and leading articles removed. "Procter & Gamble Co." -> ["procter","and","gamble"].
 */
export function nameWords(value: string): string[] {
  const words = fold(value)
    .replace(/&/g, " and ")
    .replace(/['’]s\b/g, "")
    .replace(/[^\p{L}\p{N}+#]+/gu, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "" && !LEGAL_SUFFIXES.has(word));
  while (words.length > 1 && (words[0] === "the" || words[0] === "a" || words[0] === "an")) words.shift();
  return words;
}

export const normName = (value: string): string => nameWords(value).join(" ");

/** True when `needle` occurs in `haystack` as whole words (both already normalised with normName). */
export function containsPhrase(haystack: string, needle: string): boolean {
  if (!needle) return false;
  return ` ${haystack} `.includes(` ${needle} `);
}

// Words that carry no signal about what a job needs: grammar, plus posting boilerplate.
const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each etc few for from further had has have having he her here hers him his how i if in " +
    "into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so " +
    "some such than that the their theirs them then there these they this those through to too under until up us very was we were " +
    "what when where which while who whom why will with would you your yours " +
    "ability able across apply applicant applicants around based benefits candidate candidates company day days do environment " +
    "equal excellent experience experienced familiarity good great help ideal including join knowledge like looking love must " +
    "new nice offer one opportunity opportunities our plus preferred required requirement requirements responsibilities role roles " +
    "skill skills strong team teams things type using want way well work working year years you'll we're"
  ).split(" "),
);

// Seniority does not decide whether two titles are the same job ("Senior Backend Engineer" vs
// "Backend Engineer"); leaving it out of title matching keeps the score about the work itself.
const SENIORITY = new Set([
  "senior",
  "sr",
  "junior",
  "jr",
  "lead",
  "principal",
  "staff",
  "head",
  "mid",
  "level",
  "i",
  "ii",
  "iii",
  "iv",
  "intern",
  "entry",
  "graduate",
  "trainee",
]);

/** A light, deterministic suffix stripper: plurals and common verb endings, nothing clever. */
export function stem(word: string): string {
  let out = word;
  if (out.length > 4 && out.endsWith("ies")) return out.slice(0, -3) + "y";
  if (out.length > 5 && out.endsWith("ing")) out = out.slice(0, -3);
  else if (out.length > 4 && out.endsWith("ed")) out = out.slice(0, -2);
  else if (out.length > 3 && out.endsWith("s") && !out.endsWith("ss") && !out.endsWith("us")) return out.slice(0, -1);
  // "running" -> "runn" -> "run", "planned" -> "plann" -> "plan".
  if (out !== word && /([b-df-hj-km-np-tv-z])\1$/.test(out) && !/(ll|ss|zz)$/.test(out)) out = out.slice(0, -1);
  return out;
}

export interface ContentTerm {
  /** The stemmed form terms are compared by. */
  term: string;
  /** The folded word as written, for explanations. */
  word: string;
}

/** Content words of a text: folded words of 3+ letters, not stopwords, not numbers; with stems. */
export function contentWords(value: string): ContentTerm[] {
  const out: ContentTerm[] = [];
  for (const word of fold(value).split(/[^\p{L}\p{N}+#]+/u)) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push({ term: stem(word), word });
  }
  return out;
}

/** Stemmed content terms of a text (see contentWords). */
export function contentTerms(value: string): string[] {
  return contentWords(value).map(({ term }) => term);
}

/** Terms of a job title that say what the job is: content terms without seniority words. */
export function titleTerms(value: string): string[] {
  const words = fold(value).split(/[^\p{L}\p{N}+#]+/u);
  const terms = new Set<string>();
  for (const word of words) {
    if (!word || SENIORITY.has(word) || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    if (word.length < 2) continue;
    terms.add(stem(word));
  }
  return [...terms];
}

/** Counts words the way a reader would (whitespace-separated). */
export function wordCount(value: string): number {
  const trimmed = value.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

/** Joins ["a","b","c"] as "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Ensures a sentence ends with terminal punctuation, so sentences can be concatenated safely. */
export function asSentence(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) return trimmed;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
