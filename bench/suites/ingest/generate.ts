// Postings as the import pipeline hands them to public.ingest_postings: normalised objects of
// the NormalizedPosting shape (supabase/functions/_shared/import/posting.ts), generated in memory
// from small vocabularies with a seeded random generator, so every run ingests the same feed.
// Bodies are the length of real postings (about 2-4 KB of text in description, requirements and
// responsibilities), since their tsvector is most of the per-row cost of an insert.
import { seededRandom } from "../../lib/stats.ts";

/** The NormalizedPosting fields ingest_postings reads (kept here so the suite stands alone). */
export interface BenchPosting {
  source: string;
  external_id: string;
  source_url: string;
  title: string;
  company: string;
  company_url: string | null;
  location: string | null;
  country_code: string | null;
  remote_type: "onsite" | "hybrid" | "remote" | null;
  employment_type: "full_time" | "part_time" | "contract" | "temporary" | "internship" | "freelance" | null;
  description: string | null;
  requirements: string | null;
  responsibilities: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: "year" | "month" | "week" | "day" | "hour" | null;
  required_skills: string[];
  preferred_skills: string[];
  posted_at: string | null;
  expires_at: string | null;
}

const roles: Array<{ titles: string[]; skills: string[]; duties: string[]; salary: number }> = [
  {
    titles: ["Backend Engineer", "Backend Developer", "Software Engineer, Backend", "API Engineer"],
    skills: ["Go", "PostgreSQL", "Kubernetes", "gRPC", "Python", "Redis", "Apache Kafka", "AWS", "Docker", "Terraform"],
    duties: [
      "design and build the services behind our public API",
      "own the data model of a core product area end to end",
      "make our PostgreSQL clusters faster and easier to operate",
      "review code and mentor the engineers around you",
      "take part in a calm, well documented on-call rotation",
    ],
    salary: 70_000,
  },
  {
    titles: ["Frontend Engineer", "Frontend Developer", "UI Engineer", "Web Developer"],
    skills: ["TypeScript", "React", "Next.js", "CSS", "GraphQL", "Vite", "Playwright", "Web Accessibility", "Figma"],
    duties: [
      "build fast, accessible interfaces used by millions of people",
      "shape our design system together with product designers",
      "ship features behind flags and measure what they change",
      "keep the bundle small and the interactions smooth",
      "pair with backend engineers on the contracts between client and server",
    ],
    salary: 65_000,
  },
  {
    titles: ["Data Engineer", "Analytics Engineer", "Data Platform Engineer"],
    skills: ["Python", "SQL", "Apache Airflow", "dbt", "Snowflake", "Apache Spark", "BigQuery", "Apache Kafka"],
    duties: [
      "build reliable pipelines from dozens of sources into our warehouse",
      "model data so that analysts can answer questions on their own",
      "improve the freshness and quality guarantees of our datasets",
      "work with data scientists on features for our models",
    ],
    salary: 72_000,
  },
  {
    titles: ["Site Reliability Engineer", "DevOps Engineer", "Platform Engineer", "Cloud Engineer"],
    skills: ["Kubernetes", "Terraform", "AWS", "Linux", "Prometheus", "Grafana", "Go", "Helm", "CI/CD"],
    duties: [
      "run the platform every product team deploys to",
      "automate everything that is done twice",
      "define service level objectives with the teams that own the services",
      "lead incident reviews that change how we build",
    ],
    salary: 78_000,
  },
  {
    titles: ["Machine Learning Engineer", "Data Scientist", "Applied Scientist"],
    skills: ["Python", "PyTorch", "TensorFlow", "scikit-learn", "SQL", "MLOps", "Statistics", "Large Language Models"],
    duties: [
      "take models from notebook to production and keep them healthy",
      "design experiments and read their results honestly",
      "build the evaluation sets our product decisions rely on",
      "work with engineers to make inference fast and cheap",
    ],
    salary: 85_000,
  },
  {
    titles: ["Product Designer", "UX Designer", "Product Manager", "Engineering Manager"],
    skills: ["Figma", "UX Design", "Product Management", "Agile", "Stakeholder Management", "Leadership", "Jira"],
    duties: [
      "talk to customers every week and bring what you learn back to the team",
      "turn fuzzy problems into clear, testable plans",
      "write the documents that align engineering, design and sales",
      "grow the people on your team",
    ],
    salary: 75_000,
  },
];

