// Printing and saving benchmark results: one table per suite on stdout, one JSON file per run in
// bench/results/ (git-ignored).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Summary } from "./stats.ts";

export const resultsDir = new URL("../results", import.meta.url).pathname;

export interface Row {
  name: string;
  summary?: Summary;
  /** free text for the last column: a ratio, a target, a count */
  note?: string;
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "-" : value.toFixed(2));

export function formatTable(title: string, rows: readonly Row[]): string {
  const nameWidth = Math.max(10, ...rows.map((row) => row.name.length));
  const header = `${"".padEnd(nameWidth)}  ${"n".padStart(5)}  ${"p50 ms".padStart(9)}  ${"p95 ms".padStart(9)}  ${"p99 ms".padStart(9)}  ${"max ms".padStart(9)}  note`;
  const lines = rows.map((row) =>
    `${row.name.padEnd(nameWidth)}  ${String(row.summary?.n ?? "").padStart(5)}  ${ms(row.summary?.p50).padStart(9)}  ${
      ms(row.summary?.p95).padStart(9)
    }  ${ms(row.summary?.p99).padStart(9)}  ${ms(row.summary?.max).padStart(9)}  ${row.note ?? ""}`
  );
  const rule = "-".repeat(Math.max(header.length, ...lines.map((line) => line.length)));
  return [`== ${title}`, header, rule, ...lines].join("\n");
}

/** Writes the run's results to bench/results/<prefix><timestamp>.json and returns the path. */
export function writeResults(payload: unknown, startedAt: Date, prefix = ""): string {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  const file = join(resultsDir, `${prefix}${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
  return file;
}
