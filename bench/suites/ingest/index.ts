// bench/run.ts entry point: `npm run bench -- --suite ingest [--postings N] [--batch N] [--connections N]`.
// The benchmark itself is ingest.ts (runIngestBench).
import { flagNumber, type Suite, type SuiteOptions, type SuiteResult } from "../../lib/suite.ts";
import { type PassResult, runIngestBench } from "./ingest.ts";

export const suite: Suite = {
  name: "ingest",
  description: "batch upserts through ingest_postings, then the same feed again",
  async run(url: string, options: SuiteOptions): Promise<SuiteResult> {
    const result = await runIngestBench(url, {
      postings: flagNumber(options.flags, "postings", Math.max(1_000, Math.round(100_000 * options.scale))),
      batchSize: flagNumber(options.flags, "batch", 5_000),
      connections: flagNumber(options.flags, "connections", 1),
      seed: options.seed,
      log: options.log,
    });
    // Each batch is one sample: a batch's p50/p95 in ms, throughput and rows created in the note.
    const row = (name: string, pass: PassResult) => ({
      name,
      summary: pass.batches,
      note: `${Math.round(pass.postingsPerSecond)} postings/s in ${pass.seconds.toFixed(1)} s; ${pass.rowsCreated} rows created, ` +
        `${pass.counts.updated} updated, ${pass.counts.unchanged} unchanged`,
    });
    return {
      title: `ingest: ${result.postings} postings, batches of ${result.batchSize}, ${result.connections} connection(s)`,
      rows: [
        row("first ingest", result.first),
        row("same feed again", result.again),
        {
          name: "plain INSERT, 1 batch",
          note: `${Math.round(result.plainInsert.postingsPerSecond)} postings/s: the table's own cost, rolled back`,
        },
      ],
      appendix: `per 1,000 postings: JSON parse ${result.perThousandMs.jsonParse} ms, search_vector ${result.perThousandMs.bodyTsvector} ms, ` +
        `fingerprint ${result.perThousandMs.fingerprint} ms, skill keys ${result.perThousandMs.skillKeys} ms`,
      details: result as unknown as Record<string, unknown>,
      targets: [
        {
          name: "ingest >= 20,000 postings/s",
          met: result.first.postingsPerSecond >= result.targets.postingsPerSecond,
          detail: `${Math.round(result.first.postingsPerSecond)} postings/s`,
        },
        {
          name: "re-ingest creates 0 rows",
          met: result.again.rowsCreated === 0 && result.again.counts.inserted === 0,
          detail: `${result.again.rowsCreated} rows created, ${result.again.counts.updated} updated`,
        },
      ],
    };
  },
};
