import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import { extractText, getDocumentProxy } from "unpdf";
import { closePool } from "../_shared/db.ts";
import { PROMPT_VERSION } from "../_shared/tailoring/llm.ts";
import { backend } from "../_shared/tailoring/fixtures/profiles.ts";
import {
  adminQuery,
  createApplication,
  createUser,
  deleteUser,
  mintToken,
  postJson,
  queryAsUser,
  request,
  type TestUser,
} from "../_shared/testing.ts";
import { handler } from "./handler.ts";
import {
  completion,
  createCandidate,
  createJob,
  generationLimit,
  setGenerationLimit,
  withLlmServer,
} from "../_shared/generation_fixtures.ts";

const generate = (user: TestUser, body: unknown) => postJson(handler, "generate-cv", user.token, body);

async function versions(user: TestUser, jobId: string): Promise<number[]> {
  const rows = await adminQuery<{ version: number }>(
    "select version from public.generated_cvs where user_id = $1 and job_id = $2 order by version",
    [user.id, jobId],
  );
  return rows.map((row) => row.version);
}

async function cvIdOf(applicationId: string): Promise<string | null> {
  const [row] = await adminQuery<{ cv_id: string | null }>("select cv_id from public.applications where id = $1", [
    applicationId,
  ]);
  return row.cv_id;
}

// An LLM rewrite of Maya's summary that uses only her own facts.
const GROUNDED_SUMMARY =
  "Backend engineer with eight years of experience in Go, Python and PostgreSQL, building reliable payment and logistics APIs and observable services.";
// One that invents an employer, a number, a skill and a year.
const INVENTED_SUMMARY = "Staff engineer who led 250 engineers at Globex Corporation and has written Rust since 2009.";

