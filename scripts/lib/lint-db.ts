// `npm run lint:db`: everything that inspects the migrated database rather than running it.
//   1. Supabase's advisors (splinter's lints, via `supabase db advisors`; see advisors.ts).
//   2. plpgsql_check over every PL/pgSQL function, via `supabase db lint --fail-on error`.
//   3. The project's own checks, one documented query each in scripts/sql/lint/*.sql, for what
//      those two miss. Every check returns (object, problem, fix, allowed); a row with `allowed`
//      null is a finding, a row with a reason is an allow-listed exception.
//   4. A self-test per project check: scripts/sql/lint/fixtures/<check>.sql creates offending
//      objects in a transaction that is rolled back, and the check must report each object named
//      by an `-- expect:` line (and none named by `-- expect-absent:`). A check that cannot fail
//      proves nothing.
// Any finding, plpgsql_check error or failed self-test fails the run.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { runAdvisorsAsync } from "./advisors.ts";
import { projectRoot, query, runSupabaseAsync, withSslDisabled } from "./database.ts";

const lintDirectory = join(projectRoot, "scripts", "sql", "lint");
const fixtureDirectory = join(lintDirectory, "fixtures");

export interface ProjectCheck {
  name: string;
  file: string;
  sql: string;
  /** The header's `-- What:` paragraph, for the report. */
  what: string;
  requiresPlpgsqlCheck: boolean;
}

interface CheckRow {
  object: string;
  problem: string;
  fix: string;
  allowed: string | null;
}

export interface LintSection {
  name: string;
  /** checks (or self-tests) that ran in this section */
  ran: number;
  findings: number;
  allowed: number;
  failures: number;
  summary: string;
}

export interface LintReport {
  sections: LintSection[];
  lines: string[];
  failures: number;
  /** One line for npm test's summary table. */
  note: string;
}

/** The project checks, in file-name order, with their documentation header parsed. */
export function loadProjectChecks(): ProjectCheck[] {
  return readdirSync(lintDirectory)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(lintDirectory, file), "utf8");
      const header = sql.split("\n").filter((line) => line.startsWith("--")).map((line) => line.replace(/^--\s?/, ""));
      const name = /^Check:\s*(\S+)/m.exec(header.join("\n"))?.[1] ?? file.replace(/\.sql$/, "");
      const whatStart = header.findIndex((line) => line.startsWith("What:"));
      const whatLines: string[] = [];
      for (let i = whatStart; whatStart >= 0 && i < header.length; i++) {
        if (i > whatStart && /^\S/.test(header[i])) break;
        whatLines.push(header[i].replace(/^What:\s*/, "").trim());
      }
      return {
        name,
        file,
        sql,
        what: whatLines.join(" "),
        requiresPlpgsqlCheck: /^--\s*Requires:.*plpgsql_check/m.test(sql),
      };
    });
}

interface Fixture {
  sql: string;
  expected: string[];
  absent: string[];
}

function loadFixture(check: ProjectCheck): Fixture | undefined {
  const path = join(fixtureDirectory, check.file);
  if (!existsSync(path)) return undefined;
  const sql = readFileSync(path, "utf8");
  const values = (tag: string) =>
    [...sql.matchAll(new RegExp(`^--\\s*${tag}:\\s*(.+?)\\s*$`, "gm"))].map((match) => match[1]);
  return { sql, expected: values("expect"), absent: values("expect-absent") };
}

/**
 * Runs one check in its own transaction, always rolled back: the checks only read the catalog, but
 * the plpgsql_check extension is created for the duration (as `supabase db lint` does) and the
 * self-tests create offending objects first.
 */
async function runCheck(client: pg.Client, check: ProjectCheck, fixtureSql?: string): Promise<CheckRow[]> {
  await client.query("begin");
  try {
    let searchPath = "pg_catalog";
    if (check.requiresPlpgsqlCheck) {
      await client.query("create extension if not exists plpgsql_check with schema extensions");
      const { rows } = await client.query<{ schema: string }>(
        "select extnamespace::regnamespace::text as schema from pg_extension where extname = 'plpgsql_check'",
      );
      searchPath = `${rows[0].schema}, pg_catalog`;
    }
    if (fixtureSql) {
      await client.query("set local search_path = public, extensions");
      await client.query(fixtureSql);
    }
    // Names print schema-qualified whatever the caller's search_path.
    await client.query(`set local search_path = ${searchPath}`);
    const { rows } = await client.query<CheckRow>(check.sql);
    return rows;
  } finally {
    await client.query("rollback");
  }
}

