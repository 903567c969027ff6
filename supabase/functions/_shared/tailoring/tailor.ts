// The deterministic tailoring engine: a CV (JSON Resume) and a cover-letter draft for one posting,
// built only from the person's own data. Nothing is rewritten or invented here: tailoring means
// choosing, ordering and trimming what the person wrote. Same input, same output, no clock, no
// randomness, so versions are reproducible and the grounding check passes by construction.
import { z } from "zod";
import { fail, ok, type Result } from "../result.ts";
import { canonicalSkill, type SkillDictionary, skillKey } from "../skills.ts";
import {
  analysePosting,
  candidateSkills,
  candidateTitleTerms,
  type MatchScore,
  planSections,
  type PostingSkills,
  type RankedProject,
  type RankedWork,
  rankProjects,
  rankWork,
  scoreFromEvidence,
  type SectionName,
} from "./analysis.ts";
import { profileToResume, type Resume, type ResumeWork } from "./resume.ts";
import type { Job, Profile, Project, WorkEntry } from "./rows.ts";
import { issuesOf } from "./rows.ts";
import { asSentence, joinList, wordCount } from "./text.ts";

export const TailorOptionsSchema = z.strictObject({
  /** Highlights kept per role, most relevant first. */
  maxHighlightsPerRole: z.int().min(1).max(30).default(4),
  /** A role keeps at least this many highlights even when none matches, so no entry looks empty. */
  minHighlightsPerRole: z.int().min(0).max(30).default(2),
  maxProjects: z.int().min(0).max(20).default(3),
  /** Skills listed; skills the posting asks for and the person shows are never cut. */
  maxSkills: z.int().min(1).max(100).default(25),
});
export type TailorOptions = z.input<typeof TailorOptionsSchema>;

export interface HighlightChoice {
  text: string;
  score: number;
  skills: string[];
  terms: string[];
}

export interface TailoringExplanation {
  sections: string;
  work: { employer: string; kept: HighlightChoice[]; left_out: number }[];
  projects: { name: string; score: number; skills: string[]; terms: string[]; selected: boolean }[];
  skills: string;
}

export interface TailoredCv {
  /** The tailored CV as a JSON Resume document (public.generated_cvs.content). */
  resume: Resume;
  /** Sections in display order, for templates. */
  sections: SectionName[];
  score: MatchScore;
  posting: PostingSkills;
  explanation: TailoringExplanation;
}

// Reverse-chronological, the order recruiters expect; undated entries go last in their own order.
function byRecency(a: { entry: WorkEntry; index: number }, b: { entry: WorkEntry; index: number }): number {
  const aStart = a.entry.startDate ?? "";
  const bStart = b.entry.startDate ?? "";
  if (aStart !== bStart) {
    if (!aStart) return 1;
    if (!bStart) return -1;
    return aStart < bStart ? 1 : -1;
  }
  return a.index - b.index;
}

function chooseHighlights(ranked: RankedWork, max: number, min: number): { kept: HighlightChoice[]; leftOut: number } {
  const total = ranked.highlights.length;
  const chosen = ranked.highlights.filter((highlight) => highlight.relevance.score > 0).slice(0, max);
  const floor = Math.min(min, max, total);
  if (chosen.length < floor) {
    // Pad with the person's own first highlights, in their order, so the role is not left bare.
    const taken = new Set(chosen.map((highlight) => highlight.index));
    const padding = [...ranked.highlights].sort((a, b) => a.index - b.index).filter((h) => !taken.has(h.index));
    chosen.push(...padding.slice(0, floor - chosen.length));
  }
  return {
    kept: chosen.map((highlight) => ({
      text: highlight.text,
      score: highlight.relevance.score,
      skills: highlight.relevance.skills,
      terms: highlight.relevance.terms,
    })),
    leftOut: total - chosen.length,
  };
}

function tailoredWork(entry: WorkEntry, highlights: readonly HighlightChoice[]): ResumeWork {
  const work: ResumeWork = { name: entry.name };
  if (entry.position) work.position = entry.position;
  if (entry.location) work.location = entry.location;
  if (entry.url) work.url = entry.url;
  if (entry.startDate) work.startDate = entry.startDate;
  if (entry.endDate) work.endDate = entry.endDate;
  if (entry.summary) work.summary = entry.summary;
  if (highlights.length > 0) work.highlights = highlights.map((highlight) => highlight.text);
  return work;
}

