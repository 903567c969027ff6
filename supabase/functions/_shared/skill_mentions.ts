// Skills named in free text, through the shared alias table (a SkillDictionary handed in by the
// caller; this module does no I/O). The one place text is searched for skills: job import reads
// postings with it, CV tailoring reads postings and profiles with it and checks generated drafts
// with it, so a skill is recognised the same way wherever it appears.
//
// Aliases match on word boundaries, longest alias first ("Spring Boot" before "Spring", "Ruby on
// Rails" before "Ruby"). A multi-word alias never spans punctuation: its words are separated only by
// spaces, hyphens, slashes or underscores ("machine-learning", "A/B tests"), never by a comma or a
// sentence break ("Amazon, Web Services" is not AWS). "R&D" and "AT&T" are words, not R and D.
//
// Aliases that are also ordinary words need care; see aliasKind for the classes and MentionMode for
// how each mode treats them. In short, in "posting" mode:
// - "go", "react", "ml" written in lower case count only as a whole item of a punctuation list
//   next to an unambiguous skill ("stack: go, python, postgres"), never in running prose ("we go to
//   market", "react quickly", "5 ml of water");
// - "Go", "R", "C", "Spring", "Swift" written as names also need a clear context: next to another
//   recognised skill in a list ("C, C++ and Go"), or near a word that says "technology" ("written
//   in Go", "R programming", "experience with C", "Go-based"). "Let's Go!", "Series C funding",
//   "Plan R", "Go-to-market" are not skills;
// - "React", "Node", "REST", "Rust" written as names count, except at the start of a sentence or
//   inside a hyphenated compound, where they need the same context ("React to feedback quickly.");
// - "ML", "JS", "TS" count in capitals (or as the canonical name is written).
// "profile" mode (the person's own prose) also takes "Go" capitalised mid-sentence, "claims" mode
// (grounding a generated draft) any alias written as a name.
import { canonicalSkills, type SkillDictionary, skillKey } from "./skills.ts";

