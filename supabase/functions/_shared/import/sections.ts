// Splits a posting's text into its usual sections so requirements, responsibilities and
// nice-to-haves can be filled separately and skills sorted into required and preferred. Boards
// mark sections with <h2>/<h3>, with a paragraph that is bold from end to end, or with a short
// "Requirements:" line; all three arrive here as TextLines from html.ts.
import type { TextLine } from "./html.ts";

export type SectionKind = "requirements" | "responsibilities" | "preferred" | "benefits" | "other";

export interface Section {
  heading: string | null;
  kind: SectionKind;
  text: string;
}

// Order matters: "Preferred qualifications" is preferred, not requirements; "What you'll do" is
// responsibilities, "What you'll bring" requirements.
const KINDS: ReadonlyArray<[SectionKind, RegExp]> = [
  [
    "preferred",
    /\b(nice[\s-]to[\s-]haves?|bonus(?: points)?|pluses|(?:is|a|big) plus|preferred|desir(?:ed|able)|good[\s-]to[\s-]have|even better|extra credit|ideally|wunschenswert|von vorteil|un plus|atout)\b/,
  ],
  [
    "benefits",
    /\b(benefits|perks|what we offer|we offer|compensation|why (?:join|work)|what's in it for you|our offer|wir bieten|was wir bieten|nous offrons|avantages)\b/,
  ],
  [
    "responsibilities",
    /\b(responsibilit(?:y|ies)|what you(?:'ll| will)(?: be)? do(?:ing)?|your role|the role|about the role|duties|day[\s-]to[\s-]day|your impact|your mission|your tasks|in this role|what you(?:'ll| will) work on|the job|(?:ihre|deine) aufgaben|aufgaben|(?:vos |tes )?missions)\b/,
  ],
  [
    "requirements",
    /\b(requirements?|qualifications?|what you(?:'ll| will)? (?:bring|need|have)|what we(?:'re| are) looking for|we(?:'re| are) looking for|about you|who you are|you have|you(?:'ll| will)? need|must[\s-]haves?|skills|your (?:profile|background|experience|skills)|(?:required|relevant) experience|experience|ideal candidate|you should have|(?:ihr|dein) profil|anforderungen|qualifikation(?:en)?|profil recherche|competences)\b/,
  ],
];

/** What a heading announces; "other" for anything else ("About us", "Our team", ...). */
export function classifyHeading(heading: string): SectionKind {
  // Accents folded, so "Wünschenswert" and "Compétences" meet their patterns.
  const key = heading.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, " ")
    .trim();
  for (const [kind, pattern] of KINDS) if (pattern.test(key)) return kind;
  return "other";
}

/**
 * A line that starts a section: a marked heading, or a short plain line that names a known
 * section and looks like a label ("Requirements:", "What you'll do"). List items never are.
 */
function headingOf(line: TextLine): string | null {
  if (line.item || line.text === "") return null;
  const text = line.text.trim();
  if (line.heading) return text;
  if (text.length > 60) return null;
  const label = text.replace(/[:\s]+$/, "");
  // Without a colon, only a short label with no figures: "5+ years of experience" is a sentence.
  if (!text.endsWith(":") && (label.split(/\s+/).length > 5 || /\d/.test(label))) return null;
  if (!text.endsWith(":") && /[.!?]$/.test(label)) return null;
  // A plain line only counts when it names a section we know; "Location:" stays body text.
  return classifyHeading(label) === "other" ? null : label;
}

export function splitSections(lines: readonly TextLine[]): Section[] {
  const sections: Section[] = [];
  let current: { heading: string | null; kind: SectionKind; lines: string[] } = {
    heading: null,
    kind: "other",
    lines: [],
  };
  const close = () => {
    const text = current.lines.join("\n").trim();
    if (text !== "" || current.heading !== null) sections.push({ heading: current.heading, kind: current.kind, text });
  };
  for (const line of lines) {
    const heading = headingOf(line);
    if (heading !== null) {
      close();
      current = { heading, kind: classifyHeading(heading), lines: [] };
    } else {
      current.lines.push(line.text);
    }
  }
  close();
  return sections;
}

/** The text of every section of one kind, joined; null when there is none. */
export function sectionText(sections: readonly Section[], kind: SectionKind): string | null {
  const text = sections.filter((section) => section.kind === kind && section.text !== "").map((section) => section.text)
    .join("\n\n");
  return text === "" ? null : text;
}
