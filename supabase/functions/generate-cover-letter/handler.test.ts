import assert from "node:assert/strict";
import { closePool } from "../_shared/db.ts";
import { PROMPT_VERSION } from "../_shared/tailoring/llm.ts";
import {
  adminQuery,
  createApplication,
  createUser,
  deleteUser,
  postJson,
  queryAsUser,
  request,
  type TestUser,
} from "../_shared/testing.ts";
import {
  completion,
  createCandidate,
  createJob,
  generationLimit,
  setGenerationLimit,
  withLlmServer,
} from "../_shared/generation_fixtures.ts";
import { handler } from "./handler.ts";

const generate = (user: TestUser, body: unknown) => postJson(handler, "generate-cover-letter", user.token, body);

async function letters(user: TestUser, jobId: string): Promise<number[]> {
  const rows = await adminQuery<{ version: number }>(
    "select version from public.cover_letters where user_id = $1 and job_id = $2 order by version",
    [user.id, jobId],
  );
  return rows.map((row) => row.version);
}

const words = (text: string) => text.trim().split(/\s+/).length;

// The grounded rewrite of tailoring/llm.test.ts: Maya's own facts, the posting named as applied for.
const GROUNDED_LETTER = [
  "Dear Acme Pay team,",
  "I would like to apply for the Senior Backend Engineer (Go) position. As Senior Backend Engineer at Northwind " +
  "Payments I designed an event-sourced ledger on PostgreSQL and Kafka that processes 12,000 transactions per " +
  "second, and I cut p95 latency from 180 ms to 45 ms with Go and Redis.",
  "Yours sincerely,\nMaya Okafor",
].join("\n\n");