Deno.test("generate-cv", async (t) => {
  const originalLimit = await generationLimit();
  // Many generations happen below; the quota step sets its own limit.
  await setGenerationLimit(1000);
  const user = await createCandidate({ headline: `Senior Backend Engineer <script>alert("x")</script>` });
  const stranger = await createUser("Someone Else");
  try {
    const jobId = await createJob();

    await t.step("happy path: version 1, the score, the system default template, escaped HTML", async () => {
      const { status, body } = await generate(user, { job_id: jobId });
      assert.equal(status, 201, JSON.stringify(body));
      const cv = body.cv;
      assert.equal(cv.version, 1);
      assert.equal(cv.job_id, jobId);
      assert.equal(cv.user_id, user.id);
      assert.ok(cv.match_score > 50 && cv.match_score <= 100, `score ${cv.match_score}`);
      assert.equal(body.score.score, cv.match_score);
      // Canonical names from the database's skill dictionary ("Kafka" is Apache Kafka there).
      for (const skill of ["Go", "PostgreSQL", "Apache Kafka", "Kubernetes"]) {
        assert.ok(cv.matched_skills.includes(skill), `${skill} not in ${cv.matched_skills}`);
      }
      assert.deepEqual(cv.missing_required_skills, []);
      assert.ok(cv.missing_preferred_skills.includes("AWS"));
      assert.match(body.score.explanation, /Score \d+ =/);
      // Provenance of a deterministic version.
      assert.deepEqual([cv.generator, cv.model, cv.prompt_version, cv.grounding], ["deterministic", null, null, null]);
      assert.deepEqual(body.llm, { requested: false, used: false, fallback_reason: null, model: null });
      assert.equal(body.application_id, null);
      // The content is a JSON Resume document built from the profile only.
      assert.equal(cv.content.basics.name, "Maya Okafor");
      assert.deepEqual(cv.content.work.map((entry: { name: string }) => entry.name), [
        "Northwind Payments",
        "Brightlane Logistics",
        "Cobalt Digital",
      ]);
      assert.deepEqual(cv.content.projects.map((project: { name: string }) => project.name), [
        "ledgerlite",
        "pg-queue-bench",
      ]);
      // Without a template of their own the caller gets the system default (seeded: Classic, Markdown).
      const [systemDefault] = await adminQuery<{ id: string; format: string }>(
        "select id, format::text as format from public.cv_templates where owner_id is null and is_default",
      );
      if (systemDefault) {
        assert.equal(cv.template_id, systemDefault.id);
        assert.equal(body.template.source, "system_default");
      } else {
        assert.equal(cv.template_id, null);
        assert.equal(body.template.source, "built_in");
      }
      assert.match(cv.rendered_markdown, /Maya Okafor/);
      assert.match(cv.rendered_markdown, /Northwind Payments/);
      // User text never reaches the HTML as markup.
      assert.equal(cv.rendered_html.includes("<script"), false);
      assert.ok(cv.rendered_html.includes("&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;"));
      assert.match(cv.rendered_html, /Northwind Payments/);
      assert.deepEqual(await versions(user, jobId), [1]);
    });

    await t.step("20 concurrent requests for one (user, job): versions 1..20, no gaps, no duplicates", async () => {
      const concurrentJob = await createJob();
      // More pooled connections than requests, so the requests really meet in the database.
      await closePool();
      const savedPoolMax = Deno.env.get("DB_POOL_MAX");
      Deno.env.set("DB_POOL_MAX", "25");
      try {
        const results = await Promise.all(
          Array.from({ length: 20 }, () => generate(user, { job_id: concurrentJob })),
        );
        assert.deepEqual(results.map((result) => result.status), Array(20).fill(201));
        const answered = results.map((result) => result.body.cv.version as number).sort((a, b) => a - b);
        const expected = Array.from({ length: 20 }, (_, index) => index + 1);
        assert.deepEqual(answered, expected);
        assert.deepEqual(await versions(user, concurrentJob), expected);
      } finally {
        await closePool();
        if (savedPoolMax === undefined) Deno.env.delete("DB_POOL_MAX");
        else Deno.env.set("DB_POOL_MAX", savedPoolMax);
      }
    });

    await t.step("quota used up: 429 with the reset time, nothing written; no LLM call is paid for", async () => {
      const [{ used }] = await adminQuery<{ used: number }>(
        `select ((select count(*) from public.generated_cvs where user_id = $1 and generator <> 'manual'
                    and created_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC')
               + (select count(*) from public.cover_letters where user_id = $1 and generator <> 'manual'
                    and created_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'))::int as used`,
        [user.id],
      );
      await setGenerationLimit(used);
      try {
        const before = await versions(user, jobId);
        const { status, body } = await generate(user, { job_id: jobId });
        assert.equal(status, 429, JSON.stringify(body));
        assert.equal(body.error.code, "rate_limited");
        assert.equal(body.error.details.reason, "quota_exceeded");
        assert.equal(body.error.details.limit, used);
        const resetsAt = new Date(body.error.details.resets_at);
        const tomorrow = new Date();
        tomorrow.setUTCHours(24, 0, 0, 0);
        assert.equal(resetsAt.toISOString(), tomorrow.toISOString());
        assert.deepEqual(await versions(user, jobId), before);

        // With an LLM asked for, the database's quota is checked before the LLM is called.
        await withLlmServer(() => completion(JSON.stringify({ text: GROUNDED_SUMMARY })), async (calls) => {
          const llm = await generate(user, { job_id: jobId, use_llm: true });
          assert.equal(llm.status, 429);
          assert.equal(calls.length, 0);
        });
        assert.deepEqual(await versions(user, jobId), before);
      } finally {
        await setGenerationLimit(1000);
      }
    });

    await t.step("someone else's private posting, or template, is 404", async () => {
      const privateJob = await createJob(undefined, stranger);
      const { status, body } = await generate(user, { job_id: privateJob });
      assert.equal(status, 404);
      assert.equal(body.error.code, "not_found");
      assert.deepEqual(await versions(user, privateJob), []);
      const missing = await generate(user, { job_id: crypto.randomUUID() });
      assert.equal(missing.status, 404);

      const [template] = await adminQuery<{ id: string }>(
        `insert into public.cv_templates (owner_id, name, format, body) values ($1, 'Mine', 'markdown', '# {{basics.name}}')
         returning id`,
        [stranger.id],
      );
      const foreign = await generate(user, { job_id: jobId, template_id: template.id });
      assert.equal(foreign.status, 404);
      assert.match(foreign.body.error.message, /template/);
    });

    await t.step("a template of the caller's own renders its format; the other format uses the built-in", async () => {
      const [template] = await adminQuery<{ id: string }>(
        `insert into public.cv_templates (owner_id, name, format, body)
         values ($1, 'Short', 'markdown', 'CV of {{basics.name}} ({{basics.label}})') returning id`,
        [user.id],
      );
      const { status, body } = await generate(user, { job_id: jobId, template_id: template.id });
      assert.equal(status, 201);
      assert.equal(body.cv.template_id, template.id);
      assert.equal(body.template.source, "requested");
      assert.equal(
        body.cv.rendered_markdown,
        'CV of Maya Okafor (Senior Backend Engineer \\<script\\>alert("x")\\</script\\>)',
      );
      assert.match(body.cv.rendered_html, /^<!doctype html>/i);
    });

    await t.step("attach to a draft application: the application points at the new version", async () => {
      const draftJob = await createJob();
      const applicationId = await createApplication(user, draftJob, "draft");
      const { status, body } = await generate(user, { job_id: draftJob, attach: true });
      assert.equal(status, 201, JSON.stringify(body));
      assert.equal(body.application_id, applicationId);
      assert.equal(await cvIdOf(applicationId), body.cv.id);
    });

    await t.step("attach to a sent application, or to none: 409 and nothing is written", async () => {
      const sentJob = await createJob();
      const applicationId = await createApplication(user, sentJob, "draft");
      const first = await generate(user, { job_id: sentJob, attach: true });
      assert.equal(first.status, 201);
      // Sent the way a user sends it: through the state machine.
      await queryAsUser(user, "select public.transition_application($1, 'applied')", [applicationId]);
      const { status, body } = await generate(user, { job_id: sentJob, attach: true });
      assert.equal(status, 409, JSON.stringify(body));
      assert.equal(body.error.code, "conflict");
      assert.equal(body.error.details.reason, "document_frozen");
      assert.deepEqual(await versions(user, sentJob), [1]);
      assert.equal(await cvIdOf(applicationId), first.body.cv.id);

      const noApplicationJob = await createJob();
      const none = await generate(user, { job_id: noApplicationJob, attach: true });
      assert.equal(none.status, 409);
      assert.equal(none.body.error.details.reason, "no_application");
      assert.deepEqual(await versions(user, noApplicationJob), []);
    });

    await t.step("format pdf: an application/pdf download whose text holds the name and the employers", async () => {
      const pdfJob = await createJob();
      const { status, response } = await generate(user, { job_id: pdfJob, format: "pdf" });
      assert.equal(status, 201);
      assert.equal(response.headers.get("content-type"), "application/pdf");
      assert.equal(response.headers.get("content-disposition"), 'attachment; filename="maya-okafor-cv.pdf"');
      assert.equal(response.headers.get("x-cv-version"), "1");
      const bytes = new Uint8Array(await response.arrayBuffer());
      assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), "%PDF-");
      // pdf.js (Firefox's PDF engine), as the export tests use it.
      const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
      const words = text.replace(/\s+/g, " ");
      for (const needle of ["Maya Okafor", "Northwind Payments", "Brightlane Logistics", "University of Leeds"]) {
        assert.ok(words.includes(needle), `${needle} not in: ${words.slice(0, 300)}`);
      }
      // The row is stored all the same.
      const [row] = await adminQuery<{ id: string }>(
        "select id from public.generated_cvs where user_id = $1 and job_id = $2",
        [user.id, pdfJob],
      );
      assert.equal(response.headers.get("x-cv-id"), row.id);
    });

    await t.step("format docx: a Word document whose document.xml holds the CV", async () => {
      const { status, response } = await generate(user, { job_id: jobId, format: "docx" });
      assert.equal(status, 201);
      assert.equal(
        response.headers.get("content-type"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      assert.equal(response.headers.get("content-disposition"), 'attachment; filename="maya-okafor-cv.docx"');
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      const xml = strFromU8(files["word/document.xml"]);
      assert.ok(xml.includes("Maya Okafor"));
      assert.ok(xml.includes("Northwind Payments"));
    });

    await t.step("LLM: a grounded summary is used, with its provenance", async () => {
      await withLlmServer(() => completion(JSON.stringify({ text: GROUNDED_SUMMARY })), async (calls) => {
        const llmJob = await createJob();
        const { status, body } = await generate(user, { job_id: llmJob, use_llm: true });
        assert.equal(status, 201, JSON.stringify(body));
        assert.equal(calls.length, 1);
        assert.equal(body.cv.generator, "llm");
        assert.equal(body.cv.model, "test-model-2026-01");
        assert.equal(body.cv.prompt_version, PROMPT_VERSION);
        assert.equal(body.cv.grounding.passed, true);
        assert.deepEqual(body.cv.grounding.unsupported, []);
        assert.equal(body.cv.grounding.task, "summary");
        assert.equal(body.cv.content.basics.summary, GROUNDED_SUMMARY);
        assert.ok(body.cv.rendered_html.includes("reliable payment and logistics APIs"));
        assert.deepEqual(body.llm, { requested: true, used: true, fallback_reason: null, model: "test-model-2026-01" });
        // The prompt carries the draft and only the person's facts.
        const messages = calls[0].body.messages as { role: string; content: string }[];
        const payload = JSON.parse(messages[1].content);
        assert.equal(payload.draft, backend.profile.summary);
        assert.ok(payload.facts.employers.includes("Northwind Payments"));
      });
    });

    await t.step("LLM: an answer that invents facts falls back to the deterministic CV, provenance kept", async () => {
      await withLlmServer(() => completion(JSON.stringify({ text: INVENTED_SUMMARY })), async () => {
        const llmJob = await createJob();
        const { status, body } = await generate(user, { job_id: llmJob, use_llm: true });
        assert.equal(status, 201, JSON.stringify(body));
        assert.equal(body.cv.generator, "deterministic");
        assert.equal(body.cv.content.basics.summary, backend.profile.summary);
        // Whose draft was rejected, under which prompt, and why.
        assert.equal(body.cv.model, "test-model-2026-01");
        assert.equal(body.cv.prompt_version, PROMPT_VERSION);
        assert.equal(body.cv.grounding.passed, false);
        assert.equal(body.cv.grounding.fallback_reason, "grounding_failed");
        const claims = body.cv.grounding.unsupported.map((claim: { kind: string; value: string }) =>
          `${claim.kind}:${claim.value}`
        );
        for (const claim of ["number:250", "employer:Globex Corporation", "skill:Rust", "date:2009"]) {
          assert.ok(claims.includes(claim), `${claim} not in ${claims}`);
        }
        assert.equal(body.llm.used, false);
        assert.equal(body.llm.fallback_reason, "grounding_failed");
        assert.ok(body.llm.unsupported.length >= 4);
        const [stored] = await adminQuery<{ generator: string; grounding: { passed: boolean } }>(
          "select generator::text as generator, grounding from public.generated_cvs where id = $1",
          [body.cv.id],
        );
        assert.deepEqual([stored.generator, stored.grounding.passed], ["deterministic", false]);
      });
    });

    await t.step("LLM: a server error after its retry falls back, the error kind recorded", async () => {
      await withLlmServer(
        () => new Response("upstream down", { status: 503, headers: { "retry-after": "0" } }),
        async (calls) => {
          const { status, body } = await generate(user, { job_id: jobId, use_llm: true });
          assert.equal(status, 201);
          assert.equal(calls.length, 2);
          assert.equal(body.cv.generator, "deterministic");
          assert.equal(body.llm.fallback_reason, "llm_error");
          assert.deepEqual(body.cv.grounding.error, { code: "internal_error", kind: "http", status: 503 });
        },
      );
    });

    await t.step("use_llm without an LLM configured: deterministic, and the response says so", async () => {
      const { status, body } = await generate(user, { job_id: jobId, use_llm: true });
      assert.equal(status, 201);
      assert.equal(body.cv.generator, "deterministic");
      assert.deepEqual(body.llm, { requested: true, used: false, fallback_reason: "not_configured", model: null });
    });

    await t.step("malformed, mistyped and unknown-field bodies are 400", async () => {
      const before = await versions(user, jobId);
      const cases: unknown[] = [
        {},
        { job_id: "not-a-uuid" },
        { job_id: jobId, format: "rtf" },
        { job_id: jobId, attach: "yes" },
        { job_id: jobId, colour: "blue" },
        [],
      ];
      for (const body of cases) {
        const result = await generate(user, body);
        assert.equal(result.status, 400, JSON.stringify(body));
        assert.equal(result.body.error.code, "validation_failed");
      }
      assert.deepEqual(await versions(user, jobId), before);
    });

    await t.step("unauthenticated, expired or forged: 401", async () => {
      const anonymous = await handler(request("generate-cv", { method: "POST", json: { job_id: jobId } }));
      assert.equal(anonymous.status, 401);
      assert.equal((await anonymous.json()).error.code, "unauthorized");
      const expired = await mintToken(
        { sub: user.id, role: "authenticated", aud: "authenticated" },
        { expiresIn: Math.floor(Date.now() / 1000) - 10 },
      );
      const response = await handler(
        request("generate-cv", { method: "POST", token: expired, json: { job_id: jobId } }),
      );
      assert.equal(response.status, 401);
      await response.body?.cancel();
    });
  } finally {
    await setGenerationLimit(originalLimit);
    await deleteUser(user);
    await deleteUser(stranger);
    await closePool();
  }
});
