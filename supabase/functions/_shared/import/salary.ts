// Salary strings into numbers: "$120k-$150k", "€60.000 - €75.000 per year", "£45,000–£55,000 a
// year", "CHF 120'000", "$50/hour", "USD 10,000 per month". Handles ranges and single values,
// k/m suffixes, thousands written with , . ' or spaces (and Indian 1,00,000 grouping), decimal
// commas, currency symbols and ISO codes before or after the figure, and the period in words.
// Ambiguity is resolved towards "unknown" (null), never towards a guess that looks precise.
import type { SalaryPeriod } from "./posting.ts";

export interface Salary {
  min: number | null;
  max: number | null;
  currency: string | null;
  period: SalaryPeriod | null;
}

/** Currency codes we accept written out (ISO 4217). Codes that are also English words (ALL, TOP, CUP) are left out. */
const ISO_CODES = new Set([
  "USD",
  "EUR",
  "GBP",
  "CHF",
  "CAD",
  "AUD",
  "NZD",
  "SGD",
  "HKD",
  "JPY",
  "CNY",
  "RMB",
  "INR",
  "KRW",
  "SEK",
  "NOK",
  "DKK",
  "ISK",
  "PLN",
  "CZK",
  "HUF",
  "RON",
  "BGN",
  "TRY",
  "ILS",
  "AED",
  "SAR",
  "QAR",
  "ZAR",
  "BRL",
  "MXN",
  "ARS",
  "CLP",
  "COP",
  "PEN",
  "IDR",
  "MYR",
  "THB",
  "VND",
  "TWD",
  "UAH",
  "RUB",
  "EGP",
  "NGN",
  "KES",
  "PKR",
  "BDT",
]);

/**
 * Symbols and local abbreviations. A bare "$" is read as USD (what it means on the boards this
 * imports from); prefixed dollars say which one. "kr" alone is ambiguous (SEK, NOK, DKK, ISK)
 * and so is not a currency here.
 */