Deno.test("generate-cover-letter", async (t) => {
  const originalLimit = await generationLimit();
  await setGenerationLimit(1000);
  const user = await createCandidate();
  const stranger = await createUser("Someone Else");
  try {
    const jobId = await createJob();

    await t.step("happy path: a warm letter within the word limit, version 1, only the person's facts", async () => {
      const { status, body } = await generate(user, { job_id: jobId, tone: "warm", max_words: 200 });
      assert.equal(status, 201, JSON.stringify(body));
      const letter = body.cover_letter;
      assert.equal(letter.version, 1);
      assert.equal(letter.tone, "warm");
      assert.equal(letter.max_words, 200);
      assert.match(letter.body, /^Hello Acme Pay team,/);
      assert.match(letter.body, /Northwind Payments/);
      assert.match(letter.body, /Maya Okafor$/);
      assert.ok(words(letter.body) <= 200);
      assert.equal(body.word_count, words(letter.body));
      assert.deepEqual([letter.generator, letter.model, letter.prompt_version, letter.grounding], [
        "deterministic",
        null,
        null,
        null,
      ]);
      assert.ok(body.score.score > 50);
      assert.equal(body.application_id, null);
      assert.deepEqual(await letters(user, jobId), [1]);
    });

    await t.step("each tone has its own voice; the default length is 300 words", async () => {
      const formal = await generate(user, { job_id: jobId, tone: "formal" });
      assert.equal(formal.status, 201);
      assert.match(formal.body.cover_letter.body, /^Dear Acme Pay hiring team,/);
      assert.match(formal.body.cover_letter.body, /Yours sincerely,/);
      assert.equal(formal.body.cover_letter.max_words, 300);
      const concise = await generate(user, { job_id: jobId, tone: "concise", max_words: 1000 });
      assert.equal(concise.status, 201);
      assert.ok(concise.body.word_count <= 150, `concise letter of ${concise.body.word_count} words`);
      assert.deepEqual(await letters(user, jobId), [1, 2, 3]);
    });

    await t.step("tone and length are validated: 400 and nothing written", async () => {
      const cases: unknown[] = [
        { job_id: jobId },
        { job_id: jobId, tone: "casual" },
        { job_id: jobId, tone: "FORMAL" },
        { job_id: jobId, tone: "warm", max_words: 49 },
        { job_id: jobId, tone: "warm", max_words: 1001 },
        { job_id: jobId, tone: "warm", max_words: 120.5 },
        { job_id: jobId, tone: "warm", length: 200 },
      ];
      for (const body of cases) {
        const result = await generate(user, body);
        assert.equal(result.status, 400, JSON.stringify(body));
        assert.equal(result.body.error.code, "validation_failed");
      }
      assert.deepEqual(await letters(user, jobId), [1, 2, 3]);
    });

    await t.step("someone else's private posting is 404", async () => {
      const privateJob = await createJob(undefined, stranger);
      const { status, body } = await generate(user, { job_id: privateJob, tone: "formal" });
      assert.equal(status, 404);
      assert.equal(body.error.code, "not_found");
    });

    await t.step("attach: a draft application gets the letter; a sent one is 409 with nothing written", async () => {
      const draftJob = await createJob();
      const applicationId = await createApplication(user, draftJob, "draft");
      const attached = await generate(user, { job_id: draftJob, tone: "formal", attach: true });
      assert.equal(attached.status, 201);
      assert.equal(attached.body.application_id, applicationId);
      const [row] = await adminQuery<{ cover_letter_id: string }>(
        "select cover_letter_id from public.applications where id = $1",
        [applicationId],
      );
      assert.equal(row.cover_letter_id, attached.body.cover_letter.id);

      await queryAsUser(user, "select public.transition_application($1, 'applied')", [applicationId]);
      const refused = await generate(user, { job_id: draftJob, tone: "warm", attach: true });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.details.reason, "document_frozen");
      assert.deepEqual(await letters(user, draftJob), [1]);
    });

    await t.step("quota used up: 429 with the reset time", async () => {
      await setGenerationLimit(0);
      try {
        const { status, body } = await generate(user, { job_id: jobId, tone: "formal" });
        assert.equal(status, 429);
        assert.equal(body.error.details.reason, "quota_exceeded");
        assert.ok(!Number.isNaN(Date.parse(body.error.details.resets_at)));
      } finally {
        await setGenerationLimit(1000);
      }
    });

    await t.step("LLM: a grounded rewrite is used; an invented one falls back with its provenance", async () => {
      await withLlmServer(() => completion(JSON.stringify({ text: GROUNDED_LETTER })), async (calls) => {
        const { status, body } = await generate(user, { job_id: jobId, tone: "formal", use_llm: true });
        assert.equal(status, 201, JSON.stringify(body));
        assert.equal(calls.length, 1);
        assert.equal(body.cover_letter.body, GROUNDED_LETTER);
        assert.equal(body.cover_letter.generator, "llm");
        assert.equal(body.cover_letter.model, "test-model-2026-01");
        assert.equal(body.cover_letter.prompt_version, PROMPT_VERSION);
        assert.equal(body.cover_letter.grounding.passed, true);
        assert.match((calls[0].body.messages as { content: string }[])[0].content, /Tone: formal\./);
      });
      const invented = "Dear Acme Pay team, at Globex Corporation I led 250 engineers and wrote Rust since 2009.";
      await withLlmServer(() => completion(JSON.stringify({ text: invented })), async () => {
        const { status, body } = await generate(user, { job_id: jobId, tone: "formal", use_llm: true });
        assert.equal(status, 201);
        assert.equal(body.cover_letter.generator, "deterministic");
        assert.match(body.cover_letter.body, /^Dear Acme Pay hiring team,/);
        assert.equal(body.cover_letter.model, "test-model-2026-01");
        assert.equal(body.cover_letter.grounding.passed, false);
        assert.equal(body.llm.fallback_reason, "grounding_failed");
      });
    });

    await t.step("unauthenticated: 401", async () => {
      const response = await handler(
        request("generate-cover-letter", { method: "POST", json: { job_id: jobId, tone: "formal" } }),
      );
      assert.equal(response.status, 401);
      assert.equal((await response.json()).error.code, "unauthorized");
    });
  } finally {
    await setGenerationLimit(originalLimit);
    await deleteUser(user);
    await deleteUser(stranger);
    await closePool();
  }
});
