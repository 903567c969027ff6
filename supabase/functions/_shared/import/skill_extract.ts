// Skills of a posting, through the shared alias table (a SkillDictionary handed in by the caller;
// this module does no I/O). Explicit skill lists from the source are trusted as they are; free
// text is searched for dictionary aliases on word boundaries, longest alias first ("Spring Boot"
// before "Spring"), never across sentence punctuation.
//
// Short aliases that are also ordinary words ("go", "r", "c", "less", "make", "swift", "spring")
// would turn every posting into a Go posting, so in text they count only when written as a name
// (not all lower-case) and in a clear context: next to another recognised skill in a list
// ("C, C++ and Go"), or near a word that says "technology" ("written in Go", "R programming",
// "experience with C").
import { canonicalSkills, type SkillDictionary, skillKey } from "../skills.ts";

/** Alias keys that are everyday English words besides being a skill's name. */
const WORD_ALIASES = new Set([
  "access",
  "ant",
  "beam",
  "chef",
  "compose",
  "crystal",
  "dart",
  "elm",
  "express",
  "flow",
  "go",
  "hive",
  "julia",
  "less",
  "linear",
  "logo",
  "make",
  "next",
  "office",
  "pig",
  "processing",
  "puppet",
  "remix",
  "salt",
  "scheme",
  "shell",
  "sketch",
  "solid",
  "spark",
  "spring",
  "storm",
  "swift",
  "teams",
  "unity",
  "vault",
  "word",
]);

/**
 * Everyday words whose capitalised form is nearly always the product: "React", "Node", "REST",
 * "Excel", "Slack". They need name casing but no further context.
 */
const NAME_WORDS = new Set(["angular", "ember", "excel", "node", "notion", "react", "rest", "slack"]);

/** Two-letter English words; as aliases they need the same care as "go". */
const TWO_LETTER_WORDS = new Set(
  "am an as at be by do go if in is it me my no of on or so to up us we".split(" "),
);

export type AliasKind = "plain" | "cased" | "named" | "ambiguous";

/**
 * How careful text matching must be with an alias key:
 * - "ambiguous": one letter, a two-letter English word, or a listed everyday word: needs name
 *   casing and a clear context;
 * - "named": a listed word that is mostly a product when capitalised: needs name casing only;
 * - "cased": other two-letter keys ("ml", "ai", "ux") match only in upper case or as the
 *   canonical name is written;
 * - "plain": everything else, case-insensitively.
 */
export function aliasKind(key: string): AliasKind {
  if (!/^[a-z]+$/.test(key)) return "plain"; // "c++", "c#", "node.js", "ci/cd" are distinctive
  if (key.length === 1 || TWO_LETTER_WORDS.has(key) || WORD_ALIASES.has(key)) return "ambiguous";
  if (NAME_WORDS.has(key)) return "named";
  if (key.length === 2) return "cased";
  return "plain";
}

/** Words that, near an ambiguous alias, show it names a technology. */
const CONTEXT_WORDS = new Set([
  "language",
  "languages",
  "programming",
  "developer",
  "developers",
  "development",
  "engineer",
  "engineers",
  "code",
  "coding",
  "codebase",
  "written",
  "lang",
  "backend",
  "back-end",
  "stack",
  "services",
  "microservices",
  "based",
  "sdk",
  "runtime",
  "toolchain",
  "ecosystem",
  "scripting",
]);
/** "experience with Go", "proficiency in R", "knowledge of C". */
const LEAD_INS = new Set([
  "experience",
  "experienced",
  "proficiency",
  "proficient",
  "knowledge",
  "expertise",
  "fluent",
  "fluency",
  "skilled",
  "familiarity",
  "familiar",
  "background",
]);
// English, German, French and Spanish list words: "C und C++", "Go ou Rust".
const LIST_WORDS = new Set([
  "and",
  "or",
  "&",
  "as",
  "well",
  "plus",
  "including",
  "e.g",
  "like",
  "such",
  "und",
  "oder",
  "sowie",
  "et",
  "ou",
  "y",
  "o",
]);

