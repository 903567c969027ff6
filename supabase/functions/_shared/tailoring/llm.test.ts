// The LLM client against a real HTTP server on 127.0.0.1 that speaks the chat-completions wire
// format: the client's own fetch, retry, timeout and parsing code runs every time.
import assert from "node:assert/strict";
import { scoreMatch } from "./analysis.ts";
import { fixtureDictionary as dictionary } from "./fixtures/dictionary.ts";
import { backendJob } from "./fixtures/jobs.ts";
import { backend } from "./fixtures/profiles.ts";
import { factsFromProfile } from "./grounding.ts";
import {
  createLlmClient,
  improveWithLlm,
  type LlmClient,
  llmConfigFromEnv,
  type LlmConfigInput,
  LlmDraftSchema,
  llmErrorKind,
  parseRetryAfter,
  PROMPT_VERSION,
} from "./llm.ts";
import { draftCoverLetter } from "./tailor.ts";

interface Call {
  path: string;
  method: string;
  headers: Headers;
  body: Record<string, unknown>;
  at: number;
}

type Handler = (call: Call, index: number, request: Request) => Response | Promise<Response>;

async function withServer(handler: Handler, run: (baseUrl: string, calls: Call[]) => Promise<void>): Promise<void> {
  const calls: Call[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (request) => {
    const call: Call = {
      path: new URL(request.url).pathname,
      method: request.method,
      headers: request.headers,
      body: await request.json(),
      at: performance.now(),
    };
    calls.push(call);
    return await handler(call, calls.length, request);
  });
  try {
    await run(`http://127.0.0.1:${server.addr.port}/v1`, calls);
  } finally {
    await server.shutdown();
  }
}

function completion(content: string, finishReason = "stop"): Response {
  return Response.json({
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1_790_000_000,
    model: "test-model-2026-01",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 120, completion_tokens: 80, total_tokens: 200 },
  });
}

