// Text primitives shared by analysis (what does a posting ask for?) and grounding (what does a
// draft claim?): accent/case folding, content terms with light stemming, and finding the skills of
// a SkillDictionary in free text. Both sides use the same functions so that a fact read from the
// user's data is recognised the same way when it reappears in a generated document.
import { type SkillDictionary, skillKey } from "../skills.ts";

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

// ---------------------------------------------------------------------------------------------
// Skill extraction

// Tokens keep the punctuation skills are spelled with (c++, c#, node.js, .net) and "&" so that
// "R&D" stays one token instead of turning into the languages R and D.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}+#&]*(?:\.[\p{L}\p{N}+#]+)*|\.[\p{L}\p{N}][\p{L}\p{N}+#]*/gu;

interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
}

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  for (const match of value.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    tokens.push({ text: match[0], key: match[0].toLowerCase(), start, end: start + match[0].length });
  }
  return tokens;
}

// Skill names that are also everyday words. In free text they count only with supporting context
// (see acceptsAmbiguous); from a posting's skill arrays or a profile's skill list they always count.
const AMBIGUOUS_WORDS = new Set([
  "go",
  "rest",
  "react",
  "express",
  "spark",
  "swift",
  "rust",
  "shell",
  "excel",
  "access",
  "less",
  "make",
  "chef",
  "puppet",
  "ant",
  "dart",
  "elm",
  "hive",
  "pig",
  "storm",
  "jest",
  "mocha",
  "ember",
  "backbone",
  "sketch",
  "word",
  "outlook",
  "teams",
  "slack",
  "notion",
  "linear",
  "flask",
  "crystal",
  "unity",
  "salt",
  "helm",
  "basic",
  "assembly",
  "node",
  "next",
  "rails",
]);

interface AliasEntry {
  tokens: string[];
  canonical: string;
  ambiguous: boolean;
}

type AliasIndex = Map<string, AliasEntry[]>;

// Built once per dictionary object: tailoring a CV scans several texts against the same dictionary.
const indexCache = new WeakMap<SkillDictionary, AliasIndex>();

function aliasIndex(dictionary: SkillDictionary): AliasIndex {
  const cached = indexCache.get(dictionary);
  if (cached) return cached;
  const index: AliasIndex = new Map();
  for (const [alias, canonical] of dictionary) {
    const tokens = tokenize(alias).map((token) => token.key);
    if (tokens.length === 0) continue;
    const single = tokens.length === 1 ? tokens[0] : null;
    // Short purely alphabetic aliases ("r", "c", "go", "ml") and everyday words are ambiguous.
    const ambiguous = single !== null &&
      ((single.length <= 2 && /^\p{L}+$/u.test(single)) || AMBIGUOUS_WORDS.has(single));
    const entry: AliasEntry = { tokens, canonical, ambiguous };
    const list = index.get(tokens[0]);
    if (list) list.push(entry);
    else index.set(tokens[0], [entry]);
  }
  // Longest alias first, so "ruby on rails" wins over "ruby"; then by alias text for determinism.
  for (const list of index.values()) {
    list.sort((a, b) => b.tokens.length - a.tokens.length || a.tokens.join(" ").localeCompare(b.tokens.join(" ")));
  }
  indexCache.set(dictionary, index);
  return index;
}

export interface SkillMention {
  canonical: string;
  /** The text as written, e.g. "Postgres". */
  text: string;
  start: number;
  end: number;
  ambiguous: boolean;
}

/**
 * How eager to be with ambiguous aliases:
 * - "posting": conservative, for reading what a job asks for. "You will go the extra mile" and
 *   "React to incidents" must not add Go or React to a posting, so an ambiguous word counts only
 *   when it sits in a list next to another, unambiguous skill, or is capitalised mid-sentence and
 *   not part of a hyphenated compound ("go-to-market", "C-level").
 * - "claims": sensitive, for grounding. A capitalised "Go" or "React" anywhere is treated as a
 *   claim; a false alarm only costs an LLM draft, a miss would let an invented skill through.
 */
export type ExtractionMode = "posting" | "claims";

// Between two items of a list: commas, slashes, "and"/"or", brackets. No sentence punctuation.
const LIST_GAP = /^[\s,;/&|()+]*(?:\b(?:and|or|plus|as well as)\b)?[\s,;/&|()+]*$/i;
const MULTI_TOKEN_GAP = /^[\s\-/_]{1,3}$/;

function isLowercase(text: string): boolean {
  return text === text.toLowerCase();
}

function isSentenceStart(source: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const char = source[i];
    if (char === " " || char === "\t" || char === '"' || char === "'" || char === "(") continue;
    return /[.!?:\n\r•*\-–—]/.test(char);
  }
  return true;
}

function inHyphenCompound(source: string, start: number, end: number): boolean {
  return (source[start - 1] === "-" && /\p{L}/u.test(source[start - 2] ?? "")) ||
    (source[end] === "-" && /\p{L}/u.test(source[end + 1] ?? ""));
}

/** Every dictionary skill written in `source`, in order of appearance (repeats included). */
export function findSkillMentions(
  source: string,
  dictionary: SkillDictionary,
  mode: ExtractionMode,
): SkillMention[] {
  if (!source || dictionary.size === 0) return [];
  const index = aliasIndex(dictionary);
  const tokens = tokenize(source);
  const raw: SkillMention[] = [];
  for (let i = 0; i < tokens.length;) {
    const candidates = index.get(tokens[i].key);
    let matched: AliasEntry | undefined;
    if (candidates) {
      for (const candidate of candidates) {
        if (i + candidate.tokens.length > tokens.length) continue;
        let fits = true;
        for (let k = 1; k < candidate.tokens.length && fits; k++) {
          const gap = source.slice(tokens[i + k - 1].end, tokens[i + k].start);
          fits = tokens[i + k].key === candidate.tokens[k] && MULTI_TOKEN_GAP.test(gap);
        }
        if (fits) {
          matched = candidate;
          break;
        }
      }
    }
    if (!matched) {
      i++;
      continue;
    }
    const first = tokens[i];
    const last = tokens[i + matched.tokens.length - 1];
    raw.push({
      canonical: matched.canonical,
      text: source.slice(first.start, last.end),
      start: first.start,
      end: last.end,
      ambiguous: matched.ambiguous,
    });
    i += matched.tokens.length;
  }
  return raw.filter((mention, position) => !mention.ambiguous || acceptsAmbiguous(source, raw, position, mode));
}

function acceptsAmbiguous(source: string, mentions: SkillMention[], position: number, mode: ExtractionMode): boolean {
  const mention = mentions[position];
  const listed = [mentions[position - 1], mentions[position + 1]].some((neighbour) => {
    if (!neighbour || neighbour.ambiguous) return false;
    const gap = neighbour.start < mention.start
      ? source.slice(neighbour.end, mention.start)
      : source.slice(mention.end, neighbour.start);
    return LIST_GAP.test(gap);
  });
  if (listed) return true;
  if (isLowercase(mention.text)) return false;
  if (mode === "claims") return true;
  return !isSentenceStart(source, mention.start) && !inHyphenCompound(source, mention.start, mention.end);
}

/** Canonical skills written in `source`, each once, in order of first appearance. */
export function skillsInText(source: string, dictionary: SkillDictionary, mode: ExtractionMode): string[] {
  const seen = new Map<string, string>();
  for (const mention of findSkillMentions(source, dictionary, mode)) {
    const key = skillKey(mention.canonical);
    if (!seen.has(key)) seen.set(key, mention.canonical);
  }
  return [...seen.values()];
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