interface Token {
  /** As written, for the casing checks. */
  text: string;
  key: string;
  /** True when sentence punctuation or a line break separates it from the previous token. */
  hardBreak: boolean;
}

// A run of letters, digits and the punctuation skill names use inside ("node.js", "c++", "c#",
// "ci/cd", "objective-c", ".net").
const CHUNK = /[\p{L}\p{N}+#.\-/]+/gu;

function tokenize(dictionary: SkillDictionary, text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let carriedBreak = false;
  const normalized = text.normalize("NFKC");
  for (const match of normalized.matchAll(CHUNK)) {
    const gap = normalized.slice(previousEnd, match.index);
    previousEnd = match.index + match[0].length;
    // Trailing sentence dots and dashes belong to the gap after, not to the word.
    const raw = match[0];
    const core = raw.replace(/^[-/]+/, "").replace(/[.\-/]+$/, "");
    const trailingStop = /\.$/.test(raw) && !dictionary.has(skillKey(raw));
    const word = trailingStop ? core : raw.replace(/^[-/]+/, "").replace(/[-/]+$/, "");
    const hardBreak = carriedBreak || /[.;:!?\n]/.test(gap);
    carriedBreak = trailingStop;
    if (!word) continue;
    const parts = dictionary.has(skillKey(word)) || !/[/-]/.test(word) ? [word] : word.split(/[/-]/).filter(Boolean);
    parts.forEach((part, index) => {
      tokens.push({
        text: part,
        key: skillKey(part),
        hardBreak: index === 0 ? hardBreak : false,
      });
    });
  }
  return tokens;
}

const longestAliasWords = new WeakMap<SkillDictionary, number>();
function maxWords(dictionary: SkillDictionary): number {
  let cached = longestAliasWords.get(dictionary);
  if (cached === undefined) {
    cached = 1;
    for (const key of dictionary.keys()) cached = Math.max(cached, key.split(" ").length);
    cached = Math.min(cached, 6);
    longestAliasWords.set(dictionary, cached);
  }
  return cached;
}

interface Match {
  start: number;
  end: number; // exclusive
  canonical: string;
  kind: AliasKind;
  written: string;
}

function writtenAsName(written: string, canonical: string): boolean {
  // "Go", "GO", "R", "Less", the canonical spelling: a name. "go", "less": a word.
  return written !== written.toLowerCase() || written === canonical;
}

function inContext(
  tokens: readonly Token[],
  match: Match,
  accepted: ReadonlySet<number>,
  starts: ReadonlyMap<number, Match>,
  ends: ReadonlyMap<number, Match>,
): boolean {
  // A neighbour in a list: an accepted skill right before or after, skipping list words ("and",
  // "or", "as well as"), never across a sentence break.
  const after = (): boolean => {
    for (let j = match.end, hops = 0; j < tokens.length && hops < 3; j++, hops++) {
      if (tokens[j].hardBreak) return false;
      const next = starts.get(j);
      if (next && accepted.has(next.start)) return true;
      if (!LIST_WORDS.has(tokens[j].key)) return false;
    }
    return false;
  };
  const before = (): boolean => {
    for (let j = match.start - 1, hops = 0; j >= 0 && hops < 3; j--, hops++) {
      if (tokens[j + 1].hardBreak) return false;
      const previous = ends.get(j);
      if (previous && accepted.has(previous.start)) return true;
      if (!LIST_WORDS.has(tokens[j].key)) return false;
    }
    return false;
  };
  if (after() || before()) return true;

  // Technology words within two tokens on either side, within the sentence.
  for (let i = match.start - 1, hops = 0; i >= 0 && hops < 2; i--, hops++) {
    if (tokens[i + 1].hardBreak) break;
    if (CONTEXT_WORDS.has(tokens[i].key)) return true;
    if (LEAD_INS.has(tokens[i].key) && i === match.start - 2 && ["with", "in", "of"].includes(tokens[i + 1].key)) {
      return true;
    }
  }
  for (let i = match.end, hops = 0; i < tokens.length && hops < 2; i++, hops++) {
    if (tokens[i].hardBreak) break;
    if (CONTEXT_WORDS.has(tokens[i].key)) return true;
  }
  return false;
}

/** Canonical skills named in free text, in order of first appearance. */
export function skillsInText(dictionary: SkillDictionary, text: string | null | undefined): string[] {
  if (!text || dictionary.size === 0) return [];
  const tokens = tokenize(dictionary, text);
  const longest = maxWords(dictionary);
  const matches: Match[] = [];
  for (let i = 0; i < tokens.length;) {
    // Grow the n-gram one token at a time (never across a sentence break); the longest alias
    // that fits wins.
    let found: Match | null = null;
    let key = "";
    let written = "";
    for (let n = 1; n <= longest && i + n <= tokens.length; n++) {
      const token = tokens[i + n - 1];
      if (n > 1 && token.hardBreak) break;
      key = n === 1 ? token.key : `${key} ${token.key}`;
      written = n === 1 ? token.text : `${written} ${token.text}`;
      const canonical = dictionary.get(key);
      if (canonical === undefined) continue;
      const kind = n === 1 ? aliasKind(key) : "plain";
      if (kind === "cased" && written !== written.toUpperCase() && written !== canonical) continue;
      if ((kind === "ambiguous" || kind === "named") && !writtenAsName(written, canonical)) continue;
      found = { start: i, end: i + n, canonical, kind, written };
    }
    if (found) {
      matches.push(found);
      i = found.end;
    } else {
      i += 1;
    }
  }

  // Plain and cased matches stand on their own; ambiguous ones need context, and one accepted
  // ambiguous match can be the context of the next ("C and C++ and Go": C++ vouches for both).
  const accepted = new Set<number>(matches.filter((match) => match.kind !== "ambiguous").map((match) => match.start));
  const starts = new Map(matches.map((match) => [match.start, match]));
  const ends = new Map(matches.map((match) => [match.end - 1, match]));
  // A worklist rather than passes to a fixed point: only an accepted match's neighbours (the
  // matches just before and after it) can change their verdict, so each is re-examined O(1)
  // times and a text of 100,000 "Go"s costs linear time, not quadratic.
  const queue: number[] = [];
  const examine = (index: number) => {
    const match = matches[index];
    if (!match || accepted.has(match.start) || !inContext(tokens, match, accepted, starts, ends)) return;
    accepted.add(match.start);
    queue.push(index);
  };
  matches.forEach((match, index) => {
    if (match.kind !== "ambiguous") queue.push(index);
  });
  for (let index = 0; index < matches.length; index++) examine(index);
  while (queue.length > 0) {
    const index = queue.pop()!;
    examine(index - 1);
    examine(index + 1);
  }
  return canonicalSkills(
    dictionary,
    matches.filter((match) => accepted.has(match.start)).map((match) => match.canonical),
  );
}

export interface SkillSources {
  /** Skills the source lists as such (schema.org "skills", a board's tags): trusted as they are. */
  explicit?: readonly (string | null | undefined)[];
  /** Free text to search. */
  text?: readonly (string | null | undefined)[];
}

/**
 * Explicit skills (canonicalised, unknown ones kept as written) then skills found in text,
 * de-duplicated by canonical name.
 */
export function extractSkills(dictionary: SkillDictionary, sources: SkillSources): string[] {
  const explicit = (sources.explicit ?? []).flatMap((
    value,
  ) => (typeof value === "string" ? splitSkillList(value) : []));
  const found = (sources.text ?? []).flatMap((value) => skillsInText(dictionary, value));
  return canonicalSkills(dictionary, [...explicit, ...found]);
}

/** "Python, SQL; Go" -> ["Python", "SQL", "Go"]: explicit lists often arrive as one string. */
export function splitSkillList(value: string): string[] {
  return value.split(/[,;\n|•]+/).map((item) => item.trim()).filter((item) => item !== "");
}