function client(baseUrl: string, overrides: Partial<LlmConfigInput> = {}): LlmClient {
  const result = createLlmClient({ baseUrl, apiKey: "sk-test", model: "test-model", retryDelayMs: 20, ...overrides });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const facts = factsFromProfile(backend.profile, backend.projects, dictionary, { job: backendJob });
const draft = (() => {
  const score = scoreMatch(backend.profile, backend.projects, backendJob, dictionary);
  const result = draftCoverLetter(backend.profile, backendJob, score, { tone: "formal", maxWords: 250 }, {
    projects: backend.projects,
    dictionary,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.text;
})();

const GROUNDED_REWRITE = [
  "Dear Acme Pay team,",
  "I would like to apply for the Senior Backend Engineer (Go) position. As Senior Backend Engineer at Northwind " +
  "Payments I designed an event-sourced ledger on PostgreSQL and Kafka that processes 12,000 transactions per " +
  "second, and I cut p95 latency from 180 ms to 45 ms with Go and Redis.",
  "Yours sincerely,\nMaya Okafor",
].join("\n\n");

Deno.test("llm: a normal answer is validated and used, with provenance", async () => {
  await withServer(() => completion(JSON.stringify({ text: GROUNDED_REWRITE })), async (baseUrl, calls) => {
    const result = await improveWithLlm(draft, facts, client(baseUrl), {
      task: "cover_letter",
      tone: "formal",
      maxWords: 250,
      job: { title: backendJob.title, company: backendJob.company },
    });
    assert.equal(result.generator, "llm");
    assert.equal(result.text, GROUNDED_REWRITE);
    assert.deepEqual(result.grounding, { passed: true, unsupported: [] });
    assert.equal(result.model, "test-model-2026-01");
    assert.equal(result.promptVersion, PROMPT_VERSION);
    assert.equal(result.fallbackReason, null);

    // The wire format: POST {base}/chat/completions, bearer key, JSON mode, a token budget.
    assert.equal(calls.length, 1);
    const [call] = calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/chat/completions");
    assert.equal(call.headers.get("authorization"), "Bearer sk-test");
    assert.equal(call.headers.get("content-type"), "application/json");
    assert.equal(call.body.model, "test-model");
    assert.deepEqual(call.body.response_format, { type: "json_object" });
    assert.equal(call.body.max_tokens, 800);
    const messages = call.body.messages as { role: string; content: string }[];
    assert.deepEqual(messages.map((message) => message.role), ["system", "user"]);
    assert.match(messages[0].content, /Never add an employer, job title, school, degree, skill/);
    const payload = JSON.parse(messages[1].content);
    assert.equal(payload.draft, draft);
    assert.ok(payload.facts.employers.includes("Northwind Payments"));
  });
});

Deno.test("llm: an answer that invents facts is rejected; the deterministic text is used and the response says so", async () => {
  const invented = "At Globex Corporation I led 250 engineers and became an expert in Rust in 2009.";
  await withServer(() => completion(JSON.stringify({ text: invented })), async (baseUrl) => {
    const result = await improveWithLlm(draft, facts, client(baseUrl), { maxWords: 250 });
    assert.equal(result.generator, "deterministic");
    assert.equal(result.text, draft);
    assert.equal(result.fallbackReason, "grounding_failed");
    assert.equal(result.grounding?.passed, false);
    const claims = result.grounding?.unsupported.map((claim) => `${claim.kind}:${claim.value}`);
    assert.deepEqual(claims, ["date:2009", "number:250", "skill:Rust", "employer:Globex Corporation"]);
    // Provenance still names the model whose draft was rejected.
    assert.equal(result.model, "test-model-2026-01");
  });
});

Deno.test("llm: malformed answers are errors as values, and the draft is kept", async () => {
  const answers: [() => Response, string][] = [
    [
      () => new Response("<html>Bad gateway</html>", { headers: { "content-type": "text/html" } }),
      "malformed_response",
    ],
    [() => Response.json({ choices: [] }), "malformed_response"],
    [() => completion("Sure! Here is your letter: Dear team..."), "malformed_output"],
    [() => completion(JSON.stringify({ letter: "wrong field" })), "invalid_output"],
    [() => completion('{"text": "cut off', "length"), "truncated"],
  ];
  for (const [answer, kind] of answers) {
    await withServer(answer, async (baseUrl) => {
      const direct = await client(baseUrl).completeJson([{ role: "user", content: "hi" }], LlmDraftSchema);
      assert.equal(direct.ok, false);
      if (!direct.ok) {
        assert.equal(llmErrorKind(direct.error), kind);
        assert.equal(direct.error.code, "internal_error");
      }
      const result = await improveWithLlm(draft, facts, client(baseUrl));
      assert.equal(result.generator, "deterministic");
      assert.equal(result.text, draft);
      assert.equal(result.fallbackReason, "llm_error");
      assert.equal(result.grounding, null);
      assert.equal(result.error && llmErrorKind(result.error), kind);
    });
  }
});

Deno.test("llm: JSON wrapped in a Markdown fence is accepted", async () => {
  await withServer(() => completion('```json\n{"text": "Hello"}\n```'), async (baseUrl) => {
    const result = await client(baseUrl).completeJson([{ role: "user", content: "hi" }], LlmDraftSchema);
    assert.ok(result.ok);
    assert.equal(result.value.value.text, "Hello");
    assert.equal(result.value.usage?.total_tokens, 200);
  });
});

Deno.test("llm: 429 then success is retried once, after the server's Retry-After", async () => {
  await withServer(
    (_, index) =>
      index === 1
        ? new Response("slow down", { status: 429, headers: { "retry-after": "1" } })
        : completion(JSON.stringify({ text: GROUNDED_REWRITE })),
    async (baseUrl, calls) => {
      const result = await client(baseUrl).completeJson([{ role: "user", content: "hi" }], LlmDraftSchema);
      assert.ok(result.ok);
      assert.equal(result.value.attempts, 2);
      assert.equal(calls.length, 2);
      assert.ok(calls[1].at - calls[0].at >= 950, `waited ${calls[1].at - calls[0].at} ms`);
    },
  );
});

Deno.test("llm: a 5xx without Retry-After is retried once after the configured backoff", async () => {
  await withServer(
    (_, index) => index === 1 ? new Response("oops", { status: 503 }) : completion('{"text": "ok"}'),
    async (baseUrl, calls) => {
      const result = await client(baseUrl, { retryDelayMs: 80 }).completeJson([], LlmDraftSchema);
      assert.ok(result.ok);
      assert.equal(calls.length, 2);
      assert.ok(calls[1].at - calls[0].at >= 70);
    },
  );
});

Deno.test("llm: only one retry; a second 429 is a rate_limited value", async () => {
  await withServer(
    () => new Response("no", { status: 429, headers: { "retry-after": "0" } }),
    async (baseUrl, calls) => {
      const result = await client(baseUrl).completeJson([], LlmDraftSchema);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.error.code, "rate_limited");
        assert.deepEqual(result.error.details, { kind: "rate_limited", attempts: 2, status: 429, retryAfterMs: 0 });
      }
      assert.equal(calls.length, 2);
    },
  );
});

Deno.test("llm: a Retry-After beyond the budget is not waited for", async () => {
  await withServer(
    () => new Response("later", { status: 429, headers: { "retry-after": "120" } }),
    async (baseUrl, calls) => {
      const started = performance.now();
      const result = await client(baseUrl, { maxRetryDelayMs: 1000 }).completeJson([], LlmDraftSchema);
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal((result.error.details as { retryAfterMs: number }).retryAfterMs, 120_000);
      assert.equal(calls.length, 1);
      assert.ok(performance.now() - started < 1000);
    },
  );
});

Deno.test("llm: client errors (4xx) are not retried", async () => {
  await withServer(
    () => Response.json({ error: { message: "bad model" } }, { status: 400 }),
    async (baseUrl, calls) => {
      const result = await client(baseUrl).completeJson([], LlmDraftSchema);
      assert.equal(result.ok, false);
      if (!result.ok) assert.deepEqual(result.error.details, { kind: "http", attempts: 1, status: 400 });
      assert.equal(calls.length, 1);
    },
  );
});

/** A server that holds every request until the test lets go (so shutdown is quick afterwards). */
function heldServer() {
  const gate = Promise.withResolvers<void>();
  const handler: Handler = async () => {
    await gate.promise;
    return completion('{"text": "too late"}');
  };
  return { handler, release: () => gate.resolve() };
}

Deno.test("llm: a server that does not answer in time is a timeout, and the draft is kept", async () => {
  const held = heldServer();
  await withServer(held.handler, async (baseUrl) => {
    try {
      const started = performance.now();
      const result = await improveWithLlm(draft, facts, client(baseUrl, { timeoutMs: 200 }));
      const elapsed = performance.now() - started;
      assert.ok(elapsed >= 190 && elapsed < 1500, `took ${elapsed} ms`);
      assert.equal(result.generator, "deterministic");
      assert.equal(result.text, draft);
      assert.equal(result.fallbackReason, "llm_error");
      assert.equal(result.error && llmErrorKind(result.error), "timeout");
      assert.equal(result.model, "test-model");
    } finally {
      held.release();
    }
  });
});

Deno.test("llm: the caller can cancel; an unreachable endpoint is a network error", async () => {
  const held = heldServer();
  await withServer(held.handler, async (baseUrl) => {
    try {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 50);
      const result = await client(baseUrl).completeJson([], LlmDraftSchema, { signal: controller.signal });
      clearTimeout(timer);
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(llmErrorKind(result.error), "aborted");
    } finally {
      held.release();
    }
  });

  let closedUrl = "";
  await withServer(() => completion("{}"), (baseUrl) => {
    closedUrl = baseUrl;
    return Promise.resolve();
  });
  const result = await client(closedUrl).completeJson([], LlmDraftSchema);
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(llmErrorKind(result.error), "network");
});