function selectProjects(ranked: readonly RankedProject[], max: number): RankedProject[] {
  const relevant = ranked.filter((entry) => entry.relevance.score > 0).slice(0, max);
  if (relevant.length > 0) return relevant;
  // Nothing matches: show what the person chose to feature rather than an arbitrary pick.
  return ranked.filter((entry) => entry.project.is_featured).slice(0, max);
}

/** skillKey of the canonical name -> the posting's own spelling ("Kafka" for Apache Kafka). */
function postingSpellings(job: Job, dictionary: SkillDictionary): Map<string, string> {
  const spelling = new Map<string, string>();
  for (const raw of [...job.required_skills, ...job.preferred_skills]) {
    const key = skillKey(canonicalSkill(dictionary, raw));
    if (!spelling.has(key)) spelling.set(key, raw);
  }
  return spelling;
}

/**
 * Skills, matched first: the posting's required, preferred and mentioned skills the person shows
 * (spelled as the posting spells them, which is what an ATS searches for), then the rest of the
 * person's own list in their order and spelling, up to maxSkills.
 */
function orderSkills(
  profile: Profile,
  job: Job,
  score: MatchScore,
  dictionary: SkillDictionary,
  maxSkills: number,
): string[] {
  const postingSpelling = postingSpellings(job, dictionary);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const skill of score.matched) {
    const key = skillKey(skill);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(postingSpelling.get(key) ?? skill);
  }
  for (const raw of profile.skills) {
    if (out.length >= maxSkills) break;
    const key = skillKey(canonicalSkill(dictionary, raw));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(raw);
  }
  return out;
}

/**
 * Tailors the person's CV to a posting. Rows are expected parsed (rows.ts schemas at the edge);
 * options come from the request and are validated here.
 */