const seniorities: Array<[string, number]> = [["", 1], ["Junior ", 0.7], ["Senior ", 1.3], ["Staff ", 1.6], [
  "Lead ",
  1.5,
]];
const companyStems = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Vandelay",
  "Stark",
  "Wayne",
  "Tyrell",
  "Cyberdyne",
  "Soylent",
  "Wonka",
  "Gringotts",
  "Aperture",
  "Black Mesa",
  "Oscorp",
  "Nakatomi",
  "Monarch",
  "Pied Piper",
  "Massive Dynamic",
];
const companyTails = ["Labs", "Systems", "Software", "Analytics", "Health", "Energy", "Logistics", "Finance", "Robotics"];
const legalForms = ["", " Inc.", " GmbH", " Ltd", " B.V.", " SAS", " LLC"];
const cities: Array<{ city: string; country: string; currency: string; pay: number }> = [
  { city: "Berlin, Germany", country: "DE", currency: "EUR", pay: 1 },
  { city: "München, Germany", country: "DE", currency: "EUR", pay: 1.1 },
  { city: "Amsterdam, Netherlands", country: "NL", currency: "EUR", pay: 1.05 },
  { city: "Paris, France", country: "FR", currency: "EUR", pay: 1 },
  { city: "London, United Kingdom", country: "GB", currency: "GBP", pay: 0.95 },
  { city: "Zürich, Switzerland", country: "CH", currency: "CHF", pay: 1.6 },
  { city: "New York, NY, United States", country: "US", currency: "USD", pay: 1.9 },
  { city: "San Francisco, CA, United States", country: "US", currency: "USD", pay: 2 },
  { city: "Toronto, Canada", country: "CA", currency: "CAD", pay: 1.3 },
  { city: "Lisbon, Portugal", country: "PT", currency: "EUR", pay: 0.6 },
  { city: "Kraków, Poland", country: "PL", currency: "PLN", pay: 2.2 },
  { city: "São Paulo, Brazil", country: "BR", currency: "BRL", pay: 3 },
];
const employment: BenchPosting["employment_type"][] = [
  "full_time",
  "full_time",
  "full_time",
  "full_time",
  "contract",
  "part_time",
  "internship",
  null,
];
const remote: BenchPosting["remote_type"][] = ["onsite", "hybrid", "hybrid", "remote", null];
const about = [
  "We build software that helps small businesses get paid on time, and we have been profitable since our third year.",
  "Our platform moves goods for thousands of shippers across Europe, and every route it plans saves fuel and time.",
  "We make clinical data usable for the researchers who need it, with privacy built in from the first line of code.",
  "Millions of people use our apps every day to learn a language, and we care about every one of their minutes.",
  "We are a team of engineers, designers and scientists working on the energy grid of the next fifty years.",
  "Our customers are banks and insurers who trust us with the data their business runs on.",
];
const culture = [
  "We write things down, we review each other's work kindly, and we ship small changes often.",
  "Teams are small and own their services from design to production, including the pager.",
  "We hire people who like to learn and give them the time to do it: every engineer has a learning budget.",
  "Remote-friendly since day one: most discussions happen in writing and meetings are kept short.",
];
const benefits = [
  "30 days of paid holiday",
  "a yearly learning budget of 2,000 EUR",
  "a public transport pass",
  "flexible working hours",
  "a pension plan with employer contribution",
  "parental leave beyond the legal minimum",
  "a new laptop of your choice",
  "regular team retreats",
  "mental health support",
];

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function shuffled<T>(rng: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export interface GenerateOptions {
  postings: number;
  seed?: number;
  source?: string;
  /** Share of postings that repeat an earlier one's company, title and location under a new id (dedup). */
  duplicateShare?: number;
  /** The clock the dates are relative to. */
  now?: Date;
}

/** N postings with unique external ids; about duplicateShare of them are the same job re-listed. */
export function generatePostings(options: GenerateOptions): BenchPosting[] {
  const rng = seededRandom(options.seed ?? 42);
  const source = options.source ?? "greenhouse";
  const duplicateShare = options.duplicateShare ?? 0.03;
  const now = (options.now ?? new Date()).getTime();
  const day = 86_400_000;
  const postings: BenchPosting[] = [];
  for (let i = 0; i < options.postings; i++) {
    const role = pick(rng, roles);
    const [seniority, seniorityPay] = pick(rng, seniorities);
    const place = pick(rng, cities);
    const company = `${pick(rng, companyStems)} ${pick(rng, companyTails)}${pick(rng, legalForms)}`;
    const skills = shuffled(rng, role.skills);
    const required = skills.slice(0, 3 + Math.floor(rng() * 3));
    const preferred = skills.slice(required.length, required.length + Math.floor(rng() * 3));
    const duties = shuffled(rng, role.duties).slice(0, 3);
    const perks = shuffled(rng, benefits).slice(0, 4);
    const title = `${seniority}${pick(rng, role.titles)}`;
    const remoteType = pick(rng, remote);
    const location = remoteType === "remote" ? `Remote (${place.city})` : place.city;
    const years = 1 + Math.floor(rng() * 7);
    const responsibilities = duties.map((duty) => `- You will ${duty}.`).join("\n");
    const requirements = [
      `- ${years}+ years of professional experience as a ${title.toLowerCase()} or in a similar role.`,
      `- Strong, hands-on knowledge of ${required.slice(0, -1).join(", ")} and ${required.at(-1)}.`,
      `- You communicate clearly in English, in writing and in person.`,
      `- You care about the people who use what you build and about the colleagues who maintain it.`,
      ...(preferred.length > 0 ? [`- Nice to have: experience with ${preferred.join(", ")}.`] : []),
    ].join("\n");
    const description = [
      `About ${company}`,
      `${pick(rng, about)} ${pick(rng, culture)}`,
      `The role`,
      `We are looking for a ${title} to join our team in ${place.city}. You will work with a cross-functional team of ` +
      `engineers, designers and product managers, and you will have real ownership from the first week. ` +
      `Our stack includes ${skills.join(", ")}.`,
      `What you will do`,
      responsibilities,
      `What you bring`,
      requirements,
      `What we offer`,
      `${perks.join(", ")}. ${pick(rng, culture)}`,
      `We welcome applications from everyone and we are committed to a fair, structured hiring process: ` +
      `a first call with the hiring manager, a practical exercise that respects your time, a conversation with ` +
      `the team, and a final call about the offer. We reply to every application within two weeks.`,
    ].join("\n\n");
    const hasSalary = rng() < 0.6;
    const base = Math.round((role.salary * seniorityPay * place.pay * (0.85 + rng() * 0.3)) / 1000) * 1000;
    const postedAt = now - Math.floor(90 * rng() ** 1.6 * day);
    const posting: BenchPosting = {
      source,
      external_id: `bench-${i}`,
      source_url: `https://boards.example.com/${company.toLowerCase().replace(/[^a-z0-9]+/g, "-")}/jobs/${i}`,
      title,
      company,
      company_url: null,
      location,
      country_code: place.country,
      remote_type: remoteType,
      employment_type: pick(rng, employment),
      description,
      requirements,
      responsibilities,
      salary_min: hasSalary ? base : null,
      salary_max: hasSalary ? Math.round(base * 1.25) : null,
      salary_currency: hasSalary ? place.currency : null,
      salary_period: hasSalary ? "year" : null,
      required_skills: required,
      preferred_skills: preferred,
      posted_at: new Date(postedAt).toISOString(),
      expires_at: rng() < 0.3 ? new Date(postedAt + (30 + Math.floor(rng() * 60)) * day).toISOString() : null,
    };
    // The same job listed again on another board: same company, title and location, new id.
    if (i > 0 && rng() < duplicateShare) {
      const earlier = postings[Math.floor(rng() * postings.length)];
      Object.assign(posting, { title: earlier.title, company: earlier.company, location: earlier.location });
    }
    postings.push(posting);
  }
  return postings;
}
