// Supabase's database advisors (the splinter lints, run by the CLI without Docker) over the test
// database. Any WARN or ERROR fails; an INFO finding fails unless allow-listed below with its reason.
import { CommandFailed, runSupabaseAsync, withSslDisabled } from "./database.ts";

interface Finding {
  name: string;
  level: "INFO" | "WARN" | "ERROR";
  detail: string;
  remediation?: string;
}

/** INFO lints that a freshly migrated test database raises by its nature, with the reason. */
export const allowedInfoLints: Record<string, string> = {
  unused_index:
    "A freshly migrated test database has served no queries, so every index is 'unused'. Index use is checked by the benchmarks' EXPLAIN plans instead.",
};

export interface AdvisorReport {
  findings: number;
  allowed: number;
  failures: number;
  lines: string[];
}

function advisorArgs(url: string): string[] {
  return ["db", "advisors", "--db-url", withSslDisabled(url), "--type", "all", "--level", "info", "--fail-on", "none"];
}

/** Supabase's advisors over the database, without blocking: lint:db runs it alongside its other checks. */
export async function runAdvisorsAsync(url: string): Promise<AdvisorReport> {
  const { status, output } = await runSupabaseAsync(advisorArgs(url));
  if (status !== 0) throw new CommandFailed(`supabase db advisors failed:\n${output.trim()}`);
  return reportFromOutput(output);
}

function reportFromOutput(output: string): AdvisorReport {
  const start = output.indexOf("[");
  const end = output.lastIndexOf("]");
  const findings: Finding[] = start >= 0 && end > start ? JSON.parse(output.slice(start, end + 1)) : [];
  const lines: string[] = [];
  let allowed = 0;
  let failures = 0;
  for (const finding of findings) {
    if (finding.level === "INFO" && finding.name in allowedInfoLints) {
      allowed += 1;
      continue;
    }
    failures += 1;
    lines.push(`${finding.level} ${finding.name}: ${finding.detail}${finding.remediation ? `\n    fix: ${finding.remediation}` : ""}`);
  }
  const counts = Object.entries(
    findings.reduce<Record<string, number>>((acc, f) => ({ ...acc, [`${f.level} ${f.name}`]: (acc[`${f.level} ${f.name}`] ?? 0) + 1 }), {}),
  ).map(([key, count]) => `${key} x${count}`);
  lines.push(`advisors: ${findings.length} findings (${counts.join(", ") || "none"}); ${allowed} allow-listed, ${failures} to fix`);
  return { findings: findings.length, allowed, failures, lines };
}
