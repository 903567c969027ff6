// Small classifiers shared by the parsers: where the work happens (remote type), the kind of
// employment (the employment_type enum) and the country of a location string. Each prefers the
// format's structured fields and falls back to words; when the words are unclear the answer is
// null, because a wrong "remote" is worse for a job seeker than an unknown one.
import type { EmploymentType, RemoteType } from "./posting.ts";

/** Lower-case, accents folded, whitespace collapsed: the form every lookup below compares. */
export function foldKey(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------
// Remote type

export interface RemoteSignals {
  /** schema.org jobLocationType ("TELECOMMUTE"), string or array. */
  jobLocationType?: unknown;
  /** Lever workplaceType ("remote", "hybrid", "on-site", "unspecified") or a similar board field. */
  workplaceType?: string | null;
  location?: string | null;
  title?: string | null;
  /** Description text; only explicit phrases count there. */
  text?: string | null;
}

const HYBRID_WORDS =
  /\bhybrid\b|\b\d\s*(?:-\s*\d\s*)?days?\s*(?:a|per|\/)?\s*(?:week\s*)?(?:in|at)\s*(?:the\s*)?office\b|\bpartially remote\b|\bpartly remote\b|\bflex(?:ible)? remote\b/;
const REMOTE_WORDS =
  /\bremote\b|\bwork from home\b|\bwfh\b|\bhome[\s-]?office\b|\btelecommut\w*\b|\banywhere\b|\bdistributed\b/;
const ONSITE_WORDS = /\bon[\s-]?site\b|\bin[\s-]office\b|\boffice[\s-]based\b|\bin[\s-]person\b/;

// In a description the bare word "remote" is too weak ("remote collaboration tools"); these are
// the phrases that state the arrangement.
const TEXT_HYBRID =
  /\bhybrid (?:role|position|working|work|model|setup|schedule|arrangement|environment)\b|\bthis (?:role|position|job) is hybrid\b|\b\d\s*(?:-\s*\d\s*)?days?\s*(?:a|per)\s*week\s*(?:in|at)\s*(?:the|our)?\s*office\b|\b\d\s*(?:-\s*\d\s*)?days?\s*(?:in|at)\s*(?:the|our)\s*office\b/;
const TEXT_NOT_REMOTE = /\b(?:not|no|isn't|is not) (?:a |an )?(?:fully )?remote\b|\bremote work is not\b/;
const TEXT_REMOTE =
  /\b(?:fully|100\s*%|completely|entirely|full[\s-]time) remote\b|\bremote[\s-](?:first|only|friendly role)\b|\bwork from anywhere\b|\bthis (?:role|position|job) is (?:fully )?remote\b|\bremote (?:role|position|job|opportunity)\b|\bworking remotely\b/;
const TEXT_ONSITE =
  /\b(?:this (?:role|position|job) is|must be|fully|100\s*%) (?:on[\s-]?site|in[\s-]office|office[\s-]based)\b|\bon[\s-]site (?:role|position|job)\b/;

function fromWords(value: string): RemoteType | null {
  const key = foldKey(value);
  if (HYBRID_WORDS.test(key)) return "hybrid";
  if (REMOTE_WORDS.test(key)) return "remote";
  if (ONSITE_WORDS.test(key)) return "onsite";
  return null;
}

export function remoteTypeFrom(signals: RemoteSignals): RemoteType | null {
  const hints = [signals.location, signals.title].filter((value): value is string => typeof value === "string");
  const hinted = hints.map(fromWords).find((value) => value !== null) ?? null;

  const workplace = foldKey(signals.workplaceType ?? "").replace(/[\s_-]/g, "");
  if (workplace === "remote") return hinted === "hybrid" ? "hybrid" : "remote";
  if (workplace === "hybrid") return "hybrid";
  if (workplace === "onsite" || workplace === "inoffice" || workplace === "office") return "onsite";

  const locationTypes = (Array.isArray(signals.jobLocationType) ? signals.jobLocationType : [signals.jobLocationType])
    .filter((value): value is string => typeof value === "string")
    .map((value) => value.trim().toUpperCase());
  // Google's guidance: TELECOMMUTE means fully remote; with a jobLocation too, the office is
  // optional. A posting that says "hybrid" in its own words is still hybrid.
  if (locationTypes.includes("TELECOMMUTE")) return hinted === "hybrid" ? "hybrid" : "remote";

  if (hinted !== null) return hinted;

  if (signals.text) {
    const text = foldKey(signals.text);
    if (TEXT_HYBRID.test(text)) return "hybrid";
    if (TEXT_NOT_REMOTE.test(text)) return "onsite";
    if (TEXT_REMOTE.test(text)) return "remote";
    if (TEXT_ONSITE.test(text)) return "onsite";
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Employment type

const EMPLOYMENT_WORDS: ReadonlyArray<[EmploymentType, RegExp]> = [
  [
    "internship",
    /\bintern(?:ship)?s?\b|\bworking student\b|\bwerkstudent\w*\b|\bpraktik\w*\b|\bstagiaire\b|\btrainee\b|\bapprentice\w*\b/,
  ],
  ["part_time", /\bpart[\s_-]?time\b|\bteilzeit\b|\btemps partiel\b|\bmedio tiempo\b/],
  ["freelance", /\bfreelanc\w*\b|\bself[\s_-]employed\b|\bindependent contractor\b/],
  ["contract", /\bcontract\w*\b|\bcontrat\b|\bb2b\b|\bper[\s_]diem\b/],
  ["temporary", /\btemp(?:orary)?\b|\bfixed[\s_-]term\b|\bseasonal\b|\bbefristet\b|\bcdd\b/],
  [
    "full_time",
    /\bfull[\s_-]?time\b|\bpermanent\b|\bregular\b|\bvollzeit\b|\bunbefristet\b|\btemps plein\b|\bcdi\b|\bemployee\b/,
  ],
];

/**
 * Maps a format's employment wording to the enum: schema.org values (FULL_TIME, CONTRACTOR,
 * INTERN, ...), Lever commitments ("Full-time", "Contract"), and common local words. With
 * several values (schema.org allows an array) the first that maps wins; within one string the
 * word that comes first does. VOLUNTEER and OTHER map to nothing.
 */
export function employmentTypeFrom(value: unknown): EmploymentType | null {
  const values = Array.isArray(value) ? value : [value];
  for (const item of values) {
    if (typeof item !== "string") continue;
    const key = foldKey(item).replace(/_/g, " ");
    let best: { type: EmploymentType; index: number } | null = null;
    for (const [type, pattern] of EMPLOYMENT_WORDS) {
      const match = pattern.exec(key);
      if (match && (best === null || match.index < best.index)) best = { type, index: match.index };
    }
    if (best) return best.type;
  }
  return null;
}

/**
 * The employment type a job title states, for formats without a field for it. Words that are
 * also job content ("Contract Manager", "Contracts Lead") count only when the title sets them
 * apart: in parentheses or brackets, or after " - ", " | ", " / " or a comma.
 */
export function employmentTypeFromTitle(title: string | null | undefined): EmploymentType | null {
  if (!title) return null;
  const type = employmentTypeFrom(title);
  if (type !== "contract") return type;
  const asides = [...title.matchAll(/[([]([^)\]]*)[)\]]/g)].map((match) => match[1]);
  const tail = title.split(/\s[-–—|/]\s|,/).slice(1);
  return [...asides, ...tail].map(employmentTypeFrom).find((value) => value !== null) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Country

// Codes Intl still names but ISO 3166-1 no longer assigns, and groupings that are not countries.
const NOT_COUNTRIES = new Set([
  "AN",
  "BU",
  "CS",
  "DD",
  "DY",
  "FX",
  "HV",
  "NH",
  "RH",
  "SU",
  "TP",
  "UK",
  "VD",
  "YD",
  "YU",
  "ZR",
  "EU",
  "EZ",
  "UN",
  "ZZ",
  "QO",
  "AC",
  "CP",
  "DG",
  "EA",
  "IC",
  "TA",
]);

const LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "fi", "pl", "cs"];

/** ISO alpha-2 codes that are countries today, with their names in the languages above. */
function buildCountryTables(): { codes: Set<string>; names: Map<string, string | null> } {
  const codes = new Set<string>();
  const names = new Map<string, string | null>(); // null marks a name two countries share
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const language of LANGUAGES) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([language], { type: "region", fallback: "none" });
    } catch {
      continue;
    }
    for (const a of letters) {
      for (const b of letters) {
        const code = a + b;
        if (NOT_COUNTRIES.has(code)) continue;
        const name = display.of(code);
        if (!name || name === code) continue;
        codes.add(code);
        // CLDR writes "Trinidad & Tobago", "Hong Kong SAR China", "Myanmar (Burma)".
        const variants = [
          name,
          name.replace(/\s*&\s*/g, " and "),
          name.replace(/\s*\(.*\)\s*/g, ""),
          name.replace(/\s+SAR.*$/, ""),
        ];
        for (const variant of variants) {
          const key = foldKey(variant);
          const known = names.get(key);
          names.set(key, known === undefined || known === code ? code : null);
        }
      }
    }
  }
  return { codes, names };
}

