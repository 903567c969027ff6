// What a benchmark suite is: bench/run.ts finds suites in bench/suites/<name>/index.ts, gives each
// a migrated database and the command-line options, prints its table and saves its results.
import type { Row } from "./report.ts";

export interface SuiteOptions {
  /** multiplies every default size (1 = the full benchmark, 0.01 for a smoke run) */
  scale: number;
  /** raw flags for suite-specific sizes, e.g. --postings 50000 */
  flags: Map<string, string>;
  seed: number;
  /** --reuse: the database already holds this suite's data from an earlier run; measure only */
  reuse: boolean;
  log(message: string): void;
}

export interface SuiteResult {
  title: string;
  rows: Row[];
  /** anything else worth keeping: sizes, timings of data generation, plans */
  details: Record<string, unknown>;
  /** text printed after the table (plans, notes) */
  appendix?: string;
  /** targets the suite checks; a failed target is reported, it does not fail the run */
  targets?: Array<{ name: string; met: boolean; detail: string }>;
  /** correctness checks made on the data measured; a failed check fails the run */
  checks?: Array<{ name: string; ok: boolean; detail: string }>;
}

export interface Suite {
  name: string;
  description: string;
  /** Whether it can measure data an earlier run left in a --db-url database (--reuse). */
  reusable?: boolean;
  run(url: string, options: SuiteOptions): Promise<SuiteResult>;
}

/** A numeric flag (--batch 5000) as a whole number >= `min`, else `fallback`. */
export function flagNumber(flags: Map<string, string>, flag: string, fallback: number, min = 1): number {
  const given = flags.get(flag);
  if (given === undefined) return fallback;
  const value = Number(given.replaceAll("_", ""));
  if (!Number.isFinite(value) || value < min) throw new Error(`--${flag} must be a number >= ${min}`);
  return Math.floor(value);
}

/** A size flag (--postings 50000), else the full size times the scale, at least `min`. */
export function sized(options: SuiteOptions, flag: string, fullSize: number, min = 1): number {
  return flagNumber(options.flags, flag, Math.max(min, Math.round(fullSize * options.scale)), min);
}

/** `--name value`, `--name=value` and bare `--flag` (= "true"), as every bench command takes them. */
export function parseFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split("=", 2);
    if (inline !== undefined) flags.set(name, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) flags.set(name, argv[++i]);
    else flags.set(name, "true");
  }
  return flags;
}