const SYMBOLS: ReadonlyArray<[string, string]> = [
  ["US$", "USD"],
  ["CA$", "CAD"],
  ["C$", "CAD"],
  ["AU$", "AUD"],
  ["A$", "AUD"],
  ["NZ$", "NZD"],
  ["HK$", "HKD"],
  ["SG$", "SGD"],
  ["S$", "SGD"],
  ["R$", "BRL"],
  ["MX$", "MXN"],
  ["$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["¥", "JPY"],
  ["￥", "JPY"],
  ["₹", "INR"],
  ["₩", "KRW"],
  ["₽", "RUB"],
  ["₺", "TRY"],
  ["₪", "ILS"],
  ["₱", "PHP"],
  ["฿", "THB"],
  ["₫", "VND"],
  ["₴", "UAH"],
  ["zł", "PLN"],
  ["Kč", "CZK"],
  ["Fr.", "CHF"],
  ["RMB", "CNY"],
];

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Longest first, so "US$" wins over "$" and "HK$" over "$".
const SYMBOL_PATTERN = [...SYMBOLS].sort((a, b) => b[0].length - a[0].length).map(([symbol]) => escape(symbol)).join(
  "|",
);
const CODE_PATTERN = [...ISO_CODES].join("|");
const CURRENCY = `(?:${SYMBOL_PATTERN}|\\b(?:${CODE_PATTERN})\\b)`;

// Thousands groups (Indian lakh grouping first, then groups of three with , . ' ’ or a space),
// each optionally with a 1-2 digit decimal part; or plain digits with an optional decimal part.
const NUMBER = String
  .raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d+)?`;
const SUFFIX = String.raw`(?:[kK]|[mM]{1,2}|[mM]n|mil|million|thousand)(?![a-zA-Z])`;

/** One figure with its surrounding currency marks: "$120k", "60.000 €", "USD 10,000". */
const AMOUNT = new RegExp(
  String.raw`(?<pre>${CURRENCY})?\s?(?<number>${NUMBER})\s?(?<suffix>${SUFFIX})?\s?(?<post>${CURRENCY})?`,
  // Case-sensitive on purpose: "PHP 8" or "eur" in prose must not read as a currency.
  "gu",
);

/** Between the two figures of a range. */
const RANGE_JOIN = /^\s*(?:-{1,2}|–|—|~|〜|to|until|bis|à|a|and|und|et|y)\s*$/i;

export function currencyFromSymbol(mark: string | null | undefined): string | null {
  if (!mark) return null;
  const trimmed = mark.trim();
  const upper = trimmed.toUpperCase();
  if (ISO_CODES.has(upper)) return upper === "RMB" ? "CNY" : upper;
  const symbol = SYMBOLS.find(([candidate]) => candidate.toLowerCase() === trimmed.toLowerCase());
  return symbol ? symbol[1] : null;
}

/** Reads one figure: "120k" -> 120000, "60.000" -> 60000, "45,000.50" -> 45000.5, "1,5" -> 1.5. */
export function parseAmount(raw: string): number | null {
  const match = new RegExp(`^\\s*(${NUMBER})\\s*(${SUFFIX})?\\s*$`, "u").exec(raw);
  if (!match) return null;
  return amountFrom(match[1], match[2]);
}

function amountFrom(number: string, suffix: string | undefined): number | null {
  let digits = number.replace(/[\u00a0\u202f ]/g, "");
  // The last separator is a decimal point when 1-2 digits follow it, or when it is the only
  // separator and not followed by exactly three digits ("1.5", "12,75"); otherwise separators
  // group thousands ("60.000", "45,000", "120'000").
  const decimal = /[.,](\d{1,2})$/.exec(digits) ??
    (/^\d+[.,]\d+$/.test(digits) && !/^\d+[.,]\d{3}$/.test(digits) ? /[.,](\d+)$/.exec(digits) : null);
  let fraction = "";
  if (decimal) {
    fraction = decimal[1];
    digits = digits.slice(0, decimal.index);
  }
  const whole = digits.replace(/[.,'’]/g, "");
  if (!/^\d+$/.test(whole)) return null;
  let value = Number(fraction ? `${whole}.${fraction}` : whole);
  const unit = suffix?.toLowerCase();
  if (unit === "k" || unit === "thousand") value *= 1_000;
  else if (unit) value *= 1_000_000;
  return Number.isFinite(value) ? value : null;
}

// Word prefixes need a space ("a year", never the "an"+"y" of "any"); single-letter units only
// after a slash ("/h", "/y"). No bare "pa": it is Pennsylvania far more often than per annum.
const PERIODS: ReadonlyArray<[SalaryPeriod, RegExp]> = [
  [
    "hour",
    /\b(?:per|an?|each|every|pro|par)\s+(?:hour|hr|stunde|heure)\b|\/\s*(?:hour|hr|h|std)\b|\b(?:hourly|stündlich)\b|\bp\/h\b/i,
  ],
  ["day", /\b(?:per|a|each|every|pro|par)\s+(?:day|tag|jour)\b|\/\s*(?:day|d|tag)\b|\b(?:daily|day rate|per diem)\b/i],
  ["week", /\b(?:per|a|each|every|pro|par)\s+(?:week|wk|woche|semaine)\b|\/\s*(?:week|wk|w)\b|\bweekly\b/i],
  [
    "month",
    /\b(?:per|a|each|every|pro|par)\s+(?:month|mo|mth|monat|mois)\b|\/\s*(?:month|mo|mth|m)\b|\b(?:monthly|monatlich|mensuel)\b/i,
  ],
  [
    "year",
    /\b(?:per|an?|each|every|pro|par|al|por)\s+(?:year|yr|annum|jahr|an|année|año)\b|\/\s*(?:year|yr|y|annum|jahr|a)\b|\b(?:annual(?:ly)?|yearly|jährlich)\b|\bp\.\s?a\.(?!\w)/i,
  ],
];

/** The period a salary text or unit names: "per year", "a year", "/hr", "hourly", "p.a.", "YEAR", "per-month-salary". */
export function periodFromText(text: string | null | undefined): SalaryPeriod | null {
  if (!text) return null;
  const unit = text.trim().toLowerCase().replace(/[-_]/g, " ");
  // schema.org unitText and Lever intervals name the unit outright.
  const direct: Record<string, SalaryPeriod> = {
    year: "year",
    yearly: "year",
    annual: "year",
    annually: "year",
    month: "month",
    monthly: "month",
    week: "week",
    weekly: "week",
    day: "day",
    daily: "day",
    hour: "hour",
    hourly: "hour",
  };
  if (direct[unit]) return direct[unit];
  const interval = /^per (year|month|week|day|hour)\b/.exec(unit);
  if (interval) return interval[1] as SalaryPeriod;
  // The period named first wins ("$50/hour, about $100k a year" is an hourly rate).
  let best: { period: SalaryPeriod; index: number } | null = null;
  for (const [period, pattern] of PERIODS) {
    const match = pattern.exec(text);
    if (match && (best === null || match.index < best.index)) best = { period, index: match.index };
  }
  return best?.period ?? null;
}

/**
 * Currencies whose yearly salaries are five figures and monthly ones four: there a figure of
 * 10,000 or more with no stated period is a yearly salary. Elsewhere (JPY, INR, SEK, ...) monthly
 * pay reaches five or more figures, so the period stays unknown.
 */
const YEARLY_WHEN_LARGE = new Set(["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "SGD", "IEP"]);

export function inferPeriod(salary: Salary): SalaryPeriod | null {
  if (salary.period) return salary.period;
  const figure = salary.min ?? salary.max;
  if (figure !== null && salary.currency && YEARLY_WHEN_LARGE.has(salary.currency) && figure >= 10_000) return "year";
  return null;
}

/** A parsed salary (or none) as a posting's four salary columns, the period inferred when unstated. */
export function salaryColumns(salary: Salary | null | undefined): {
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: SalaryPeriod | null;
} {
  return {
    salary_min: salary?.min ?? null,
    salary_max: salary?.max ?? null,
    salary_currency: salary?.currency ?? null,
    salary_period: salary ? inferPeriod(salary) : null,
  };
}

interface Amount {
  value: number;
  currency: string | null;
  start: number;
  end: number;
  suffix: string | undefined;
}

/** The first `limit` figures (a salary needs two at most; stopping early keeps hostile input cheap). */
function amountsIn(text: string, limit = 2): Amount[] {
  const amounts: Amount[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    if (amounts.length === limit) break;
    const groups = match.groups ?? {};
    const value = amountFrom(groups.number, groups.suffix);
    if (value === null) continue;
    // A figure glued to letters is part of a word or code ("5G", "H1B"), not an amount.
    const before = text[match.index - 1] ?? "";
    const end = match.index + match[0].length;
    if (/[a-z0-9]/i.test(before) && !groups.pre) continue;
    amounts.push({
      value,
      currency: currencyFromSymbol(groups.pre) ?? currencyFromSymbol(groups.post),
      start: match.index,
      end: end - (/\s$/.test(match[0]) ? 1 : 0),
      suffix: groups.suffix,
    });
  }
  return amounts;
}

/**
 * Parses a salary string. Returns null when it holds no figure. A lone figure is both min and
 * max; "from"/"+" make it a minimum, "up to" a maximum.
 */
export function parseSalary(text: string): Salary | null {
  // A salary is a short phrase; past 1,000 characters this is prose, and reading all of it
  // would only let a hostile page spend our CPU.
  const normalized = text.slice(0, 1_000).normalize("NFKC").replace(/\s+/g, " ");
  const amounts = amountsIn(normalized);
  if (amounts.length === 0) return null;
  const first = amounts[0];
  let second: Amount | undefined;
  const next = amounts[1];
  if (next && RANGE_JOIN.test(normalized.slice(first.end, next.start))) second = next;

  let min = first.value;
  let max = second?.value ?? first.value;
  if (second) {
    // "$120-150k": a suffix written once applies to both ends.
    if (!first.suffix && second.suffix) {
      const multiplier = /^(?:k|thousand)$/i.test(second.suffix) ? 1_000 : 1_000_000;
      if (first.value * multiplier <= max) min = first.value * multiplier;
    }
  } else {
    const before = normalized.slice(0, first.start).toLowerCase();
    const after = normalized.slice(first.end).toLowerCase();
    if (/\b(?:up to|max(?:imum)?|bis zu|jusqu'?à)\s*$/.test(before)) min = Number.NaN;
    else if (/\b(?:from|min(?:imum)?|ab|starting at|at least)\s*$/.test(before) || /^\s*\+/.test(after)) {
      max = Number.NaN;
    }
  }
  return {
    min: Number.isNaN(min) ? null : min,
    max: Number.isNaN(max) ? null : max,
    currency: first.currency ?? second?.currency ?? null,
    period: periodFromText(normalized),
  };
}

/** Words that say a figure in running text is pay, not funding, revenue or headcount. */
const PAY_WORDS =
  /\b(salary|salaries|compensation|pay|paid|base|range|rate|wage|ote|gehalt|vergütung|salaire|rémunération|sueldo|salario|per (?:year|annum|month|hour|day|week)|an? (?:year|hour|month)|annual|hourly|monthly|p\.a\.)\b/i;
const NOT_PAY = /\b(raised|funding|series [a-e]|valuation|revenue|arr|investors?|customers|users|budget)\b/i;

/**
 * Finds a salary in free text (a description without a structured salary). Only a line that
 * names pay and carries a currency counts, so "we raised $50M" or "5+ years" never becomes a
 * salary.
 */
export function findSalary(text: string): Salary | null {
  for (const line of text.split(/\n+/)) {
    if (line.length > 400 || !PAY_WORDS.test(line) || (NOT_PAY.test(line) && !/\bsalary\b/i.test(line))) continue;
    const salary = parseSalary(line);
    if (salary && salary.currency) return salary;
  }
  return null;
}