Deno.test("llm: an answer over the word limit is not used", async () => {
  const long = Array(60).fill("Northwind").join(" ");
  await withServer(() => completion(JSON.stringify({ text: long })), async (baseUrl) => {
    const result = await improveWithLlm(draft, facts, client(baseUrl), { maxWords: 50 });
    assert.equal(result.generator, "deterministic");
    assert.equal(result.fallbackReason, "too_long");
  });
});

Deno.test("llm: no configuration means no call and the deterministic text", async () => {
  const result = await improveWithLlm(draft, facts, null);
  assert.deepEqual(result, {
    text: draft,
    generator: "deterministic",
    grounding: null,
    model: null,
    promptVersion: null,
    fallbackReason: "not_configured",
  });
});

Deno.test("llm: configuration from environment values, validated", () => {
  assert.deepEqual(llmConfigFromEnv({}), { ok: true, value: null });
  const missingModel = llmConfigFromEnv({ LLM_BASE_URL: "https://api.example.com/v1" });
  assert.equal(missingModel.ok, false);
  const full = llmConfigFromEnv({
    LLM_BASE_URL: "https://api.example.com/v1",
    LLM_API_KEY: "sk-x",
    LLM_MODEL: "gpt-test",
  });
  assert.ok(full.ok && full.value);
  if (full.ok && full.value) {
    assert.equal(full.value.timeoutMs, 20_000);
    assert.equal(full.value.maxTokens, 800);
  }
  assert.equal(createLlmClient({ baseUrl: "ftp://example.com", model: "m" }).ok, false);
  assert.equal(parseRetryAfter("3"), 3000);
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:58 GMT")), 2000);
  assert.equal(parseRetryAfter("soon"), undefined);
});