const tables = buildCountryTables();

const COUNTRY_ALIASES: Record<string, string> = {
  "us": "US",
  "usa": "US",
  "u s": "US",
  "united states of america": "US",
  "america": "US",
  "uk": "GB",
  "great britain": "GB",
  "britain": "GB",
  "england": "GB",
  "scotland": "GB",
  "wales": "GB",
  "northern ireland": "GB",
  "uae": "AE",
  "holland": "NL",
  "the netherlands": "NL",
  "czech republic": "CZ",
  "korea": "KR",
  "republic of korea": "KR",
  "turkey": "TR",
  "ivory coast": "CI",
  "russian federation": "RU",
  "viet nam": "VN",
  "hong kong sar": "HK",
  "prc": "CN",
  "mainland china": "CN",
};

// Alpha-3 codes seen in schema.org addressCountry, for the countries postings mostly name.
const ALPHA3: Record<string, string> = {
  USA: "US",
  GBR: "GB",
  CAN: "CA",
  AUS: "AU",
  NZL: "NZ",
  IRL: "IE",
  DEU: "DE",
  AUT: "AT",
  CHE: "CH",
  FRA: "FR",
  BEL: "BE",
  NLD: "NL",
  LUX: "LU",
  ESP: "ES",
  PRT: "PT",
  ITA: "IT",
  SWE: "SE",
  NOR: "NO",
  DNK: "DK",
  FIN: "FI",
  ISL: "IS",
  POL: "PL",
  CZE: "CZ",
  HUN: "HU",
  ROU: "RO",
  GRC: "GR",
  EST: "EE",
  LVA: "LV",
  LTU: "LT",
  UKR: "UA",
  ISR: "IL",
  ARE: "AE",
  IND: "IN",
  SGP: "SG",
  JPN: "JP",
  KOR: "KR",
  CHN: "CN",
  HKG: "HK",
  TWN: "TW",
  BRA: "BR",
  MEX: "MX",
  ARG: "AR",
  ZAF: "ZA",
};