/** Alias keys that are everyday English words besides being a skill's name. */
const WORD_ALIASES = new Set([
  "access",
  "ant",
  "assembly",
  "backbone",
  "basic",
  "beam",
  "chef",
  "compose",
  "crystal",
  "dart",
  "elm",
  "express",
  "flask",
  "flow",
  "go",
  "helm",
  "hive",
  "jest",
  "julia",
  "less",
  "linear",
  "logo",
  "make",
  "mocha",
  "next",
  "office",
  "outlook",
  "pig",
  "processing",
  "puppet",
  "rails",
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
 * "Excel", "Slack", "Rust". They need name casing, and context only where every word is
 * capitalised anyway (a sentence's first word, a hyphenated compound).
 */
const NAME_WORDS = new Set(["angular", "ember", "excel", "node", "notion", "react", "rest", "rust", "slack"]);

/** Two-letter English words; as aliases they need the same care as "go". */
const TWO_LETTER_WORDS = new Set(
  "am an as at be by do go if in is it me my no of on or so to up us we".split(" "),
);

export type AliasKind = "plain" | "cased" | "named" | "ambiguous";

/**
 * How careful text matching must be with an alias key:
 * - "ambiguous": one letter, a two-letter English word, or a listed everyday word: needs name
 *   casing and a clear context;
 * - "named": a listed word that is mostly a product when capitalised: needs name casing, and a
 *   clear context at a sentence start or in a hyphenated compound;
 * - "cased": other two-letter keys ("ml", "ai", "ux") match only in upper case or as the
 *   canonical name is written;
 * - "plain": everything else, case-insensitively.
 * An alias of any careful kind written in lower case counts only as a whole item of a punctuation
 * list next to a plain skill.
 */
export function aliasKind(key: string): AliasKind {
  if (!/^[a-z]+$/.test(key)) return "plain"; // "c++", "c#", "node.js", "ci/cd" are distinctive
  if (key.length === 1 || TWO_LETTER_WORDS.has(key) || WORD_ALIASES.has(key)) return "ambiguous";
  if (NAME_WORDS.has(key)) return "named";
  if (key.length === 2) return "cased";
  return "plain";
}

/**
 * How the careful aliases written as names are treated (plain aliases always count, cased ones in
 * capitals always count, lower-case careful ones only as a list item: see aliasKind):
 * - "posting": conservative, for reading what a job asks for (job import and CV tailoring read a
 *   posting the same way). "Let's Go!", "Series C funding" and "React to incidents" must not add
 *   Go, C or React, so ambiguous aliases need a clear context, and named ones need it at a
 *   sentence start or in a hyphenated compound.
 * - "profile": the person's own prose (work highlights, project descriptions, a summary), where a
 *   capitalised "Go" or "R" mid-sentence is the person naming the language ("moved hot paths to
 *   Go"): ambiguous aliases are read like named ones, counting mid-sentence and needing context
 *   only at a sentence start or in a hyphenated compound ("Go-to-market").
 * - "claims": sensitive, for grounding a generated draft. Any ambiguous or named alias written as
 *   a name ("Go is my main language", "proficient in R") is a claim: a false alarm only costs an
 *   LLM draft, a miss would let an invented skill through.
 */
export type MentionMode = "posting" | "profile" | "claims";

export interface SkillMention {
  canonical: string;
  /** The source text as written, e.g. "Postgres". */
  text: string;
  /** Offsets into the source, end exclusive. */
  start: number;
  end: number;
  kind: AliasKind;
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

/** Between two items of a written-out list: a comma, slash or bar, nothing else. */
const LIST_PUNCTUATION = /^\s*[,/|]\s*$/;
/** Between the words of a multi-word alias: a little whitespace, an underscore, a hyphen or slash. */
const ALIAS_WORD_GAP = /^(?:[\s_]{1,3}|[-/]+)$/;

interface Token {
  /** As written (NFKC), for the casing checks. */
  text: string;
  key: string;
  /** Offsets into the caller's source, end exclusive. */
  start: number;
  end: number;
  /** What separates it from the previous token: the gap between words, or "/" or "-" inside one. */
  separator: string;
  /** True when sentence punctuation or a line break separates it from the previous token. */
  hardBreak: boolean;
  /** The first word of a sentence, a heading or a bullet. */
  sentenceStart: boolean;
  /** Part of a hyphenated compound ("Go-based", "C-level"). */
  compound: boolean;
}

// A run of letters, digits and the punctuation skill names use inside ("node.js", "c++", "c#",
// "ci/cd", "objective-c", ".net"), plus "&" so that "R&D" stays one word.
const CHUNK = /[\p{L}\p{N}\p{M}+#.\-/&]+/gu;

/**
 * The source in NFKC (full-width "Ｃ＋＋" reads as "C++"), with a map from each normalised offset
 * back to the source, so mentions can point into the text the caller holds.
 */
function normalize(source: string): { text: string; offsets: number[] | null } {
  if (!/[^ -~\t\n\r]/.test(source)) return { text: source, offsets: null }; // ASCII is NFKC already
  let text = "";
  const offsets: number[] = [];
  // A base character with its combining marks normalises on its own ("e" + U+0301 -> "é").
  for (const segment of source.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const piece = segment[0].normalize("NFKC");
    for (let k = 0; k < piece.length; k++) offsets.push(segment.index);
    text += piece;
  }
  offsets.push(source.length);
  return { text, offsets };
}

function isSentenceStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const char = text[i];
    if (char === " " || char === "\t" || char === '"' || char === "'" || char === "(") continue;
    return /[.!?:\n\r•*\-–—]/.test(char);
  }
  return true;
}

function tokenize(dictionary: SkillDictionary, source: string): Token[] {
  const { text, offsets } = normalize(source);
  const at = (offset: number) => (offsets ? offsets[offset] : offset);
  const tokens: Token[] = [];
  let previousEnd = 0;
  let carriedBreak = false;
  for (const match of text.matchAll(CHUNK)) {
    const gap = text.slice(previousEnd, match.index);
    const raw = match[0];
    // Trailing sentence dots and dashes belong to the gap after, not to the word.
    const lead = raw.length - raw.replace(/^[-/]+/, "").length;
    const trailingStop = /\.$/.test(raw) && !dictionary.has(skillKey(raw));
    const word = raw.slice(lead).replace(trailingStop ? /[.\-/]+$/ : /[-/]+$/, "");
    const hardBreak: boolean = carriedBreak || /[.;:!?\n]/.test(gap);
    if (!word) {
      // Punctuation on its own (" - "): part of the gap around it.
      carriedBreak = hardBreak || trailingStop;
      continue;
    }
    previousEnd = match.index + raw.length;
    carriedBreak = trailingStop;
    const wordStart = match.index + lead;
    const whole = dictionary.has(skillKey(word)) || !/[/-]/.test(word);
    const parts = whole ? [{ part: word, offset: 0 }] : [...word.matchAll(/[^/-]+/g)].map((part) => ({
      part: part[0],
      offset: part.index,
    }));
    parts.forEach(({ part, offset }, index) => {
      const start = wordStart + offset;
      tokens.push({
        text: part,
        key: skillKey(part),
        start: at(start),
        end: at(start + part.length),
        separator: index === 0 ? gap : word.slice(parts[index - 1].offset + parts[index - 1].part.length, offset),
        hardBreak: index === 0 ? hardBreak : false,
        sentenceStart: index === 0 ? tokens.length === 0 || isSentenceStart(text, wordStart) : false,
        compound: !whole && word.includes("-"),
      });
    });
  }
  return tokens;
}

interface AliasIndex {
  /** Alias words (token keys joined by a space) -> canonical name. */
  aliases: Map<string, string>;
  /** The most words any alias has (at most 6). */
  longest: number;
}

// Built once per dictionary object: a CV tailoring run scans several texts against the same one.
const indexCache = new WeakMap<SkillDictionary, AliasIndex>();

/** Each alias split into words exactly as text is, so "A/B tests" finds "a/b tests". */
function aliasIndex(dictionary: SkillDictionary): AliasIndex {
  const cached = indexCache.get(dictionary);
  if (cached) return cached;
  const aliases = new Map<string, string>();
  let longest = 1;
  for (const [alias, canonical] of dictionary) {
    const words = tokenize(dictionary, alias).map((token) => token.key);
    if (words.length === 0) continue;
    const key = words.join(" ");
    // Two aliases with the same words: the one spelled exactly so wins.
    if (!aliases.has(key) || key === alias) aliases.set(key, canonical);
    longest = Math.max(longest, words.length);
  }
  const index = { aliases, longest: Math.min(longest, 6) };
  indexCache.set(dictionary, index);
  return index;
}

interface Match {
  start: number;
  end: number; // exclusive
  canonical: string;
  kind: AliasKind;
  /** Written as its kind requires (a name, capitals); a plain alias always is. */
  nameCased: boolean;
}

function isNameCased(kind: AliasKind, written: string, canonical: string): boolean {
  if (kind === "plain" || written === canonical) return true;
  // "ML", "JS": capitals. "Go", "GO", "R", "Less": a name. "go", "less": a word.
  return kind === "cased" ? written === written.toUpperCase() : written !== written.toLowerCase();
}

/** A match that counts on its own, with no context: a plain alias, or a cased one in capitals. */
function standsAlone(match: Match | undefined): boolean {
  return match !== undefined && match.nameCased && (match.kind === "plain" || match.kind === "cased");
}

/** A lower-case careful alias as a whole item of a punctuation list next to a plain skill. */
function inWrittenList(
  tokens: readonly Token[],
  match: Match,
  starts: ReadonlyMap<number, Match>,
  ends: ReadonlyMap<number, Match>,
): boolean {
  const first = tokens[match.start];
  const next = tokens[match.end] as Token | undefined;
  const listBefore = !first.hardBreak && LIST_PUNCTUATION.test(first.separator);
  const listAfter = next !== undefined && !next.hardBreak && LIST_PUNCTUATION.test(next.separator);
  const boundedBefore = listBefore || match.start === 0 || first.hardBreak;
  const boundedAfter = listAfter || next === undefined || next.hardBreak;
  if (!boundedBefore || !boundedAfter) return false;
  return (listBefore && standsAlone(ends.get(match.start - 1))) || (listAfter && standsAlone(starts.get(match.end)));
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

/** Every dictionary skill named in `source`, in order of appearance (repeats included). */
export function findSkillMentions(
  dictionary: SkillDictionary,
  source: string | null | undefined,
  mode: MentionMode = "posting",
): SkillMention[] {
  if (!source || dictionary.size === 0) return [];
  const { aliases, longest } = aliasIndex(dictionary);
  const tokens = tokenize(dictionary, source);
  const matches: Match[] = [];
  for (let i = 0; i < tokens.length;) {
    // Grow the n-gram one word at a time (only across an alias word gap); the longest alias that
    // fits wins.
    let found: Match | null = null;
    let key = "";
    for (let n = 1; n <= longest && i + n <= tokens.length; n++) {
      const token = tokens[i + n - 1];
      if (n > 1 && (token.hardBreak || !ALIAS_WORD_GAP.test(token.separator))) break;
      key = n === 1 ? token.key : `${key} ${token.key}`;
      const canonical = aliases.get(key);
      if (canonical === undefined) continue;
      const kind = n === 1 ? aliasKind(key) : "plain";
      found = { start: i, end: i + n, canonical, kind, nameCased: isNameCased(kind, token.text, canonical) };
    }
    if (found) {
      matches.push(found);
      i = found.end;
    } else {
      i += 1;
    }
  }

  const starts = new Map(matches.map((match) => [match.start, match]));
  const ends = new Map(matches.map((match) => [match.end - 1, match]));
  // What counts without context; what may count with it.
  const accepted = new Set<number>();
  const needsContext = new Set<number>();
  for (const match of matches) {
    const token = tokens[match.start];
    if (match.kind === "plain" || (match.nameCased && (mode === "claims" || match.kind === "cased"))) {
      accepted.add(match.start);
    } else if (!match.nameCased) {
      if (inWrittenList(tokens, match, starts, ends)) accepted.add(match.start);
    } else if ((match.kind === "named" || mode === "profile") && !token.sentenceStart && !token.compound) {
      accepted.add(match.start);
    } else {
      needsContext.add(match.start);
    }
  }

  // One accepted match can be the context of the next ("C and C++ and Go": C++ vouches for both).
  // A worklist rather than passes to a fixed point: only an accepted match's neighbours (the
  // matches just before and after it) can change their verdict, so each is re-examined O(1)
  // times and a text of 100,000 "Go"s costs linear time, not quadratic.
  const queue: number[] = [];
  const examine = (index: number) => {
    const match = matches[index];
    if (!match || !needsContext.has(match.start) || accepted.has(match.start)) return;
    if (!inContext(tokens, match, accepted, starts, ends)) return;
    accepted.add(match.start);
    queue.push(index);
  };
  matches.forEach((match, index) => {
    if (accepted.has(match.start)) queue.push(index);
  });
  for (let index = 0; index < matches.length; index++) examine(index);
  while (queue.length > 0) {
    const index = queue.pop()!;
    examine(index - 1);
    examine(index + 1);
  }

  return matches.filter((match) => accepted.has(match.start)).map((match) => {
    const start = tokens[match.start].start;
    const end = tokens[match.end - 1].end;
    return { canonical: match.canonical, text: source.slice(start, end), start, end, kind: match.kind };
  });
}

/** Canonical skills named in `source`, each once, in order of first appearance. */
export function skillsInText(
  dictionary: SkillDictionary,
  source: string | null | undefined,
  mode: MentionMode = "posting",
): string[] {
  return canonicalSkills(dictionary, findSkillMentions(dictionary, source, mode).map((mention) => mention.canonical));
}
