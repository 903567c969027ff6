// The search/match suite: N postings (default 1,000,000) and 10,000 users with profiles, then, as
// the `authenticated` role under RLS (role + request.jwt.claims per request, like PostgREST):
//   search_jobs  a fixed mix of 50 questions with filters, page 1 and page 2 (cursor)
//   naive ILIKE  the same questions the way a naive API would ask them, the baseline
//   match_jobs   page 1 (and 2) for a sample of users
// and the EXPLAIN (ANALYZE, BUFFERS) of the slowest question's statements inside the RPC.
import { ApiSession } from "../../lib/database.ts";
import type { Row } from "../../lib/report.ts";
import { seededRandom, summarize, timed } from "../../lib/stats.ts";
import { flagNumber, sized, type Suite, type SuiteOptions, type SuiteResult } from "../../lib/suite.ts";
import { describeData, generate } from "./generate.ts";
import { type SearchCase, searchCases } from "./vocabulary.ts";

const targets = { searchP95Ms: 15, naiveRatio: 50, matchP95Ms: 50 };

const benchUser = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

export const searchSql = `
  select id, title, matched_by, total_estimate, next_cursor
  from public.search_jobs(
    q => $1, remote_types => $2::public.remote_type[], location_text => $3, country => $4, min_salary => $5,
    currency => $6, employment_types => $7::public.employment_type[], posted_since => $8, result_limit => 20, cursor => $9)`;

// "Posted within N days" is fixed once per run: a cursor belongs to the exact same question.
const runStartedAt = Date.now();

export function searchParams(c: SearchCase, cursor: string | null = null): unknown[] {
  return [
    c.q,
    c.remote ?? null,
    c.location ?? null,
    c.country ?? null,
    c.minSalary ?? null,
    c.currency ?? null,
    c.employment ?? null,
    c.postedWithinDays === undefined ? null : new Date(runStartedAt - c.postedWithinDays * 86_400_000).toISOString(),
    cursor,
  ];
}

const agreementPages = 3;
const strategies = ["walk", "days", "gather"] as const;

/**
 * Pages through each question with every strategy forced (jobtrail.search_strategy) and with the
 * automatic choice: how a pool is found is a cost decision, so the pages must be identical. Returns
 * one line per question and strategy that differs.
 */
async function checkStrategyAgreement(session: ApiSession, userFor: (i: number) => string): Promise<string[]> {
  const pagesOf = async (c: SearchCase, user: string, strategy: string) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < agreementPages; page++) {
      const rows: Array<{ id: string; next_cursor: string | null }> = await session.asUser(user, searchSql, searchParams(c, cursor), {
        "jobtrail.search_strategy": strategy,
      });
      ids.push(...rows.map((row) => row.id));
      cursor = rows.at(-1)?.next_cursor ?? null;
      if (!cursor) break;
    }
    return ids.join(",");
  };
  const disagreements: string[] = [];
  for (const [i, c] of searchCases.entries()) {
    const expected = await pagesOf(c, userFor(i), "");
    for (const strategy of strategies) {
      if (await pagesOf(c, userFor(i), strategy) !== expected) disagreements.push(`${describe(c)} with ${strategy}`);
    }
  }
  return disagreements;
}

/** The same question as a naive API asks it: ILIKE over title and description, newest first. */
function naiveQuery(c: SearchCase): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = ["is_active"];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  for (const needle of c.naive) {
    const p = add(`%${needle}%`);
    where.push(`(title ilike ${p} or description ilike ${p})`);
  }
  if (c.remote) where.push(`remote_type = any (${add(c.remote)}::public.remote_type[])`);
  if (c.location) where.push(`location ilike ${add(`%${c.location}%`)}`);
  if (c.country) where.push(`country_code = ${add(c.country)}`);
  if (c.minSalary !== undefined) where.push(`salary_currency = ${add(c.currency)} and salary_max >= ${add(c.minSalary)}`);
  if (c.employment) where.push(`employment_type = any (${add(c.employment)}::public.employment_type[])`);
  if (c.postedWithinDays !== undefined) where.push(`posted_at >= ${add(new Date(runStartedAt - c.postedWithinDays * 86_400_000).toISOString())}`);
  return {
    sql: `select id, title, company, location, posted_at from public.jobs where ${where.join(" and ")} order by posted_at desc nulls last limit 20`,
    params,
  };
}

const describe = (c: SearchCase) =>
  [
    JSON.stringify(c.q),
    c.remote && `remote=${c.remote.join("|")}`,
    c.location && `location=${c.location}`,
    c.country && `country=${c.country}`,
    c.minSalary !== undefined && `min_salary=${c.minSalary} ${c.currency}`,
    c.employment && `employment=${c.employment.join("|")}`,
    c.postedWithinDays !== undefined && `posted within ${c.postedWithinDays}d`,
  ].filter(Boolean).join(" ");

