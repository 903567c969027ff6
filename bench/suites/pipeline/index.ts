// The pipeline benchmark (issue 6 targets): a user's pipeline page under RLS against a superuser
// baseline with an explicit user filter, measured in the same run, and transition_application, over
// 10,000 users x 100 applications (1,000,000 at scale 1) with their timelines and CV versions.
import { summarize } from "../../lib/stats.ts";
import { type Suite, sized } from "../../lib/suite.ts";
import { generatePipelineData } from "./generate.ts";
import { explainPipelinePage, measurePipelinePage, measureTransitions, pickUsersAndMoves } from "./measure.ts";

const TARGET_PAGE_P95_MS = 5;
const TARGET_RLS_OVERHEAD = 1.3;
const TARGET_TRANSITION_P95_MS = 5;

export const suite: Suite = {
  name: "pipeline",
  description: "pipeline page (applications + job + latest CV, 50 rows) under RLS vs superuser, and transition_application",
  async run(url, options) {
    const users = sized(options, "pipeline-users", 10_000, 100);
    options.log(`pipeline: generating ${users} users x 100 applications`);
    const data = await generatePipelineData(url, {
      users,
      applicationsPerUser: 100,
      jobs: sized(options, "pipeline-jobs", 50_000, 1_000),
      log: options.log,
    });
    const sample = await pickUsersAndMoves(url, Math.min(users, 550), Math.min(users, 300));
    const page = await measurePipelinePage(url, sample.userIds, 50);
    const transitions = summarize(await measureTransitions(url, sample.moves));
    const rls = summarize(page.rls);
    const baseline = summarize(page.baseline);
    const overhead = rls.p95 / baseline.p95;
    return {
      title: `pipeline: ${data.applications.toLocaleString("en")} applications, ${data.events.toLocaleString("en")} events, ${users} users`,
      rows: [
        { name: "pipeline page as authenticated (RLS)", summary: rls, note: `target p95 <= ${TARGET_PAGE_P95_MS} ms` },
        { name: "pipeline page as superuser + user filter", summary: baseline, note: "baseline" },
        { name: "RLS overhead (p95 / p95)", note: `${overhead.toFixed(2)}x (p50 ${(rls.p50 / baseline.p50).toFixed(2)}x), target <= ${TARGET_RLS_OVERHEAD}x` },
        { name: "transition_application", summary: transitions, note: `target p95 <= ${TARGET_TRANSITION_P95_MS} ms` },
      ],
      details: { data, pipelinePage: { rls, baseline, overheadP95: overhead }, transition: transitions },
      appendix: `EXPLAIN (ANALYZE, BUFFERS) of the pipeline page under RLS:\n${await explainPipelinePage(url, sample.userIds[0])}`,
      targets: [
        { name: "pipeline page p95", met: rls.p95 <= TARGET_PAGE_P95_MS, detail: `${rls.p95.toFixed(2)} ms` },
        { name: "RLS overhead", met: overhead <= TARGET_RLS_OVERHEAD, detail: `${overhead.toFixed(2)}x` },
        { name: "transition_application p95", met: transitions.p95 <= TARGET_TRANSITION_P95_MS, detail: `${transitions.p95.toFixed(2)} ms` },
      ],
    };
  },
};
