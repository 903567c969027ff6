// Optional LLM support: a client for any OpenAI-compatible chat-completions endpoint, and the
// orchestration that lets an LLM polish a deterministic draft only if the result passes the
// grounding check. The deterministic text is always there to fall back on, so an outage, a
// malformed answer or an invented fact degrades quality, never correctness.
//
// This is the only module of the tailoring core that does I/O (its fetch). Configuration comes in
// as a value: the edge function reads LLM_BASE_URL, LLM_API_KEY and LLM_MODEL and passes them to
// llmConfigFromEnv, which keeps this module testable without touching the environment.
import { z } from "zod";
import { fail, type Failure, ok, type Result } from "../result.ts";
import { checkGrounding, factsSummary, type GroundingFacts, type GroundingResult } from "./grounding.ts";
import { issuesOf } from "./rows.ts";
import { LetterToneSchema } from "./tailor.ts";
import { wordCount } from "./text.ts";

/** Stored with every LLM-assisted document (prompt_version column): bump when the prompt changes. */
export const PROMPT_VERSION = "tailor-llm-2026-11-v1";

export const LlmConfigSchema = z.strictObject({
  /** e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1; /chat/completions is appended. */
  baseUrl: z.string().max(2048).regex(/^https?:\/\/[^\s/?#]+[^\s?#]*$/i, "expected an http(s) base URL"),
  /** Optional: local servers often need none. */
  apiKey: z.string().min(1).max(4096).optional(),
  model: z.string().min(1).max(200),
  /** Whole budget of one call, retries and backoff included. */
  timeoutMs: z.int().min(50).max(120_000).default(20_000),
  /** Token budget of one completion (max_tokens). */
  maxTokens: z.int().min(16).max(32_000).default(800),
  /** Backoff before the single retry when the server gives no Retry-After. */
  retryDelayMs: z.int().min(0).max(60_000).default(500),
  /** A Retry-After longer than this is not waited for: the call fails and the caller falls back. */
  maxRetryDelayMs: z.int().min(0).max(60_000).default(5_000),
  temperature: z.number().min(0).max(2).default(0.2),
});
export type LlmConfig = z.infer<typeof LlmConfigSchema>;
export type LlmConfigInput = z.input<typeof LlmConfigSchema>;

/**
 * The LLM configuration from environment values (LLM_BASE_URL, LLM_API_KEY, LLM_MODEL): null when
 * no base URL is set (the LLM is optional), a failure when it is set but incomplete or invalid.
 */
export function llmConfigFromEnv(env: Readonly<Record<string, string | undefined>>): Result<LlmConfig | null> {
  const baseUrl = env.LLM_BASE_URL?.trim();
  if (!baseUrl) return ok(null);
  const parsed = LlmConfigSchema.safeParse({
    baseUrl,
    model: env.LLM_MODEL?.trim() || undefined,
    apiKey: env.LLM_API_KEY?.trim() || undefined,
  });
  if (!parsed.success) {
    return fail("validation_failed", "The LLM settings are incomplete.", { issues: issuesOf(parsed.error) });
  }
  return ok(parsed.data);
}

export const ChatMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

// The parts of the chat-completions response we read; servers add more, which zod ignores.
const ChatCompletionSchema = z.object({
  model: z.string().optional(),
  choices: z.array(z.object({
    message: z.object({ content: z.string().nullish() }),
    finish_reason: z.string().nullish(),
  })).min(1),
  usage: z.object({
    prompt_tokens: z.number().optional(),
    completion_tokens: z.number().optional(),
    total_tokens: z.number().optional(),
  }).optional(),
});

export type LlmErrorKind =
  | "timeout"
  | "aborted"
  | "network"
  | "http"
  | "rate_limited"
  | "malformed_response"
  | "malformed_output"
  | "invalid_output"
  | "truncated";

export interface LlmErrorDetails {
  kind: LlmErrorKind;
  attempts: number;
  status?: number;
  retryAfterMs?: number;
}

export interface LlmCompletion<T> {
  value: T;
  /** The model that answered, as the server reports it. */
  model: string;
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
  attempts: number;
}

export interface CompleteOptions {
  maxTokens?: number;
  /** The caller's own cancellation (e.g. the request's signal), on top of the timeout. */
  signal?: AbortSignal;
}

export interface LlmClient {
  readonly model: string;
  /** One chat completion in JSON mode, its content parsed as JSON and validated with `schema`. */
  completeJson<T>(
    messages: readonly ChatMessage[],
    schema: z.ZodType<T>,
    options?: CompleteOptions,
  ): Promise<Result<LlmCompletion<T>>>;
}

const llmFailure = <T>(message: string, details: LlmErrorDetails): Result<T> =>
  fail(details.kind === "rate_limited" ? "rate_limited" : "internal_error", message, details);

/** The LLM error kind of a failure from this module, if it is one. */
export function llmErrorKind(error: Failure): LlmErrorKind | undefined {
  const details = error.details;
  if (details && typeof details === "object" && "kind" in details && typeof details.kind === "string") {
    return details.kind as LlmErrorKind;
  }
  return undefined;
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Some models wrap JSON in a Markdown fence even in JSON mode. */
function unfence(content: string): string {
  const match = content.trim().match(/^```(?:json)?\s*([\s\S]*?)\s*```$/i);
  return match ? match[1] : content.trim();
}

export function createLlmClient(config: LlmConfigInput, fetchImpl: typeof fetch = fetch): Result<LlmClient> {
  const parsed = LlmConfigSchema.safeParse(config);
  if (!parsed.success) {
    return fail("validation_failed", "The LLM settings are not valid.", { issues: issuesOf(parsed.error) });
  }
  const settings = parsed.data;
  const endpoint = `${settings.baseUrl.replace(/\/+$/, "")}/chat/completions`;

  async function completeJson<T>(
    messages: readonly ChatMessage[],
    schema: z.ZodType<T>,
    options: CompleteOptions = {},
  ): Promise<Result<LlmCompletion<T>>> {
    // One deadline for the whole call. A timer we clear ourselves (rather than AbortSignal.timeout)
    // so nothing outlives the call.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, settings.timeoutMs);
    const signal = options.signal ? AbortSignal.any([controller.signal, options.signal]) : controller.signal;
    const stopped = (attempts: number): Result<LlmCompletion<T>> =>
      timedOut
        ? llmFailure(`The LLM did not answer within ${settings.timeoutMs} ms.`, { kind: "timeout", attempts })
        : llmFailure("The LLM call was cancelled.", { kind: "aborted", attempts });

    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (settings.apiKey) headers.authorization = `Bearer ${settings.apiKey}`;
    const body = JSON.stringify({
      model: settings.model,
      messages,
      response_format: { type: "json_object" },
      max_tokens: options.maxTokens ?? settings.maxTokens,
      temperature: settings.temperature,
    });

    try {
      for (let attempt = 1;; attempt++) {
        let response: Response;
        try {
          response = await fetchImpl(endpoint, { method: "POST", headers, body, signal });
        } catch (error) {
          if (signal.aborted) return stopped(attempt);
          return llmFailure(
            `The LLM endpoint could not be reached: ${error instanceof Error ? error.message : error}`,
            {
              kind: "network",
              attempts: attempt,
            },
          );
        }

        if (response.status === 429 || response.status >= 500) {
          const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
          await response.body?.cancel();
          const delay = retryAfterMs ?? settings.retryDelayMs;
          if (attempt === 1 && delay <= settings.maxRetryDelayMs) {
            if (!(await sleep(delay, signal))) return stopped(attempt);
            continue;
          }
          const details: LlmErrorDetails = {
            kind: response.status === 429 ? "rate_limited" : "http",
            attempts: attempt,
            status: response.status,
          };
          if (retryAfterMs !== undefined) details.retryAfterMs = retryAfterMs;
          return llmFailure(`The LLM endpoint answered ${response.status}.`, details);
        }
        if (!response.ok) {
          await response.body?.cancel();
          return llmFailure(`The LLM endpoint answered ${response.status}.`, {
            kind: "http",
            attempts: attempt,
            status: response.status,
          });
        }

        let json: unknown;
        try {
          json = await response.json();
        } catch {
          if (signal.aborted) return stopped(attempt);
          return llmFailure("The LLM endpoint did not answer with JSON.", {
            kind: "malformed_response",
            attempts: attempt,
          });
        }
        const completion = ChatCompletionSchema.safeParse(json);
        if (!completion.success) {
          return llmFailure("The LLM answer is not a chat completion.", {
            kind: "malformed_response",
            attempts: attempt,
          });
        }
        const choice = completion.data.choices[0];
        if (choice.finish_reason === "length") {
          return llmFailure("The LLM answer was cut off by the token budget.", {
            kind: "truncated",
            attempts: attempt,
          });
        }
        let content: unknown;
        try {
          content = JSON.parse(unfence(choice.message.content ?? ""));
        } catch {
          return llmFailure("The LLM answer is not valid JSON.", { kind: "malformed_output", attempts: attempt });
        }
        const value = schema.safeParse(content);
        if (!value.success) {
          return llmFailure("The LLM answer does not have the expected fields.", {
            kind: "invalid_output",
            attempts: attempt,
          });
        }
        const result: LlmCompletion<T> = {
          value: value.data,
          model: completion.data.model ?? settings.model,
          attempts: attempt,
        };
        if (completion.data.usage) result.usage = completion.data.usage;
        return ok(result);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  return ok({ model: settings.model, completeJson });
}

// ---------------------------------------------------------------------------------------------
// Orchestration: LLM polish, grounded, or the deterministic draft.

export const ImproveOptionsSchema = z.strictObject({
  /** What the draft is: guides the prompt. */
  task: z.enum(["cover_letter", "summary", "highlight"]).default("cover_letter"),
  maxWords: z.int().min(10).max(1000).default(300),
  tone: LetterToneSchema.optional(),
  /** The posting, so the prose can address it (its title and company only). */
  job: z.strictObject({ title: z.string().max(300), company: z.string().max(200) }).optional(),
  maxTokens: z.int().min(16).max(32_000).optional(),
});
export type ImproveOptions = z.input<typeof ImproveOptionsSchema>;

/** What the LLM must answer: {"text": "..."}. */
export const LlmDraftSchema = z.object({ text: z.string().trim().min(1).max(20_000) });

export type FallbackReason = "not_configured" | "invalid_options" | "llm_error" | "grounding_failed" | "too_long";

export interface ImproveResult {
  /** The text to store: the LLM's if it passed every check, else the deterministic draft. */
  text: string;
  generator: "llm" | "deterministic";
  /** The grounding check of the LLM's answer; null when no answer came back to check. */
  grounding: GroundingResult | null;
  /** The model asked, when one was (also on fallback, so provenance shows whose draft was rejected). */
  model: string | null;
  promptVersion: string | null;
  /** Why the deterministic draft was kept; null when the LLM's text is used. */
  fallbackReason: FallbackReason | null;
  error?: Failure;
}

const TASKS: Record<z.infer<typeof ImproveOptionsSchema>["task"], string> = {
  cover_letter: "Rewrite this cover letter so it reads naturally and persuasively.",
  summary: "Rewrite this CV summary so it is crisp and specific to the posting.",
  highlight: "Rephrase this CV bullet point so it is concise and results-first.",
};

/** The prompt: the draft, the allowed facts, and the rules the grounding check will enforce. */
export function buildPrompt(draft: string, facts: GroundingFacts, options: ImproveOptions = {}): ChatMessage[] {
  const settings = ImproveOptionsSchema.parse(options);
  const system = [
    "You edit job-application documents for a candidate.",
    TASKS[settings.task],
    "Use only facts that appear in the DRAFT or in FACTS. Never add an employer, job title, school, degree, skill,",
    "date, number or achievement that is not there, and never change a number or a date.",
    "Mention the posting's company and title only as what is being applied for.",
    settings.tone ? `Tone: ${settings.tone}.` : "",
    `At most ${settings.maxWords} words.`,
    'Answer with a JSON object of the form {"text": "..."} and nothing else.',
  ].filter(Boolean).join(" ");
  const user = JSON.stringify({
    task: settings.task,
    posting: settings.job ?? null,
    facts: factsSummary(facts),
    draft,
  });
  return [{ role: "system", content: system }, { role: "user", content: user }];
}

/**
 * Asks the LLM to improve a deterministic draft and keeps its answer only if it is valid JSON of
 * the right shape, within the word limit, and passes the grounding check against `facts`.
 * Otherwise returns the draft, saying why. Never throws.
 */
export async function improveWithLlm(
  draft: string,
  facts: GroundingFacts,
  client: LlmClient | null,
  options: ImproveOptions = {},
  signal?: AbortSignal,
): Promise<ImproveResult> {
  const deterministic = (
    fallbackReason: FallbackReason,
    extra: Partial<Pick<ImproveResult, "grounding" | "model" | "promptVersion" | "error">> = {},
  ): ImproveResult => ({
    text: draft,
    generator: "deterministic",
    grounding: null,
    model: null,
    promptVersion: null,
    fallbackReason,
    ...extra,
  });

  if (!client) return deterministic("not_configured");
  const parsed = ImproveOptionsSchema.safeParse(options);
  if (!parsed.success) {
    return deterministic("invalid_options", {
      error: { code: "validation_failed", message: "The LLM options are not valid.", details: issuesOf(parsed.error) },
    });
  }
  const settings = parsed.data;
  const asked = { model: client.model, promptVersion: PROMPT_VERSION };

  let answer: Result<LlmCompletion<z.infer<typeof LlmDraftSchema>>>;
  try {
    const completeOptions: CompleteOptions = {};
    if (settings.maxTokens !== undefined) completeOptions.maxTokens = settings.maxTokens;
    if (signal) completeOptions.signal = signal;
    answer = await client.completeJson(buildPrompt(draft, facts, settings), LlmDraftSchema, completeOptions);
  } catch (error) {
    // A client implementation that throws is a bug there, not a reason to fail the request.
    return deterministic("llm_error", {
      ...asked,
      error: { code: "internal_error", message: error instanceof Error ? error.message : String(error) },
    });
  }
  if (!answer.ok) return deterministic("llm_error", { ...asked, error: answer.error });

  const text = answer.value.value.text;
  const model = answer.value.model || client.model;
  const grounding = checkGrounding(text, facts);
  if (wordCount(text) > settings.maxWords) {
    return deterministic("too_long", { grounding, model, promptVersion: PROMPT_VERSION });
  }
  if (!grounding.passed) {
    return deterministic("grounding_failed", { grounding, model, promptVersion: PROMPT_VERSION });
  }
  return { text, generator: "llm", grounding, model, promptVersion: PROMPT_VERSION, fallbackReason: null };
}
