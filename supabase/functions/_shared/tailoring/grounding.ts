// The grounding check: every skill, employer, job title, school, degree, date and number that a
// generated text states must come from the person's own data. An LLM draft that fails is thrown
// away and the deterministic text is used instead (see llm.ts).
//
// The check is deliberately biased towards false alarms. A false alarm costs an LLM rewrite (the
// deterministic text, which passes by construction, is used); a miss would put an invented fact in
// front of an interviewer. Facts are read from the user's data with the very same extractors that
// read the draft, so a draft that only repeats the user's own words always passes.
//
// Known limits (documented, not hidden): relations are not checked (a real title at a real but
// different employer passes), organisation names are found only after "at/for/with/joined" or
// when they contain a school word, job titles only after "as" or before "at", and skills only
// when the dictionary knows them.
import { canonicalSkills, type SkillDictionary, skillKey } from "../skills.ts";
import type { Profile, Project } from "./rows.ts";
import { findSkillMentions } from "../skill_mentions.ts";
import { containsPhrase, fold, nameWords, normName } from "./text.ts";

export type ClaimKind = "skill" | "employer" | "title" | "school" | "degree" | "date" | "number";

export interface Claim {
  kind: ClaimKind;
  /** As written in the text. */
  value: string;
}

export interface GroundingResult {
  passed: boolean;
  unsupported: Claim[];
}

export type DegreeLevel = "bachelor" | "master" | "doctorate";

/** What the person's data supports, normalised for comparison. Built by factsFromProfile. */
export interface GroundingFacts {
  dictionary: SkillDictionary;
  /** skillKey of canonical skill names. */
  skills: ReadonlySet<string>;
  /** Display forms, for prompts and tests. */
  skillNames: readonly string[];
  employers: readonly string[];
  titles: readonly string[];
  schools: readonly string[];
  degrees: ReadonlySet<DegreeLevel>;
  /** "2019", "2019-03", "2019-03-15": each stated date at its precision and every coarser one. */
  dates: ReadonlySet<string>;
  /** Canonical numeric values: "12,000" and "12k" are both "12000". */
  numbers: ReadonlySet<string>;
  /** Numbers as the person wrote them, for prompts and tests. */
  numberTexts: readonly string[];
  /** Word lists of names a text may mention: employers, schools, projects, places, the person. */
  entities: readonly (readonly string[])[];
  /** Word lists of titles held. */
  titleWords: readonly (readonly string[])[];
  /** Every text of the person's data, normalised, so verbatim reuse is always supported. */
  corpus: string;
  /** Posting strings (job title, company) blanked out before checking: naming them is no claim. */
  masks: readonly string[];
}

export interface GroundingContext {
  /** The posting a letter answers: its title and company may be named, nothing else of it. */
  job?: { title: string; company: string; location?: string | null };
}

// ---------------------------------------------------------------------------------------------
// Detectors, shared by fact building and checking.

const MONTHS: Record<string, string> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};

interface Found {
  value: string;
  normalised: string;
  start: number;
  end: number;
}

const blank = (text: string, start: number, end: number) =>
  text.slice(0, start) + " ".repeat(end - start) + text.slice(end);

/** Dates in a text (ISO, "March 2021", "03/2021", bare years), and the text with them blanked. */
function findDates(text: string): { dates: Found[]; rest: string } {
  const dates: Found[] = [];
  let rest = text;
  const patterns: [RegExp, (match: RegExpMatchArray) => string][] = [
    [
      /(?<![\p{L}\p{N}])((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?![\p{N}])/gu,
      (m) => [m[1], m[2], m[3]].filter(Boolean).join("-"),
    ],
    [
      /(?<![\p{L}])(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)\d{2})(?![\p{N}])/giu,
      (m) => `${m[2]}-${MONTHS[m[1].slice(0, 3).toLowerCase()]}`,
    ],
    [
      /(?<![\p{L}\p{N}/.])(0?[1-9]|1[0-2])\/((?:19|20)\d{2})(?![\p{N}])/gu,
      (m) => `${m[2]}-${m[1].padStart(2, "0")}`,
    ],
    // A bare year: 1950-2099, not part of a longer number, a decimal, a percentage or an amount.
    [
      /(?<![\p{L}\p{N}.,$€£/]|[\p{L}]-)(19[5-9]\d|20\d{2})(?![\p{N}]|[.,]\d|\s?%|\s?[kKxX×+](?![\p{L}]))/gu,
      (m) => m[1],
    ],
  ];
  for (const [pattern, normalise] of patterns) {
    for (const match of rest.matchAll(pattern)) {
      const start = match.index ?? 0;
      dates.push({ value: match[0], normalised: normalise(match), start, end: start + match[0].length });
    }
    for (const found of dates) rest = blank(rest, found.start, found.end);
  }
  return { dates, rest };
}

