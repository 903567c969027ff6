import assert from "node:assert/strict";
import {
  currencyFromSymbol,
  findSalary,
  inferPeriod,
  parseAmount,
  parseSalary,
  periodFromText,
  type Salary,
} from "./salary.ts";

const s = (min: number | null, max: number | null, currency: string | null, period: Salary["period"]): Salary => ({
  min,
  max,
  currency,
  period,
});

Deno.test("parseSalary: the formats postings use", () => {
  const cases: Array<[string, Salary]> = [
    ["$120k-$150k", s(120_000, 150_000, "USD", null)],
    ["$120-150k", s(120_000, 150_000, "USD", null)],
    ["€60.000 - €75.000 per year", s(60_000, 75_000, "EUR", "year")],
    ["£45,000–£55,000 a year", s(45_000, 55_000, "GBP", "year")],
    ["CHF 120'000", s(120_000, 120_000, "CHF", null)],
    ["CHF 120’000 – 140’000 pro Jahr", s(120_000, 140_000, "CHF", "year")],
    ["$50/hour", s(50, 50, "USD", "hour")],
    ["$45.50 an hour", s(45.5, 45.5, "USD", "hour")],
    ["USD 10,000 per month", s(10_000, 10_000, "USD", "month")],
    ["60.000 - 75.000 € brutto jährlich", s(60_000, 75_000, "EUR", "year")],
    ["50 000 – 60 000 EUR / year", s(50_000, 60_000, "EUR", "year")],
    ["100.000,00 € p.a.", s(100_000, 100_000, "EUR", "year")],
    ["₹15,00,000 - ₹25,00,000 per annum", s(1_500_000, 2_500_000, "INR", "year")],
    ["US$90,000 to US$110,000 annually", s(90_000, 110_000, "USD", "year")],
    ["CA$100K+", s(100_000, null, "CAD", null)],
    ["Up to £70,000", s(null, 70_000, "GBP", null)],
    ["From €4.500 per month", s(4_500, null, "EUR", "month")],
    ["1.2m SEK", s(1_200_000, 1_200_000, "SEK", null)],
    ["A$140k – A$160k + super", s(140_000, 160_000, "AUD", null)],
    ["¥6,000,000〜¥9,000,000", s(6_000_000, 9_000_000, "JPY", null)],
    ["$800 per day", s(800, 800, "USD", "day")],
    ["$2,000/week", s(2_000, 2_000, "USD", "week")],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseSalary(text), expected, text);
});

Deno.test("parseSalary: no figure, no salary; no currency, no guess", () => {
  assert.equal(parseSalary("Competitive"), null);
  assert.equal(parseSalary(""), null);
  assert.deepEqual(parseSalary("120000 - 150000"), s(120_000, 150_000, null, null));
  // "any" is not "a" + "y": no period from ordinary words.
  assert.equal(parseSalary("$5 for any reason")?.period, null);
  // Codes are case-sensitive: "php" in prose is not Philippine pesos, "eur" not euros.
  assert.equal(parseSalary("php 8 and eur 5")?.currency ?? null, null);
});

Deno.test("parseAmount: thousands separators, decimals, suffixes", () => {
  const cases: Array<[string, number | null]> = [
    ["60.000", 60_000],
    ["45,000", 45_000],
    ["120'000", 120_000],
    ["45,000.50", 45_000.5],
    ["1.234,56", 1_234.56],
    ["1,5", 1.5],
    ["12,75", 12.75],
    ["120k", 120_000],
    ["1.2m", 1_200_000],
    ["15,00,000", 1_500_000],
    ["abc", null],
  ];
  for (const [text, expected] of cases) assert.equal(parseAmount(text), expected, text);
});

Deno.test("currencies: symbols and codes to ISO 4217", () => {
  const cases: Array<[string, string | null]> = [
    ["$", "USD"],
    ["US$", "USD"],
    ["C$", "CAD"],
    ["€", "EUR"],
    ["£", "GBP"],
    ["¥", "JPY"],
    ["₹", "INR"],
    ["zł", "PLN"],
    ["Fr.", "CHF"],
    ["chf", "CHF"],
    ["RMB", "CNY"],
    ["kr", null],
    ["XYZ", null],
  ];
  for (const [mark, code] of cases) assert.equal(currencyFromSymbol(mark), code, mark);
});

Deno.test("periodFromText: units, intervals and phrases", () => {
  const cases: Array<[string, Salary["period"]]> = [
    ["YEAR", "year"],
    ["HOUR", "hour"],
    ["per-year-salary", "year"],
    ["per-hour-wage", "hour"],
    ["per-month-salary", "month"],
    ["one-time", null],
    ["Annual base salary", "year"],
    ["$30/hr", "hour"],
    ["paid weekly", "week"],
    ["Pittsburgh, PA", null],
    ["$50/hour (about $100k a year)", "hour"],
  ];
  for (const [text, period] of cases) assert.equal(periodFromText(text), period, text);
});

Deno.test("inferPeriod: only large figures in currencies paid yearly in five figures", () => {
  assert.equal(inferPeriod(s(120_000, 150_000, "USD", null)), "year");
  assert.equal(inferPeriod(s(4_000, 5_000, "EUR", null)), null);
  assert.equal(inferPeriod(s(45_000, 55_000, "SEK", null)), null, "SEK salaries are quoted monthly");
  assert.equal(inferPeriod(s(50, 50, "USD", "hour")), "hour");
});

Deno.test("findSalary: only lines that talk about pay, with a currency", () => {
  const text = [
    "We raised $50M in our Series B and serve 2,000 customers.",
    "You have 5+ years of experience.",
    "The base salary range is $140,000 - $180,000 USD per year.",
  ].join("\n");
  assert.deepEqual(findSalary(text), s(140_000, 180_000, "USD", "year"));
  assert.equal(findSalary("We raised $50M in funding."), null);
  assert.equal(findSalary("Salary: competitive"), null);
  assert.equal(findSalary("Pay is 5000 per month"), null, "no currency, no salary");
});