// Names that are both a country and a US state; alone they say nothing.
const AMBIGUOUS_NAMES = new Set(["georgia"]);

const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
    .split(" "),
);
const US_STATE_NAMES = new Set(
  [
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "district of columbia",
    "florida",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
  ],
);
// "NL" is left out: as a code it is far more often the Netherlands than Newfoundland.
const CA_PROVINCES = new Set(["ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "PE", "YT", "NT", "NU"]);
const CA_PROVINCE_NAMES = new Set(["ontario", "quebec", "british columbia", "alberta", "manitoba", "nova scotia"]);
const AU_STATES = new Set(["NSW", "VIC", "QLD", "TAS", "ACT", "new south wales", "victoria", "queensland"]);

/** Cities that name their country on their own; only unambiguous ones (no London, ON; no Dublin, OH). */
const CITIES: Record<string, string> = {
  "new york city": "US",
  "nyc": "US",
  "san francisco": "US",
  "san francisco bay area": "US",
  "bay area": "US",
  "los angeles": "US",
  "seattle": "US",
  "chicago": "US",
  "boston": "US",
  "austin": "US",
  "denver": "US",
  "atlanta": "US",
  "palo alto": "US",
  "mountain view": "US",
  "menlo park": "US",
  "sunnyvale": "US",
  "london": "GB",
  "edinburgh": "GB",
  "glasgow": "GB",
  "berlin": "DE",
  "munich": "DE",
  "munchen": "DE",
  "hamburg": "DE",
  "frankfurt": "DE",
  "frankfurt am main": "DE",
  "cologne": "DE",
  "koln": "DE",
  "stuttgart": "DE",
  "dusseldorf": "DE",
  "paris": "FR",
  "lyon": "FR",
  "amsterdam": "NL",
  "rotterdam": "NL",
  "utrecht": "NL",
  "brussels": "BE",
  "zurich": "CH",
  "geneva": "CH",
  "geneve": "CH",
  "basel": "CH",
  "lausanne": "CH",
  "vienna": "AT",
  "wien": "AT",
  "madrid": "ES",
  "barcelona": "ES",
  "lisbon": "PT",
  "lisboa": "PT",
  "milan": "IT",
  "milano": "IT",
  "stockholm": "SE",
  "oslo": "NO",
  "copenhagen": "DK",
  "kobenhavn": "DK",
  "helsinki": "FI",
  "warsaw": "PL",
  "warszawa": "PL",
  "krakow": "PL",
  "prague": "CZ",
  "praha": "CZ",
  "budapest": "HU",
  "bucharest": "RO",
  "tallinn": "EE",
  "tel aviv": "IL",
  "tel aviv-yafo": "IL",
  "dubai": "AE",
  "bangalore": "IN",
  "bengaluru": "IN",
  "mumbai": "IN",
  "new delhi": "IN",
  "hyderabad": "IN",
  "pune": "IN",
  "singapore": "SG",
  "tokyo": "JP",
  "seoul": "KR",
  "sydney": "AU",
  "melbourne": "AU",
  "auckland": "NZ",
  "toronto": "CA",
  "vancouver": "CA",
  "montreal": "CA",
  "sao paulo": "BR",
  "mexico city": "MX",
  "buenos aires": "AR",
  "cape town": "ZA",
};

/** A structured country value: an alpha-2 or alpha-3 code, or a country name in a common language. */
export function countryCodeOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && tables.codes.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  if (/^[A-Z]{3}$/.test(trimmed) && ALPHA3[trimmed]) return ALPHA3[trimmed];
  const key = foldKey(trimmed).replace(/\./g, "").replace(/\s+/g, " ");
  if (AMBIGUOUS_NAMES.has(key)) return null;
  return COUNTRY_ALIASES[key] ?? tables.names.get(key) ?? null;
}

/** The country one place ("Berlin, Germany", "Austin, TX", "Remote - US") names, reading from the end. */
function countryOfPlace(place: string): string | null {
  const segments = place.split(/[,()\-–—·•]/).map((segment) => segment.trim()).filter(Boolean).reverse();
  for (const segment of segments) {
    const key = foldKey(segment).replace(/\./g, "");
    // Two capital letters after a city are a US state or Canadian province before a country code
    // ("Austin, TX", "Toronto, ON"; "Wilmington, DE" is Delaware).
    if (/^[A-Z]{2}$/.test(segment) && segments.length > 1) {
      if (US_STATES.has(segment)) return CITIES[foldKey(segments.at(-1) ?? "")] ?? "US";
      if (CA_PROVINCES.has(segment)) return "CA";
    }
    if (US_STATE_NAMES.has(key) && segments.length > 1) return "US";
    if (CA_PROVINCE_NAMES.has(key)) return "CA";
    if (AU_STATES.has(segment) || AU_STATES.has(key)) return "AU";
    const country = countryCodeOf(segment.replace(/\./g, ""));
    if (country) return country;
    const city = CITIES[key];
    if (city) return city;
  }
  return null;
}

/**
 * The country of a location string when it is obvious: one country named (or implied by a US
 * state, a Canadian province or a well-known city), or several places all in one country.
 * Places in different countries, or none recognised, give null.
 */
export function countryCodeFromLocation(location: string | null | undefined): string | null {
  if (!location) return null;
  // Real locations are short (the column holds 300 characters); a longer string is not one.
  if (location.length > 1000) return null;
  // Not "and" or "&": "Trinidad and Tobago" and "Bosnia & Herzegovina" are one place each.
  const places = location.split(/;|\||\/|\bor\b|\n/i).map((place) => place.trim()).filter(Boolean);
  const found = new Set<string>();
  for (const place of places) {
    const code = countryOfPlace(place);
    if (code) found.add(code);
  }
  return found.size === 1 ? [...found][0] : null;
}