export function tailorCv(
  profile: Profile,
  projects: readonly Project[],
  job: Job,
  dictionary: SkillDictionary,
  options: TailorOptions = {},
): Result<TailoredCv> {
  const parsed = TailorOptionsSchema.safeParse(options);
  if (!parsed.success) {
    return fail("validation_failed", "The tailoring options are not valid.", { issues: issuesOf(parsed.error) });
  }
  const settings = parsed.data;
  const analysis = analysePosting(job, dictionary);
  const score = scoreFromEvidence(
    analysis,
    candidateSkills(profile, projects, dictionary),
    candidateTitleTerms(profile, projects),
  );

  const rankedWork = rankWork(profile.work_experience, analysis, dictionary);
  const workExplanation: TailoringExplanation["work"] = [];
  const work = [...rankedWork].sort(byRecency).map((ranked) => {
    const { kept, leftOut } = chooseHighlights(ranked, settings.maxHighlightsPerRole, settings.minHighlightsPerRole);
    workExplanation.push({ employer: ranked.entry.name, kept, left_out: leftOut });
    return tailoredWork(ranked.entry, kept);
  });

  const rankedProjects = rankProjects(projects, analysis, dictionary);
  const selected = selectProjects(rankedProjects, settings.maxProjects);
  const selectedIds = new Set(selected.map((entry) => entry.index));
  const skills = orderSkills(profile, job, score, dictionary, settings.maxSkills);

  const resume = profileToResume(profile, selected.map((entry) => entry.project));
  if (work.length > 0) resume.work = work;
  if (skills.length > 0) resume.skills = skills.map((name) => ({ name }));
  else delete resume.skills;

  const plan = planSections({
    hasSummary: Boolean(profile.summary),
    hasSkills: skills.length > 0,
    work: rankedWork,
    projects: selected,
    hasEducation: profile.education.length > 0,
  });

  return ok({
    resume,
    sections: plan.order,
    score,
    posting: analysis.skills,
    explanation: {
      sections: plan.reason,
      work: workExplanation,
      projects: rankedProjects.map((entry) => ({
        name: entry.project.name,
        score: entry.relevance.score,
        skills: entry.relevance.skills,
        terms: entry.relevance.terms,
        selected: selectedIds.has(entry.index),
      })),
      skills: score.matched.length > 0
        ? `${score.matched.length} skills the posting asks for come first.`
        : "No skill of the posting matched; your skills keep your order.",
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Cover letter

export const LetterToneSchema = z.enum(["formal", "warm", "concise"]);
export type LetterTone = z.infer<typeof LetterToneSchema>;

/** Mirrors public.cover_letters: tone enum, max_words 50..1000. */
export const CoverLetterOptionsSchema = z.strictObject({
  tone: LetterToneSchema.default("formal"),
  maxWords: z.int().min(50).max(1000).default(300),
});
export type CoverLetterOptions = z.input<typeof CoverLetterOptionsSchema>;

export interface CoverLetterContext {
  /** The person's projects, so a relevant one can be named. */
  projects?: readonly Project[];
  /** Ranks work highlights against the posting; without it only shared words count. */
  dictionary?: SkillDictionary;
}

export interface CoverLetterDraft {
  text: string;
  wordCount: number;
  tone: LetterTone;
  maxWords: number;
}

// A concise letter is short whatever the ceiling: a busy reader's version.
const CONCISE_CEILING = 150;

const LEGAL_SUFFIX = /[,\s]+(inc\.?|ltd\.?|llc|gmbh|plc|corp\.?|co\.?|limited|ag|s\.?a\.?|b\.?v\.?)$/i;

/** "Acme Pay Ltd" reads as "Acme Pay" in a salutation; the grounding check folds suffixes alike. */
export function companyDisplayName(company: string): string {
  const stripped = company.replace(LEGAL_SUFFIX, "").trim();
  return stripped || company;
}

function firstSentence(text: string): string {
  const match = text.trim().match(/^.*?[.!?](?=\s|$)/s);
  return asSentence(match ? match[0] : text);
}

interface Sentence {
  text: string;
  paragraph: number;
  /** Lower is kept first when the word budget is tight; 0 is mandatory. */
  priority: number;
}

/**
 * A cover letter in the chosen tone, at most maxWords words, stating only the person's own facts
 * (employer, position, highlights written by them, skills they show, a project of theirs) plus the
 * posting's title and company. Highlights are quoted as written, never paraphrased.
 */
export function draftCoverLetter(
  profile: Profile,
  job: Job,
  score: MatchScore,
  options: CoverLetterOptions = {},
  context: CoverLetterContext = {},
): Result<CoverLetterDraft> {
  const parsed = CoverLetterOptionsSchema.safeParse(options);
  if (!parsed.success) {
    return fail("validation_failed", "The cover-letter options are not valid.", { issues: issuesOf(parsed.error) });
  }
  const { tone, maxWords } = parsed.data;
  const budget = tone === "concise" ? Math.min(maxWords, CONCISE_CEILING) : maxWords;
  const dictionary = context.dictionary ?? new Map<string, string>();
  const projects = context.projects ?? [];
  const company = companyDisplayName(job.company);
  const title = job.title;
  const sentences: Sentence[] = [];
  const add = (text: string, paragraph: number, priority: number) => sentences.push({ text, paragraph, priority });

  add(
    { formal: `Dear ${company} hiring team,`, warm: `Hello ${company} team,`, concise: `Dear ${company} team,` }[tone],
    0,
    0,
  );
  add(
    {
      formal: `I am writing to apply for the ${title} position at ${company}.`,
      warm: `I was excited to see the ${title} opening at ${company}, and I would love to be considered.`,
      concise: `I am applying for the ${title} role at ${company}.`,
    }[tone],
    1,
    0,
  );

  const analysis = analysePosting(job, dictionary);
  const ranked = rankWork(profile.work_experience, analysis, dictionary);
  const latest = [...ranked].sort(byRecency)[0];
  if (latest) {
    const { name, position, endDate } = latest.entry;
    let text: string;
    if (!position) text = endDate ? `Most recently, I worked at ${name}.` : `I currently work at ${name}.`;
    else if (!endDate) {
      text = {
        formal: `I currently work as ${position} at ${name}.`,
        warm: `Right now I work as ${position} at ${name}.`,
        concise: `I currently work as ${position} at ${name}.`,
      }[tone];
    } else text = `Most recently, I worked as ${position} at ${name}.`;
    add(text, 1, 1);
  }

  const spelling = postingSpellings(job, dictionary);
  const matched = score.matched.slice(0, 4).map((skill) => spelling.get(skillKey(skill)) ?? skill);
  if (matched.length > 0) {
    const list = joinList(matched);
    add(
      {
        formal: `My experience with ${list} matches what this role asks for.`,
        warm: `I enjoy working with ${list}, which sit at the heart of this role.`,
        concise: `Relevant skills: ${list}.`,
      }[tone],
      1,
      2,
    );
  }

  // The strongest highlights across roles, quoted as the person wrote them.
  const highlights = ranked
    .flatMap((entry) =>
      entry.highlights.map((highlight) => ({ employer: entry.entry.name, highlight, order: entry.index }))
    )
    .filter(({ highlight }) => highlight.relevance.score > 0)
    .sort((a, b) =>
      b.highlight.relevance.score - a.highlight.relevance.score || a.order - b.order ||
      a.highlight.index - b.highlight.index
    )
    .slice(0, tone === "concise" ? 1 : 2);
  highlights.forEach(({ employer, highlight }, position) => {
    const quoted = asSentence(highlight.text);
    const again = position > 0 && highlights[0].employer === employer;
    const lead = {
      formal: again ? `Also at ${employer}: ` : `One result from my time at ${employer}: `,
      warm: again ? "Another highlight: " : `Something I am proud of from ${employer}: `,
      concise: "",
    }[tone];
    add(`${lead}${quoted}`, 2, position === 0 ? 3 : 6);
  });

  const project = rankProjects(projects, analysis, dictionary).find((entry) => entry.relevance.score > 0);
  if (project) {
    const description = project.project.description ? `: ${firstSentence(project.project.description)}` : ".";
    add(`My project ${project.project.name} is relevant too${description}`, 2, 5);
  }

  const education = [...profile.education].sort((a, b) => (b.endDate ?? "").localeCompare(a.endDate ?? ""))[0];
  if (education?.area) add(`I studied ${education.area} at ${education.institution}.`, 2, 7);

  add(
    {
      formal: `I would welcome the opportunity to discuss how I can contribute to ${company}.`,
      warm: `I would love to talk about how I could help ${company}.`,
      concise: "I would welcome a conversation.",
    }[tone],
    3,
    4,
  );
  add({ formal: "Yours sincerely,", warm: "Warm regards,", concise: "Best regards," }[tone], 4, 0);
  if (profile.full_name) add(profile.full_name, 4, 0);

  const chosen = fitToBudget(sentences, budget);
  const paragraphs: string[] = [];
  for (let paragraph = 0; paragraph <= 4; paragraph++) {
    const parts = chosen.filter((sentence) => sentence.paragraph === paragraph).map((sentence) => sentence.text);
    if (parts.length > 0) paragraphs.push(parts.join(paragraph === 4 ? "\n" : " "));
  }
  const text = capWords(paragraphs.join("\n\n"), budget);
  return ok({ text, wordCount: wordCount(text), tone, maxWords });
}

/** Mandatory sentences, then optional ones by priority while they fit; document order is kept. */
function fitToBudget(sentences: readonly Sentence[], budget: number): Sentence[] {
  const words = (list: readonly Sentence[]) => list.reduce((sum, sentence) => sum + wordCount(sentence.text), 0);
  const required = sentences.filter((sentence) => sentence.priority === 0);
  const replacement = new Map<Sentence, Sentence>();
  if (words(required) > budget) {
    // A very long job title or company name: a salutation and opening without them still work.
    for (const sentence of required) {
      if (sentence.paragraph === 0) replacement.set(sentence, { ...sentence, text: "Dear hiring team," });
      if (sentence.paragraph === 1) replacement.set(sentence, { ...sentence, text: "I am applying for this role." });
    }
  }
  let total = words(required.map((sentence) => replacement.get(sentence) ?? sentence));
  const accepted = new Set<Sentence>();
  const optional = sentences.filter((sentence) => sentence.priority > 0).sort((a, b) => a.priority - b.priority);
  for (const sentence of optional) {
    const cost = wordCount(sentence.text);
    if (total + cost > budget) continue;
    accepted.add(sentence);
    total += cost;
  }
  return sentences.flatMap((sentence) => {
    if (sentence.priority === 0) return [replacement.get(sentence) ?? sentence];
    return accepted.has(sentence) ? [sentence] : [];
  });
}

/** Last resort for absurdly long names: never exceed the word limit the user asked for. */
function capWords(text: string, budget: number): string {
  if (wordCount(text) <= budget) return text;
  let seen = 0;
  const kept = text.replace(/\S+/g, (word) => (++seen <= budget ? word : ""));
  return kept.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}