async function run(url: string, options: SuiteOptions): Promise<SuiteResult> {
  const postings = sized(options, "postings", 1_000_000, 100);
  const users = sized(options, "users", 10_000, 10);
  const rounds = flagNumber(options.flags, "rounds", 3);
  const matchUsers = Math.min(users, flagNumber(options.flags, "match-users", 200));
  const naiveRounds = flagNumber(options.flags, "naive-rounds", 1);
  const random = seededRandom(options.seed);

  const data = options.reuse ? await describeData(url, users) : await generateData();
  async function generateData() {
    options.log(`generating ${postings} postings and ${users} users`);
    return await generate(url, {
      postings,
      users,
      privateShare: 0.02,
      parallel: 2,
      seed: options.seed,
      log: (message) => options.log(`  ${message}`),
    });
  }
  options.log(`  ${data.postings} postings (${data.activePostings} active, ${data.privatePostings} private imports), ${data.preferences} favorites/hidden; table ${data.tableSize}, indexes ${data.indexSize}; ${data.seconds.total.toFixed(0)}s`);

  const session = await ApiSession.open(url);
  try {
    const userFor = (i: number) => benchUser(1 + (i % users));

    options.log("warming up (one unmeasured round of every question, then of match_jobs)");
    for (const [i, c] of searchCases.entries()) await session.asUser(userFor(i), searchSql, searchParams(c));
    for (let i = 0; i < Math.min(50, matchUsers); i++) await session.asUser(userFor(i * 37), "select id from public.match_jobs(20)");

    options.log(`search_jobs: ${rounds} rounds of ${searchCases.length} questions, page 1 and page 2`);
    const page1: number[] = [];
    const page2: number[] = [];
    const perCase = searchCases.map(() => ({ samples: [] as number[], rows: 0, matchedBy: "", total: null as string | null }));
    for (let round = 0; round < rounds; round++) {
      for (const [i, c] of searchCases.entries()) {
        const user = userFor(round * searchCases.length + i);
        const first = await timed(() => session.asUser<{ next_cursor: string | null; matched_by: string; total_estimate: string }>(user, searchSql, searchParams(c)));
        page1.push(first.ms);
        perCase[i].samples.push(first.ms);
        perCase[i].rows = first.value.length;
        perCase[i].matchedBy = first.value[0]?.matched_by ?? "";
        perCase[i].total = first.value[0]?.total_estimate ?? null;
        const cursor = first.value.at(-1)?.next_cursor;
        if (cursor) page2.push((await timed(() => session.asUser(user, searchSql, searchParams(c, cursor)))).ms);
      }
    }

    options.log(`strategy agreement: the first ${agreementPages} pages of every question, with each way of finding a pool forced`);
    const disagreements = await checkStrategyAgreement(session, userFor);

    options.log(`naive ILIKE baseline: ${naiveRounds} round(s) of the same ${searchCases.length} questions`);
    const naive: number[] = [];
    const naivePerCase = searchCases.map(() => [] as number[]);
    for (let round = 0; round < naiveRounds; round++) {
      for (const [i, c] of searchCases.entries()) {
        const { sql, params } = naiveQuery(c);
        const result = await timed(() => session.asUser(userFor(i), sql, params));
        naive.push(result.ms);
        naivePerCase[i].push(result.ms);
      }
    }

    options.log(`match_jobs: ${matchUsers} users, page 1 (and page 2 for every other user)`);
    const match1: number[] = [];
    const match2: number[] = [];
    const matchUsersPicked = Array.from({ length: matchUsers }, () => 1 + Math.floor(random() * users));
    let slowestMatch = { ms: 0, user: benchUser(1) };
    for (const [i, n] of matchUsersPicked.entries()) {
      const user = benchUser(n);
      const first = await timed(() => session.asUser<{ next_cursor: string | null }>(user, "select id, score, next_cursor from public.match_jobs(20)"));
      match1.push(first.ms);
      if (first.ms > slowestMatch.ms) slowestMatch = { ms: first.ms, user };
      const cursor = first.value.at(-1)?.next_cursor;
      if (i % 2 === 0 && cursor) match2.push((await timed(() => session.asUser(user, "select id from public.match_jobs(20, $1)", [cursor]))).ms);
    }

    const search = summarize(page1);
    const baseline = summarize(naive);
    const matching = summarize(match1);
    const ratioP50 = baseline.p50 / search.p50;
    const ratioP95 = baseline.p95 / search.p95;

    // The slowest question (by its median), explained statement by statement inside the RPC.
    const caseStats = perCase.map((entry, i) => ({ i, ...summarize(entry.samples) }));
    const slowest = caseStats.reduce((worst, entry) => (entry.p50 > worst.p50 ? entry : worst));
    const slowestCase = searchCases[slowest.i];
    const searchPlans = await session.explainAsUser(userFor(slowest.i), searchSql, searchParams(slowestCase));
    const matchPlans = await session.explainAsUser(slowestMatch.user, "select id from public.match_jobs(20)");

    const rows: Row[] = [
      { name: "search_jobs page 1", summary: search, note: `target p95 <= ${targets.searchP95Ms} ms` },
      { name: "search_jobs page 2 (cursor)", summary: summarize(page2) },
      { name: "naive ILIKE (same questions)", summary: baseline, note: `search is ${ratioP50.toFixed(0)}x faster at p50, ${ratioP95.toFixed(0)}x at p95 (target >= ${targets.naiveRatio}x)` },
      { name: "match_jobs page 1", summary: matching, note: `target p95 <= ${targets.matchP95Ms} ms` },
      { name: "match_jobs page 2 (cursor)", summary: summarize(match2) },
    ];
    const perCaseReport = caseStats.map((entry) => ({
      question: describe(searchCases[entry.i]),
      p50: Number(entry.p50.toFixed(2)),
      max: Number(entry.max.toFixed(2)),
      rows: perCase[entry.i].rows,
      matchedBy: perCase[entry.i].matchedBy,
      totalEstimate: perCase[entry.i].total === null ? null : Number(perCase[entry.i].total),
      naiveMs: Number(summarize(naivePerCase[entry.i]).p50.toFixed(2)),
    }));
    const slowCases = [...perCaseReport].sort((a, b) => b.p50 - a.p50).slice(0, 5)
      .map((entry) => `  ${entry.p50.toFixed(2).padStart(7)} ms  ${entry.question} -> ${entry.rows} rows (${entry.matchedBy}, ~${entry.totalEstimate} matches); naive ${entry.naiveMs.toFixed(0)} ms`);

    return {
      title: `search/match over ${data.postings.toLocaleString("en")} postings, ${users.toLocaleString("en")} users (as authenticated, under RLS)`,
      rows,
      checks: [
        {
          name: "every question gets the same pages whichever way its pool is found",
          ok: disagreements.length === 0,
          detail: disagreements.length === 0
            ? `${searchCases.length} questions x ${agreementPages} pages x ${strategies.length} strategies, identical to the automatic choice`
            : disagreements.join("; "),
        },
      ],
      targets: [
        { name: `search_jobs p95 <= ${targets.searchP95Ms} ms`, met: search.p95 <= targets.searchP95Ms, detail: `${search.p95.toFixed(2)} ms` },
        { name: `search_jobs >= ${targets.naiveRatio}x faster than ILIKE`, met: ratioP50 >= targets.naiveRatio && ratioP95 >= targets.naiveRatio, detail: `${ratioP50.toFixed(0)}x at p50, ${ratioP95.toFixed(0)}x at p95` },
        { name: `match_jobs p95 <= ${targets.matchP95Ms} ms`, met: matching.p95 <= targets.matchP95Ms, detail: `${matching.p95.toFixed(2)} ms` },
      ],
      details: {
        data,
        sizes: { postings, users, rounds, naiveRounds, matchUsers },
        ratios: { p50: ratioP50, p95: ratioP95 },
        perCase: perCaseReport,
        slowestSearch: { question: describe(slowestCase), p50: slowest.p50, plans: searchPlans },
        slowestMatch: { user: slowestMatch.user, ms: slowestMatch.ms, plans: matchPlans },
      },
      appendix: [
        "slowest search questions (median):",
        ...slowCases,
        "",
        `EXPLAIN (ANALYZE, BUFFERS) inside search_jobs for the slowest question, ${describe(slowestCase)}:`,
        ...searchPlans.map((plan) => plan.replace(/^/gm, "  ")),
        "",
        `EXPLAIN (ANALYZE, BUFFERS) inside match_jobs for the slowest user (${slowestMatch.ms.toFixed(2)} ms):`,
        ...matchPlans.map((plan) => plan.replace(/^/gm, "  ")),
      ].join("\n"),
    };
  } finally {
    await session.close();
  }
}

export const suite: Suite = {
  name: "search",
  reusable: true,
  description: "search_jobs and match_jobs at scale vs a naive ILIKE API (flags: --postings, --users, --rounds, --naive-rounds, --match-users)",
  run,
};
