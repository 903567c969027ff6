// What a posting asks for, how well a person covers it, and which parts of their history speak to
// it. Everything is deterministic and explainable: every number can be traced to named skills and
// words, so the UI can say *why* a bullet moved up or a score is 72.
import { canonicalSkills, type SkillDictionary, skillKey } from "../skills.ts";
import type { Job, Profile, Project, WorkEntry } from "./rows.ts";
import { skillsInText } from "../skill_mentions.ts";
import { contentTerms, contentWords, titleTerms } from "./text.ts";

export type SkillTier = "required" | "preferred" | "mentioned";

/**
 * Weights of posting skills by tier. A required skill counts three times a preferred one; a skill
 * the posting only mentions in passing (not in its skill arrays) counts half a preferred one.
 */
export const SKILL_WEIGHTS: Readonly<Record<SkillTier, number>> = { required: 3, preferred: 1, mentioned: 0.5 };

/** The score blends skill coverage with how well the job title matches titles the person held. */
export const SCORE_WEIGHTS = { skills: 0.85, title: 0.15 } as const;

/** Relevance: a shared content word is worth this many skill points per unit of its weight. */
export const TERM_FACTOR = 0.5;
/** Relevance: the user's "featured" flag breaks ties towards projects they want shown. */
export const FEATURED_BONUS = 0.5;

export interface PostingSkills {
  required: string[];
  preferred: string[];
  /** Skills in the posting's text that its skill arrays do not list. */
  mentioned: string[];
  /** True when the posting had no skill arrays and the tiers were read from its text. */
  fromText: boolean;
}

/**
 * The skills a posting asks for, canonical and de-duplicated across tiers (required wins).
 * With skill arrays, those decide the tiers and the text only adds "mentioned" skills. Without
 * them (many scraped postings), skills in the requirements text are required and skills elsewhere
 * in the text are preferred.
 */