async function plpgsqlFunctionCount(url: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    url,
    `select count(*)::int as n
       from pg_proc p
       join pg_language l on l.oid = p.prolang
       join pg_namespace n on n.oid = p.pronamespace
      where l.lanname = 'plpgsql' and p.prorettype <> 'trigger'::regtype
        and n.nspname not in ('pg_catalog', 'information_schema', 'auth', 'storage', 'realtime', 'supabase_migrations', 'vault', 'pgsodium')`,
  );
  return row.n;
}

interface LintIssue {
  level: string;
  message: string;
  statement?: { lineNumber: string; text: string };
  query?: { position: string; text: string };
  hint?: string;
  detail?: string;
}

/** `supabase db lint`: plpgsql_check over every non-trigger PL/pgSQL function of the project's schemas. */
async function runPlpgsqlCheck(url: string, functionCount: Promise<number>): Promise<{ section: LintSection; lines: string[] }> {
  const lines: string[] = [];
  const result = await runSupabaseAsync(["db", "lint", "--db-url", withSslDisabled(url), "--level", "warning", "--fail-on", "error"]);
  const output = result.output;
  const start = output.indexOf("[");
  const end = output.lastIndexOf("]");
  let results: Array<{ function: string; issues: LintIssue[] }> = [];
  if (start >= 0 && end > start) {
    try {
      results = JSON.parse(output.slice(start, end + 1));
    } catch {
      results = [];
    }
  }
  let errors = 0;
  let warnings = 0;
  let dynamic = 0;
  for (const { function: fn, issues } of results) {
    // plpgsql_check cannot type the rows of dynamic SQL (`for rec in execute ...`): it warns so, then
    // reports every later use of that record as "not assigned yet". Those follow-on reports are not
    // errors in the code; they are counted apart, with the pragma that lets plpgsql_check check them.
    const usesDynamicSql = issues.some((issue) => /cannot determinate a result of dynamic SQL/i.test(issue.message));
    for (const issue of issues) {
      const record = /^record "(.+)" is not assigned yet$/.exec(issue.message)?.[1];
      const followsDynamicSql = issue.level === "error" && usesDynamicSql && record !== undefined;
      const isError = issue.level === "error" && !followsDynamicSql;
      if (isError) errors += 1;
      else if (followsDynamicSql) dynamic += 1;
      else warnings += 1;
      const where = issue.statement ? ` (line ${issue.statement.lineNumber}, ${issue.statement.text})` : "";
      const query = issue.query ? `\n    in: ${issue.query.text}` : "";
      const label = isError ? "FAIL" : followsDynamicSql ? "note" : "warn";
      lines.push(`${label} plpgsql_check ${fn}${where}: ${issue.message}${query}`);
      if (followsDynamicSql) {
        lines.push(
          `    not counted as an error: "${record}" holds rows of dynamic SQL, which plpgsql_check cannot type. To have its uses checked, declare its shape before the loop: PERFORM 'PRAGMA:TYPE:${record} (column type, ...)';`,
        );
      } else {
        lines.push(`    fix: ${issue.hint ?? `correct the statement${where} so plpgsql_check can resolve it`}`);
      }
    }
  }
  // A non-zero exit with no error-level issue parsed means the CLI itself failed (connection, extension).
  const crashed = result.status !== 0 && errors + dynamic === 0;
  if (crashed) lines.push(`FAIL supabase db lint exited ${result.status}:\n${output.trim()}`);
  const failures = errors + (crashed ? 1 : 0);
  const summary =
    `plpgsql_check (supabase db lint --fail-on error): ${await functionCount} functions checked, ${errors} errors, ${warnings} warnings${
      dynamic ? `, ${dynamic} uses of dynamic-SQL records it cannot type (not errors, see notes)` : ""
    }`;
  lines.push(summary);
  return {
    section: { name: "plpgsql_check", ran: 1, findings: errors, allowed: warnings + dynamic, failures, summary },
    lines,
  };
}

