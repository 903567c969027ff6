// Test data for the generation functions' tests: a user with the realistic backend engineer's
// profile and projects (the tailoring fixtures), postings written as ingest or an import would, and
// the quota setting, all through the superuser connection. Not imported by any handler.
import { backendJob } from "./tailoring/fixtures/jobs.ts";
import { backend } from "./tailoring/fixtures/profiles.ts";
import type { Job, Profile, Project } from "./tailoring/rows.ts";
import { adminQuery, createUser, type TestUser } from "./testing.ts";

/** Writes a profile's CV columns onto the user's (signup-created) profile row. */
export async function giveProfile(user: TestUser, profile: Partial<Profile>): Promise<void> {
  await adminQuery(
    `update public.profiles set full_name = $2, headline = $3, email = $4, phone = $5, location = $6,
            website_url = $7, linkedin_url = $8, github_url = $9, summary = $10, skills = $11,
            work_experience = $12::jsonb, education = $13::jsonb
      where id = $1`,
    [
      user.id,
      profile.full_name ?? null,
      profile.headline ?? null,
      profile.email ?? null,
      profile.phone ?? null,
      profile.location ?? null,
      profile.website_url ?? null,
      profile.linkedin_url ?? null,
      profile.github_url ?? null,
      profile.summary ?? null,
      profile.skills ?? [],
      JSON.stringify(profile.work_experience ?? []),
      JSON.stringify(profile.education ?? []),
    ],
  );
}

export async function giveProjects(user: TestUser, projects: readonly Project[]): Promise<void> {
  for (const project of projects) {
    await adminQuery(
      `insert into public.projects (user_id, name, role, description, url, repository_url, start_date, end_date,
                                    technologies, achievements, metrics, relevance_tags, is_featured)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13)`,
      [
        user.id,
        project.name,
        project.role ?? null,
        project.description ?? null,
        project.url ?? null,
        project.repository_url ?? null,
        project.start_date ?? null,
        project.end_date ?? null,
        project.technologies,
        project.achievements,
        JSON.stringify(project.metrics),
        project.relevance_tags,
        project.is_featured,
      ],
    );
  }
}

/** Maya Okafor, the backend engineer of the tailoring fixtures, with her three projects. */
export async function createCandidate(overrides: Partial<Profile> = {}): Promise<TestUser> {
  const user = await createUser(backend.profile.full_name ?? "Maya Okafor");
  await giveProfile(user, { ...backend.profile, ...overrides });
  await giveProjects(user, backend.projects);
  return user;
}

/** A posting: shared (owner null, as ingest writes it) or a user's private import. */
export async function createJob(job: Job = backendJob, owner: TestUser | null = null): Promise<string> {
  const [row] = await adminQuery<{ id: string }>(
    `insert into public.jobs (owner_id, source, external_id, title, company, location, remote_type, employment_type,
                              description, requirements, responsibilities, required_skills, preferred_skills)
     values ($1, 'test', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     returning id`,
    [
      owner?.id ?? null,
      crypto.randomUUID(),
      job.title,
      job.company,
      job.location ?? null,
      job.remote_type ?? null,
      job.employment_type ?? null,
      job.description ?? null,
      job.requirements ?? null,
      job.responsibilities ?? null,
      job.required_skills,
      job.preferred_skills,
    ],
  );
  return row.id;
}

/** The daily generation limit (private.settings), read and written as the superuser. */
export async function generationLimit(): Promise<string> {
  const [row] = await adminQuery<{ value: string }>(
    "select value::text as value from private.settings where key = 'generation_daily_limit'",
  );
  return row.value;
}

export async function setGenerationLimit(value: string | number): Promise<void> {
  await adminQuery("update private.settings set value = $1::jsonb where key = 'generation_daily_limit'", [
    String(value),
  ]);
}

/** A throwaway OpenAI-compatible chat-completions server on 127.0.0.1, as in tailoring/llm.test.ts. */
export async function withLlmServer(
  answer: (callIndex: number) => Response | Promise<Response>,
  run: (calls: { body: Record<string, unknown> }[]) => Promise<void>,
): Promise<void> {
  const calls: { body: Record<string, unknown> }[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (request) => {
    calls.push({ body: await request.json() });
    return await answer(calls.length);
  });
  const saved = ["LLM_BASE_URL", "LLM_API_KEY", "LLM_MODEL"].map((name) => [name, Deno.env.get(name)] as const);
  Deno.env.set("LLM_BASE_URL", `http://127.0.0.1:${server.addr.port}/v1`);
  Deno.env.set("LLM_API_KEY", "sk-test");
  Deno.env.set("LLM_MODEL", "test-model");
  try {
    await run(calls);
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) Deno.env.delete(name);
      else Deno.env.set(name, value);
    }
    await server.shutdown();
  }
}

/** A chat-completions answer whose message content is `content`. */
export function completion(content: string): Response {
  return Response.json({
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1_790_000_000,
    model: "test-model-2026-01",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 120, completion_tokens: 80, total_tokens: 200 },
  });
}