export function postingSkills(job: Job, dictionary: SkillDictionary): PostingSkills {
  const explicitRequired = canonicalSkills(dictionary, job.required_skills);
  const explicitPreferred = canonicalSkills(dictionary, job.preferred_skills);
  const inRequirements = skillsInText(dictionary, job.requirements ?? "", "posting");
  const elsewhere = skillsInText(
    dictionary,
    [job.title, job.description ?? "", job.responsibilities ?? ""].join("\n"),
    "posting",
  );
  const seen = new Set<string>();
  const take = (skills: readonly string[]) =>
    skills.filter((skill) => {
      const key = skillKey(skill);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (explicitRequired.length === 0 && explicitPreferred.length === 0) {
    const required = take(inRequirements);
    return { required, preferred: take(elsewhere), mentioned: [], fromText: true };
  }
  const required = take(explicitRequired);
  const preferred = take(explicitPreferred);
  return { required, preferred, mentioned: take([...inRequirements, ...elsewhere]), fromText: false };
}

export interface PostingAnalysis {
  job: Job;
  skills: PostingSkills;
  /** skillKey -> tier, for weighting. */
  tiers: ReadonlyMap<string, SkillTier>;
  /** Stemmed content term -> weight: min(3, occurrences) + 2 when the title has it. */
  terms: ReadonlyMap<string, number>;
  /** Stemmed term -> the word as the posting first wrote it, for explanations. */
  termLabels: ReadonlyMap<string, string>;
  /** Terms of the job title without seniority words ("backend", "engineer"). */
  titleTerms: readonly string[];
}

export function analysePosting(job: Job, dictionary: SkillDictionary): PostingAnalysis {
  const skills = postingSkills(job, dictionary);
  const tiers = new Map<string, SkillTier>();
  for (const tier of ["required", "preferred", "mentioned"] as const) {
    for (const skill of skills[tier]) tiers.set(skillKey(skill), tier);
  }
  // Skill words are scored as skills and the company's own name says nothing about the work, so
  // neither counts again as a term.
  const excluded = new Set<string>(contentTerms(job.company));
  for (const skill of [...skills.required, ...skills.preferred, ...skills.mentioned]) {
    for (const term of contentTerms(skill)) excluded.add(term);
  }
  const counts = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const { term, word } of contentWords(job.title)) labels.set(term, word);
  const body = [job.description, job.requirements, job.responsibilities].filter(Boolean).join("\n");
  for (const { term, word } of contentWords(body)) {
    if (excluded.has(term)) continue;
    if (!labels.has(term)) labels.set(term, word);
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const title = titleTerms(job.title);
  const terms = new Map<string, number>();
  for (const [term, count] of counts) terms.set(term, Math.min(3, count));
  for (const term of title) {
    if (!excluded.has(term)) terms.set(term, (terms.get(term) ?? 0) + 2);
  }
  return { job, skills, tiers, terms, termLabels: labels, titleTerms: title };
}

export interface Relevance {
  /** skill points + TERM_FACTOR x term points, rounded to 2 decimals. */
  score: number;
  /** Posting skills the item shows, most important tier first. */
  skills: string[];
  /** Posting words the item shares, heaviest first. */
  terms: string[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * How much a piece of the person's history speaks to the posting:
 *   score = sum of SKILL_WEIGHTS[tier] over posting skills the text (or extraSkills) shows
 *         + TERM_FACTOR x sum of term weights over posting terms the text shares.
 */
export function relevanceOf(
  text: string,
  analysis: PostingAnalysis,
  dictionary: SkillDictionary,
  extraSkills: readonly string[] = [],
): Relevance {
  const skills = canonicalSkills(dictionary, [...extraSkills, ...skillsInText(dictionary, text, "profile")]);
  const matched: { skill: string; tier: SkillTier }[] = [];
  for (const skill of skills) {
    const tier = analysis.tiers.get(skillKey(skill));
    if (tier) matched.push({ skill, tier });
  }
  const tierOrder: Record<SkillTier, number> = { required: 0, preferred: 1, mentioned: 2 };
  matched.sort((a, b) => tierOrder[a.tier] - tierOrder[b.tier]);
  const terms: { term: string; weight: number }[] = [];
  for (const term of new Set(contentTerms(text))) {
    const weight = analysis.terms.get(term);
    if (weight) terms.push({ term, weight });
  }
  terms.sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
  const skillPoints = matched.reduce((sum, { tier }) => sum + SKILL_WEIGHTS[tier], 0);
  const termPoints = terms.reduce((sum, { weight }) => sum + weight, 0);
  return {
    score: round2(skillPoints + TERM_FACTOR * termPoints),
    skills: matched.map(({ skill }) => skill),
    terms: terms.map(({ term }) => analysis.termLabels.get(term) ?? term),
  };
}

export interface RankedHighlight {
  /** Position in the profile's own list. */
  index: number;
  text: string;
  relevance: Relevance;
}

export interface RankedWork {
  index: number;
  entry: WorkEntry;
  /** Relevance of the whole entry: position, summary and all highlights. */
  relevance: Relevance;
  /** Highlights, most relevant first; ties keep the person's own order. */
  highlights: RankedHighlight[];
}

/** Work entries in their original order, each with its highlights ranked. */
export function rankWork(
  work: readonly WorkEntry[],
  analysis: PostingAnalysis,
  dictionary: SkillDictionary,
): RankedWork[] {
  return work.map((entry, index) => {
    const highlights = (entry.highlights ?? [])
      .map((text, position) => ({ index: position, text, relevance: relevanceOf(text, analysis, dictionary) }))
      .sort((a, b) => b.relevance.score - a.relevance.score || a.index - b.index);
    const whole = [entry.position, entry.summary, ...(entry.highlights ?? [])].filter(Boolean).join("\n");
    return { index, entry, relevance: relevanceOf(whole, analysis, dictionary), highlights };
  });
}

export interface RankedProject {
  index: number;
  project: Project;
  relevance: Relevance;
  /** relevance.score plus FEATURED_BONUS for featured projects; used for ordering only. */
  rank: number;
}

/** Projects, most relevant first; technologies and the user's relevance tags count as skills. */
export function rankProjects(
  projects: readonly Project[],
  analysis: PostingAnalysis,
  dictionary: SkillDictionary,
): RankedProject[] {
  return projects
    .map((project, index) => {
      const text = [
        project.name,
        project.role,
        project.description,
        ...project.achievements,
        ...project.relevance_tags,
      ].filter(Boolean).join("\n");
      const relevance = relevanceOf(text, analysis, dictionary, [...project.technologies, ...project.relevance_tags]);
      return { index, project, relevance, rank: round2(relevance.score + (project.is_featured ? FEATURED_BONUS : 0)) };
    })
    .sort((a, b) => b.rank - a.rank || a.index - b.index);
}

export type SectionName = "summary" | "skills" | "work" | "projects" | "education";

export interface SectionPlan {
  order: SectionName[];
  reason: string;
}

const topSum = (scores: readonly number[], n: number) =>
  [...scores].sort((a, b) => b - a).slice(0, n).reduce((sum, score) => sum + score, 0);

/**
 * Which sections the CV shows and in what order. Summary and skills lead (recruiters and ATS
 * read the top first); education closes. Experience comes before projects, unless the selected
 * projects speak to the posting at least twice as strongly as the experience does (the best two of
 * each, compared) — the case of a career changer or a new graduate, whose evidence is in projects.
 */
export function planSections(input: {
  hasSummary: boolean;
  hasSkills: boolean;
  work: readonly RankedWork[];
  projects: readonly RankedProject[];
  hasEducation: boolean;
}): SectionPlan {
  const order: SectionName[] = [];
  if (input.hasSummary) order.push("summary");
  if (input.hasSkills) order.push("skills");
  const workScore = topSum(input.work.map((entry) => entry.relevance.score), 2);
  const projectScore = topSum(input.projects.map((entry) => entry.relevance.score), 2);
  let reason: string;
  if (input.work.length === 0 && input.projects.length === 0) {
    reason = "No experience or projects to show.";
  } else if (input.work.length === 0) {
    order.push("projects");
    reason = "Projects shown; there is no work history.";
  } else if (input.projects.length === 0) {
    order.push("work");
    reason = "Experience shown; no project matches this posting.";
  } else if (projectScore > 0 && projectScore >= 2 * workScore) {
    order.push("projects", "work");
    reason =
      `Projects first: they match the posting (${projectScore}) at least twice as strongly as experience (${workScore}).`;
  } else {
    order.push("work", "projects");
    reason = `Experience first (${workScore}), then projects (${projectScore}).`;
  }
  if (input.hasEducation) order.push("education");
  return { order, reason };
}

export interface SkillEvidence {
  canonical: string;
  /** Where the person shows it: "skills", "work: Acme", "project: Ledger". */
  sources: string[];
}

/**
 * Every skill the person's own data shows, with where: the skills list, project technologies and
 * tags, and skills named in work and project text (read as the person's own prose: MentionMode "profile").
 */
export function candidateSkills(
  profile: Profile,
  projects: readonly Project[],
  dictionary: SkillDictionary,
): Map<string, SkillEvidence> {
  const evidence = new Map<string, SkillEvidence>();
  const add = (skills: readonly string[], source: string) => {
    for (const skill of canonicalSkills(dictionary, skills)) {
      const key = skillKey(skill);
      const existing = evidence.get(key);
      if (!existing) evidence.set(key, { canonical: skill, sources: [source] });
      else if (!existing.sources.includes(source)) existing.sources.push(source);
    }
  };
  add(profile.skills, "skills");
  if (profile.summary) add(skillsInText(dictionary, profile.summary, "profile"), "summary");
  for (const entry of profile.work_experience) {
    const text = [entry.position, entry.summary, ...(entry.highlights ?? [])].filter(Boolean).join("\n");
    add(skillsInText(dictionary, text, "profile"), `work: ${entry.name}`);
  }
  for (const project of projects) {
    const text = [project.description, ...project.achievements].filter(Boolean).join("\n");
    add([...project.technologies, ...skillsInText(dictionary, text, "profile")], `project: ${project.name}`);
  }
  return evidence;
}

/** Title words of roles the person has held or describes themselves as (not roles they want). */
export function candidateTitleTerms(profile: Profile, projects: readonly Project[]): Set<string> {
  const titles = [
    profile.headline,
    ...profile.work_experience.map((entry) => entry.position),
    ...projects.map((project) => project.role),
  ];
  const terms = new Set<string>();
  for (const title of titles) if (title) { for (const term of titleTerms(title)) terms.add(term); }
  return terms;
}

export interface MatchScore {
  /** 0-100, see scoreFromEvidence. */
  score: number;
  /** Posting skills the person shows: required first, then preferred, then mentioned. */
  matched: string[];
  missingRequired: string[];
  missingPreferred: string[];
  /** Skills the posting's text mentions outside its arrays that the person does not show. */
  missingMentioned: string[];
  explanation: string;
  breakdown: {
    /** Weighted share of posting skills covered, 0-1; null when the posting names no skills. */
    skillCoverage: number | null;
    /** Share of job-title words found in the person's titles, 0-1; null for an empty title. */
    titleCoverage: number | null;
    requiredMatched: number;
    requiredTotal: number;
    preferredMatched: number;
    preferredTotal: number;
    mentionedMatched: number;
    mentionedTotal: number;
    titleTermsMatched: string[];
  };
}

const pct = (value: number) => `${Math.round(value * 100)}%`;

function describeTier(label: string, matched: number, total: number, missing: readonly string[]): string | null {
  if (total === 0) return null;
  const head = `${matched} of ${total} ${label}`;
  if (missing.length === 0) return head;
  const shown = missing.slice(0, 4).join(", ");
  return `${head} (missing ${shown}${missing.length > 4 ? `, +${missing.length - 4} more` : ""})`;
}

/**
 * The match score:
 *
 *   S = (3·r + 1·p + 0.5·m) / (3·R + 1·P + 0.5·M)
 *       r, p, m: required, preferred and mentioned posting skills the person shows;
 *       R, P, M: how many the posting has in each tier (SKILL_WEIGHTS).
 *   T = |title words of the job found in the person's titles| / |title words of the job|
 *       (seniority words such as "Senior" or "Lead" are not title words).
 *   score = round(100 · (0.85·S + 0.15·T))   when both exist,
 *           round(100 · S) or round(100 · T)  when only one exists, 0 when neither does.
 */
export function scoreFromEvidence(
  analysis: PostingAnalysis,
  evidence: ReadonlyMap<string, SkillEvidence>,
  titleTermsHeld: ReadonlySet<string>,
): MatchScore {
  const split = (skills: readonly string[]) => ({
    matched: skills.filter((skill) => evidence.has(skillKey(skill))),
    missing: skills.filter((skill) => !evidence.has(skillKey(skill))),
  });
  const required = split(analysis.skills.required);
  const preferred = split(analysis.skills.preferred);
  const mentioned = split(analysis.skills.mentioned);
  const total = SKILL_WEIGHTS.required * analysis.skills.required.length +
    SKILL_WEIGHTS.preferred * analysis.skills.preferred.length +
    SKILL_WEIGHTS.mentioned * analysis.skills.mentioned.length;
  const covered = SKILL_WEIGHTS.required * required.matched.length +
    SKILL_WEIGHTS.preferred * preferred.matched.length +
    SKILL_WEIGHTS.mentioned * mentioned.matched.length;
  const skillCoverage = total > 0 ? covered / total : null;
  const titleMatched = analysis.titleTerms.filter((term) => titleTermsHeld.has(term));
  const titleCoverage = analysis.titleTerms.length > 0 ? titleMatched.length / analysis.titleTerms.length : null;

  let raw: number;
  let formula: string;
  if (skillCoverage !== null && titleCoverage !== null) {
    raw = SCORE_WEIGHTS.skills * skillCoverage + SCORE_WEIGHTS.title * titleCoverage;
    formula = `85% × skill coverage ${pct(skillCoverage)} + 15% × title match ${pct(titleCoverage)}`;
  } else if (skillCoverage !== null) {
    raw = skillCoverage;
    formula = `skill coverage ${pct(skillCoverage)}`;
  } else if (titleCoverage !== null) {
    raw = titleCoverage;
    formula = `title match ${pct(titleCoverage)} (the posting names no skills)`;
  } else {
    raw = 0;
    formula = "nothing to compare";
  }
  const score = Math.max(0, Math.min(100, Math.round(raw * 100)));

  const parts = [
    describeTier("required skills", required.matched.length, analysis.skills.required.length, required.missing),
    describeTier("preferred skills", preferred.matched.length, analysis.skills.preferred.length, preferred.missing),
    describeTier(
      "other skills the posting mentions",
      mentioned.matched.length,
      analysis.skills.mentioned.length,
      mentioned.missing,
    ),
  ].filter((part): part is string => part !== null);
  const skillText = parts.length > 0 ? `Shows ${parts.join("; ")}.` : "The posting names no skills.";
  const titleText = titleCoverage === null
    ? ""
    : ` Title words held: ${titleMatched.length} of ${analysis.titleTerms.length}${
      titleMatched.length > 0 ? ` (${titleMatched.join(", ")})` : ""
    }.`;
  const source = analysis.skills.fromText ? " Skill tiers read from the posting's text." : "";

  return {
    score,
    matched: [...required.matched, ...preferred.matched, ...mentioned.matched],
    missingRequired: required.missing,
    missingPreferred: preferred.missing,
    missingMentioned: mentioned.missing,
    explanation: `${skillText}${titleText}${source} Score ${score} = ${formula}.`,
    breakdown: {
      skillCoverage,
      titleCoverage,
      requiredMatched: required.matched.length,
      requiredTotal: analysis.skills.required.length,
      preferredMatched: preferred.matched.length,
      preferredTotal: analysis.skills.preferred.length,
      mentionedMatched: mentioned.matched.length,
      mentionedTotal: analysis.skills.mentioned.length,
      titleTermsMatched: titleMatched,
    },
  };
}

/** How well a person's profile and projects cover a posting; see scoreFromEvidence for the formula. */
export function scoreMatch(
  profile: Profile,
  projects: readonly Project[],
  job: Job,
  dictionary: SkillDictionary,
): MatchScore {
  return scoreFromEvidence(
    analysePosting(job, dictionary),
    candidateSkills(profile, projects, dictionary),
    candidateTitleTerms(profile, projects),
  );
}