export async function runLintDb(url: string): Promise<LintReport> {
  // The two CLI runs start first and overlap the project checks: the CLI is slow to start.
  const advisorsRun = runAdvisorsAsync(url);
  const functionCount = plpgsqlFunctionCount(url);
  const plpgsqlRun = runPlpgsqlCheck(url, functionCount);
  // Settled later; without these the other rejection would go unhandled while one is awaited.
  advisorsRun.catch(() => {});
  plpgsqlRun.catch(() => {});
  functionCount.catch(() => {});

  const lines: string[] = [];
  const sections: LintSection[] = [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // 3. Project checks.
    const checks = loadProjectChecks();
    let checkFindings = 0;
    let checkAllowed = 0;
    for (const check of checks) {
      const rows = await runCheck(client, check);
      const findings = rows.filter((row) => row.allowed === null);
      const allowed = rows.length - findings.length;
      checkFindings += findings.length;
      checkAllowed += allowed;
      for (const row of findings) {
        lines.push(`FAIL ${check.name}: ${row.object}\n    problem: ${row.problem}\n    fix: ${row.fix}`);
      }
      lines.push(
        `${findings.length === 0 ? "ok  " : "FAIL"} ${check.name.padEnd(26)} ${findings.length} findings, ${allowed} allow-listed`,
      );
      if (findings.length > 0) lines.push(`    ${check.name} reports ${check.what} (scripts/sql/lint/${check.file})`);
    }
    const checkSummary =
      `project checks: ${checks.length} run, ${checkFindings} findings, ${checkAllowed} allow-listed exceptions`;
    lines.push(checkSummary);
    sections.push({
      name: "project checks",
      ran: checks.length,
      findings: checkFindings,
      allowed: checkAllowed,
      failures: checkFindings,
      summary: checkSummary,
    });

    // 4. Self-tests: each check must report its fixture's offending objects.
    let selfTestFailures = 0;
    for (const check of checks) {
      const fixture = loadFixture(check);
      if (!fixture || fixture.expected.length === 0) {
        lines.push(`FAIL self-test ${check.name}: no fixtures/${check.file} with -- expect: lines; a check must be shown to fail`);
        selfTestFailures += 1;
        continue;
      }
      let reported: Set<string>;
      try {
        reported = new Set((await runCheck(client, check, fixture.sql)).filter((r) => r.allowed === null).map((r) => r.object));
      } catch (error) {
        lines.push(`FAIL self-test ${check.name}: the fixture or the check failed: ${(error as Error).message}`);
        selfTestFailures += 1;
        continue;
      }
      const missed = fixture.expected.filter((object) => !reported.has(object));
      const wronglyReported = fixture.absent.filter((object) => reported.has(object));
      if (missed.length > 0 || wronglyReported.length > 0) {
        selfTestFailures += 1;
        if (missed.length > 0) lines.push(`FAIL self-test ${check.name}: did not report ${missed.join("; ")}`);
        if (wronglyReported.length > 0) {
          lines.push(`FAIL self-test ${check.name}: reported ${wronglyReported.join("; ")}, which it must not`);
        }
        lines.push(`    it reported: ${[...reported].join("; ") || "nothing"}`);
      } else {
        lines.push(
          `ok   self-test ${check.name.padEnd(26)} reports ${fixture.expected.length} offending objects${
            fixture.absent.length ? `, spares ${fixture.absent.length}` : ""
          }`,
        );
      }
    }
    const selfTestSummary =
      `self-tests: ${checks.length - selfTestFailures} of ${checks.length} checks shown to report their offending objects, ${selfTestFailures} failed`;
    lines.push(selfTestSummary);
    sections.push({
      name: "self-tests",
      ran: checks.length,
      findings: 0,
      allowed: 0,
      failures: selfTestFailures,
      summary: selfTestSummary,
    });
  } finally {
    await client.end();
  }

  // 1. Advisors and 2. plpgsql_check, reported first.
  const advisors = await advisorsRun;
  const plpgsql = await plpgsqlRun;
  lines.unshift(...advisors.lines, ...plpgsql.lines);
  sections.unshift({
    name: "advisors",
    ran: 1,
    findings: advisors.findings,
    allowed: advisors.allowed,
    failures: advisors.failures,
    summary: advisors.lines[advisors.lines.length - 1],
  }, plpgsql.section);

  const failures = sections.reduce((sum, section) => sum + section.failures, 0);
  lines.push(`lint:db: ${failures === 0 ? "passed" : `${failures} problems`}`);
  const [advisorSection, plpgsqlSection, checkSection, selfTestSection] = sections;
  const note = `${advisorSection.findings} advisor findings (${advisorSection.failures} to fix), ` +
    `${plpgsqlSection.findings} plpgsql errors, ${checkSection.ran} checks with ${checkSection.findings} findings, ` +
    `${selfTestSection.ran - selfTestSection.failures}/${selfTestSection.ran} self-tests`;
  return { sections, lines, failures, note };
}