const SPELLED: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  million: 1e6,
  bn: 1e9,
  b: 1e9,
  billion: 1e9,
};

export function canonicalNumber(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/**
 * Numbers in a text, as values: "12,000", "12k" and "12 thousand" are all 12000, "40%" is 40,
 * "eight" is 8. Digits glued to a letter on their left ("p95", "S3", "EC2") are names, not
 * quantities; digits after a dot or a slash are parts of a version or a ratio already read.
 */
function findNumbers(text: string): Found[] {
  const found: Found[] = [];
  const digits =
    /(?<![\p{L}\p{N}_.,/]|[\p{L}]-)([$€£]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(k|K|M|MM|bn|BN|B|thousand|million|billion)(?![\p{L}]))?/gu;
  for (const match of text.matchAll(digits)) {
    const start = match.index ?? 0;
    let value = Number(`${match[2].replace(/,/g, "")}${match[3] ? `.${match[3]}` : ""}`);
    if (match[4]) value *= MULTIPLIERS[match[4].toLowerCase()] ?? 1;
    found.push({ value: match[0].trim(), normalised: canonicalNumber(value), start, end: start + match[0].length });
  }
  const words = new RegExp(`\\b(${Object.keys(SPELLED).join("|")})\\b`, "gi");
  for (const match of text.matchAll(words)) {
    const start = match.index ?? 0;
    found.push({
      value: match[0],
      normalised: canonicalNumber(SPELLED[match[1].toLowerCase()]),
      start,
      end: start + match[0].length,
    });
  }
  return found;
}

const DEGREE_PATTERNS: [RegExp, DegreeLevel][] = [
  [
    /\b(?:B\.?\s?Sc|B\.?\s?Eng|B\.?\s?Ed|Bachelor(?:['’]s|s)?)\b|\b(?:BA|BS)(?=\s+(?:in|of|degree)\b)|\bB\.[AS]\.(?=\s+(?:in|of|degree)\b)/g,
    "bachelor",
  ],
  [
    /\b(?:M\.?\s?Sc|M\.?\s?Eng|MBA|M\.?\s?Phil|Master(?:['’]s|s)?)\b|\b(?:MA|MS)(?=\s+(?:in|of|degree)\b)|\bM\.[AS]\.(?=\s+(?:in|of|degree)\b)/g,
    "master",
  ],
  [/\b(?:Ph\.?\s?D|D\.?\s?Phil|Doctorate|Doctoral)\b/g, "doctorate"],
];

function findDegrees(text: string): { value: string; level: DegreeLevel }[] {
  const out: { value: string; level: DegreeLevel }[] = [];
  for (const [pattern, level] of DEGREE_PATTERNS) {
    for (const match of text.matchAll(pattern)) out.push({ value: match[0], level });
  }
  return out;
}

const SCHOOL_WORD =
  /\b(University|Universit[äa]t|Universidad|Universit[ée]|Universiteit|Universit[àa]|College|Institute|Institut|School|Academy|Akademie|Polytechnic|Polit[ée]cnica|Hochschule|Bootcamp|Conservatory)\b/u;

const TITLE_HEADS = new Set(
  (
    "engineer engineers developer developers manager analyst scientist designer architect consultant specialist lead " +
    "leader director officer head administrator coordinator teacher intern programmer researcher owner founder " +
    "cofounder president vp cto ceo cfo coo cpo technician tester editor writer recruiter assistant associate advisor " +
    "strategist marketer producer nurse accountant lecturer professor tutor instructor trainer maintainer author " +
    "principal partner"
  ).split(" "),
);

// Words that may sit inside an organisation's name between capitalised words.
const CONNECTORS = new Set(["of", "and", "&", "de", "la", "du", "der", "von", "van", "the", "for", "für", "y", "del"]);
const LEADING_FUNCTION_WORDS = new Set(
  (
    "a an the at in on of for with as from since during before after when while where and or but so to by " +
    "my our your their his her its this that these those then there here also dear hello hi i we you he she they it " +
    "between until into over under about across through"
  ).split(" "),
);
const CLAUSE_WORDS = new Set(
  "i a an the at in on for with as from since during before after when while where to by my our we".split(" "),
);
const CAPITALISED_WORD = /^[\p{Lu}\p{N}][\p{L}\p{N}&'’.\-]*/u;
const ANY_WORD = /^[\p{L}\p{N}][\p{L}\p{N}&'’.\-]*/u;

/** A run of capitalised words starting at `start` ("University of Leeds", "Pixel & Pine Studio"). */
function capitalisedPhrase(text: string, start: number): { phrase: string; end: number } | null {
  const words: string[] = [];
  let position = start;
  let end = start;
  while (position < text.length) {
    const rest = text.slice(position);
    const match = rest.match(CAPITALISED_WORD) ?? rest.match(ANY_WORD) ?? rest.match(/^&/);
    if (!match) break;
    const word = match[0];
    // "at Northwind Payments I led ...", "Developer At Hillcrest": a capitalised function word after
    // a name starts a new clause (a missing full stop, a heading run into a sentence).
    const capitalised = CAPITALISED_WORD.test(word);
    if (words.length > 0 && capitalised && CLAUSE_WORDS.has(word.toLowerCase())) break;
    if (word === "I") break;
    if (!capitalised && !(CONNECTORS.has(word.toLowerCase()) && words.length > 0)) break;
    if (!capitalised) {
      // A connector counts only when a capitalised word follows it.
      const after = text.slice(position + word.length).match(/^ ([\p{Lu}\p{N}])/u);
      if (!after) break;
    }
    position += word.length;
    end = position;
    if (word.length > 1 && word.endsWith(".")) {
      // "Acme Pay. Then ..." or "Acme Corp.": a dot ends the name either way.
      words.push(word.slice(0, -1));
      end = position - 1;
      break;
    }
    words.push(word);
    if (text[position] !== " ") break;
    position += 1;
  }
  // "At Hillcrest Academy": a capitalised function word opening a sentence is not part of a name.
  while (words.length > 0 && LEADING_FUNCTION_WORDS.has(words[0].toLowerCase())) words.shift();
  if (words.length === 0) return null;
  let phrase = words.join(" ");
  phrase = phrase.replace(/['’]s$/u, "").replace(/[.\-]+$/u, "");
  return phrase ? { phrase, end } : null;
}

/** Words of a title for comparison: "Sr. Backend Engineer" -> ["senior", "backend", "engineer"]. */
function titleWordsOf(value: string): string[] {
  return nameWords(value).map((word) => word === "sr" ? "senior" : word === "jr" ? "junior" : word);
}

// A candidate shortened from a known name is fine ("Senior Engineer" of "Senior Backend
// Engineer"); one with words the known name lacks is not.
function isOrderedSubsequence(candidate: readonly string[], known: readonly string[]): boolean {
  if (candidate.length === 0) return false;
  let position = 0;
  for (const word of known) if (word === candidate[position]) position++;
  return position === candidate.length;
}

function isContiguous(candidate: readonly string[], known: readonly string[]): boolean {
  if (candidate.length === 0 || candidate.length > known.length) return false;
  for (let offset = 0; offset + candidate.length <= known.length; offset++) {
    if (candidate.every((word, index) => known[offset + index] === word)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Facts

function addDate(dates: Set<string>, value: string | null | undefined): void {
  if (!value) return;
  const parts = value.split("-");
  for (let length = 1; length <= parts.length; length++) dates.add(parts.slice(0, length).join("-"));
}

/**
 * What the person's profile and projects support. With a job in the context, a letter may also name
 * the posting's title, company and location (as the thing applied for, not as experience).
 */
export function factsFromProfile(
  profile: Profile,
  projects: readonly Project[],
  dictionary: SkillDictionary,
  context: GroundingContext = {},
): GroundingFacts {
  const texts: string[] = [];
  const push = (...values: (string | null | undefined)[]) => {
    for (const value of values) if (value && value.trim()) texts.push(value);
  };
  push(profile.full_name, profile.headline, profile.email, profile.phone, profile.location, profile.summary);
  push(profile.website_url, profile.linkedin_url, profile.github_url, ...profile.skills);
  for (const entry of profile.work_experience) {
    push(entry.name, entry.position, entry.location, entry.summary, entry.url, ...(entry.highlights ?? []));
  }
  for (const entry of profile.education) {
    push(entry.institution, entry.area, entry.studyType, entry.score, entry.url, ...(entry.courses ?? []));
  }
  for (const project of projects) {
    push(project.name, project.role, project.description, project.url, project.repository_url);
    push(...project.technologies, ...project.achievements, ...project.relevance_tags);
    for (const [key, value] of Object.entries(project.metrics)) {
      push(key);
      if (typeof value === "string" || typeof value === "number") push(String(value));
    }
  }

  const skillNames = canonicalSkills(dictionary, [
    ...profile.skills,
    ...projects.flatMap((project) => project.technologies),
    // Tags are free words ("fintech"); only those the dictionary knows are skills.
    ...projects.flatMap((project) => project.relevance_tags.filter((tag) => dictionary.has(skillKey(tag)))),
    ...texts.flatMap((text) => findSkillMentions(dictionary, text, "claims").map((mention) => mention.canonical)),
  ]);

  const dates = new Set<string>();
  const numbers = new Set<string>();
  const numberTexts: string[] = [];
  const degrees = new Set<DegreeLevel>();
  for (const text of texts) {
    const found = findDates(text);
    for (const date of found.dates) addDate(dates, date.normalised);
    for (const number of findNumbers(found.rest)) {
      numbers.add(number.normalised);
      numberTexts.push(number.value);
    }
    for (const degree of findDegrees(text)) degrees.add(degree.level);
  }
  for (const entry of [...profile.work_experience, ...profile.education]) {
    addDate(dates, entry.startDate);
    addDate(dates, entry.endDate);
  }
  for (const project of projects) {
    addDate(dates, project.start_date);
    addDate(dates, project.end_date);
  }
  for (const entry of profile.education) {
    // "Bachelor of Engineering", "BSc" and "Bootcamp certificate" say the level in their own words.
    const study = `${entry.studyType ?? ""} ${entry.area ?? ""}`;
    if (/bachelor|\bb\.?\s?sc\b|\bb\.?\s?eng\b|\bb\.?\s?a\b|undergrad/i.test(study)) degrees.add("bachelor");
    if (/master|\bm\.?\s?sc\b|\bm\.?\s?eng\b|\bmba\b|\bm\.?\s?phil\b/i.test(study)) degrees.add("master");
    if (/ph\.?\s?d|doctor|d\.?\s?phil/i.test(study)) degrees.add("doctorate");
  }

  const employers = profile.work_experience.map((entry) => entry.name);
  const schools = profile.education.map((entry) => entry.institution);
  const titles = [
    ...profile.work_experience.map((entry) => entry.position),
    ...projects.map((project) => project.role),
    profile.headline,
  ].filter((title): title is string => Boolean(title));
  const places = [profile.location, ...profile.work_experience.map((entry) => entry.location)]
    .filter((place): place is string => Boolean(place))
    .flatMap((place) => [place, ...place.split(",")]);
  const masks: string[] = [];
  const entityNames = [
    ...employers,
    ...schools,
    ...projects.map((project) => project.name),
    ...places,
    profile.full_name ?? "",
  ];
  if (context.job) {
    entityNames.push(context.job.company, context.job.title, ...(context.job.location ? [context.job.location] : []));
    masks.push(context.job.title, context.job.company);
  }

  return {
    dictionary,
    skills: new Set(skillNames.map(skillKey)),
    skillNames,
    employers,
    titles,
    schools,
    degrees,
    dates,
    numbers,
    numberTexts: [...new Set(numberTexts)],
    entities: entityNames.map(nameWords).filter((words) => words.length > 0),
    titleWords: titles.map(titleWordsOf).filter((words) => words.length > 0),
    corpus: texts.map(normName).join(" \n "),
    masks: masks.filter((mask) => mask.trim().length > 0).sort((a, b) => b.length - a.length),
  };
}

// ---------------------------------------------------------------------------------------------
// Checking

function maskText(text: string, masks: readonly string[]): string {
  let out = text;
  for (const mask of masks) {
    let index = out.indexOf(mask);
    while (index >= 0) {
      out = blank(out, index, index + mask.length);
      index = out.indexOf(mask, index + mask.length);
    }
  }
  return out;
}

function inCorpus(facts: GroundingFacts, value: string): boolean {
  return containsPhrase(facts.corpus, normName(value));
}

/** Named in the person's data: a known entity or a shortening of one, or words they wrote. */
function isKnownName(facts: GroundingFacts, phrase: string): boolean {
  const words = nameWords(phrase);
  if (words.length === 0) return true;
  if (facts.entities.some((known) => isContiguous(words, known))) return true;
  return inCorpus(facts, phrase);
}

/** True when the phrase is nothing but dictionary skills and connectors ("Docker and Kubernetes"). */
function onlySkills(facts: GroundingFacts, phrase: string): boolean {
  let rest = phrase;
  for (const mention of findSkillMentions(facts.dictionary, phrase, "claims")) {
    rest = blank(rest, mention.start, mention.end);
  }
  return nameWords(rest).every((word) => CONNECTORS.has(word));
}

function isSupportedOrganisation(facts: GroundingFacts, phrase: string): boolean {
  if (onlySkills(facts, phrase) || isKnownName(facts, phrase)) return true;
  // "Northwind Payments and Brightlane Logistics": each part on its own.
  const parts = phrase.split(/\s+(?:and|&)\s+/);
  return parts.length > 1 && parts.every((part) => onlySkills(facts, part) || isKnownName(facts, part));
}

const TITLE_STOP = new Set([
  "at",
  "for",
  "in",
  "on",
  "with",
  "where",
  "and",
  "to",
  "from",
  "by",
  "while",
  "who",
  "which",
  "that",
  "since",
  "during",
  "until",
  "before",
  "after",
  "when",
  "i",
  "my",
  "we",
  "our",
]);
const TITLE_FILLERS = new Set(["a", "an", "the", "your", "their", "his", "her", "our", "my", "next", "new", "future"]);

function isSupportedTitle(facts: GroundingFacts, phrase: string): boolean {
  const words = titleWordsOf(phrase);
  if (words.length === 0) return true;
  if (facts.titleWords.some((known) => isOrderedSubsequence(words, known))) return true;
  return inCorpus(facts, phrase);
}

/** The title after "as" ("as a senior backend engineer at ..."), cut after its last title word. */
function titleAfterAs(text: string, start: number): string | null {
  const words: string[] = [];
  const rest = text.slice(start);
  for (const match of rest.matchAll(/([\p{L}\p{N}][\p{L}\p{N}'’\-.&/]*)|([^\p{L}\p{N}\s]+)|(\s+)/gu)) {
    if (match[2]) break; // punctuation ends the phrase
    if (match[3]) {
      if (match[3].includes("\n")) break;
      continue;
    }
    const word = match[1].replace(/[.]+$/u, "");
    const lower = word.toLowerCase();
    if (words.length === 0 && TITLE_FILLERS.has(lower)) continue;
    if (TITLE_STOP.has(lower) || words.length >= 6) break;
    words.push(word);
    if (match[1].endsWith(".")) break;
  }
  let last = -1;
  words.forEach((word, index) => {
    if (TITLE_HEADS.has(word.toLowerCase())) last = index;
  });
  return last >= 0 ? words.slice(0, last + 1).join(" ") : null;
}

function hasTitleHead(phrase: string): boolean {
  return phrase.split(/\s+/).some((word) => TITLE_HEADS.has(word.toLowerCase()));
}

/** Every claim of a text that the facts do not support. */
export function checkGrounding(text: string, facts: GroundingFacts): GroundingResult {
  const unsupported: Claim[] = [];
  const seen = new Set<string>();
  const report = (kind: ClaimKind, value: string) => {
    const key = `${kind}:${fold(value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    unsupported.push({ kind, value });
  };

  const masked = maskText(text, facts.masks);

  // Dates first, so a year is not read again as a number.
  const { dates, rest } = findDates(masked);
  for (const date of dates) {
    if (facts.dates.has(date.normalised)) continue;
    if (/^\d{4}$/.test(date.normalised) && facts.numbers.has(date.normalised)) continue; // "2000 users"
    report("date", date.value);
  }
  for (const number of findNumbers(rest)) {
    if (!facts.numbers.has(number.normalised)) report("number", number.value);
  }

  for (const mention of findSkillMentions(facts.dictionary, masked, "claims")) {
    if (!facts.skills.has(skillKey(mention.canonical))) report("skill", mention.text);
  }

  for (const degree of findDegrees(masked)) {
    if (!facts.degrees.has(degree.level)) report("degree", degree.value);
  }

  // Organisations after at/for/with/joined: employers, or schools when they say so.
  for (const match of masked.matchAll(/\b(?:at|for|with|joined|joining|join)\s+(?:the\s+)?/giu)) {
    const found = capitalisedPhrase(masked, (match.index ?? 0) + match[0].length);
    if (!found || found.phrase === "I") continue;
    if (isSupportedOrganisation(facts, found.phrase)) continue;
    report(SCHOOL_WORD.test(found.phrase) ? "school" : hasTitleHead(found.phrase) ? "title" : "employer", found.phrase);
  }

  // Schools anywhere: a capitalised name with a school word in it.
  for (const match of masked.matchAll(/(?<![\p{L}\p{N}])[\p{Lu}][\p{L}\p{N}&'’.\-]*/gu)) {
    const start = match.index ?? 0;
    const found = capitalisedPhrase(masked, start);
    if (!found || !SCHOOL_WORD.test(found.phrase)) continue;
    if (!isKnownName(facts, found.phrase)) report("school", found.phrase);
  }

  // Titles: after "as", and a capitalised title right before "at <Organisation>".
  for (const match of masked.matchAll(/\bas\s+/giu)) {
    const title = titleAfterAs(masked, (match.index ?? 0) + match[0].length);
    if (title && !isSupportedTitle(facts, title)) report("title", title);
  }
  for (const match of masked.matchAll(/(?<![\p{L}\p{N}])[\p{Lu}][\p{L}\p{N}&'’.\-]*/gu)) {
    const found = capitalisedPhrase(masked, match.index ?? 0);
    if (!found || !hasTitleHead(found.phrase)) continue;
    if (!/^\s+at\s+[\p{Lu}]/u.test(masked.slice(found.end))) continue;
    if (!isSupportedTitle(facts, found.phrase) && !isKnownName(facts, found.phrase)) report("title", found.phrase);
  }

  return { passed: unsupported.length === 0, unsupported };
}

/** Every text of a JSON Resume document, one per line, for checking a whole CV at once. */
export function documentText(value: unknown): string {
  const lines: string[] = [];
  const visit = (item: unknown, depth: number) => {
    if (depth > 8) return;
    if (typeof item === "string") lines.push(item);
    else if (Array.isArray(item)) { for (const child of item) visit(child, depth + 1); }
    else if (item && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        // URLs and the schema link are addresses, not statements.
        if (key === "$schema" || key === "url" || key === "image") continue;
        visit(child, depth + 1);
      }
    }
  };
  visit(value, 0);
  return lines.join("\n");
}

/** The facts in plain lists, for an LLM prompt: what it may use, and nothing else. */
export function factsSummary(facts: GroundingFacts): {
  skills: string[];
  employers: string[];
  titles: string[];
  schools: string[];
  dates: string[];
  numbers: string[];
} {
  return {
    skills: [...facts.skillNames],
    employers: [...facts.employers],
    titles: [...new Set(facts.titles)],
    schools: [...facts.schools],
    dates: [...facts.dates].sort(),
    numbers: [...facts.numberTexts],
  };
}
