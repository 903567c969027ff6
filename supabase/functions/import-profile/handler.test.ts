import assert from "node:assert/strict";
import { closePool } from "../_shared/db.ts";
import { ALL_FILES, zipOf } from "../_shared/linkedin/fixtures/exports.ts";
import resumeV1 from "../_shared/tailoring/fixtures/resume_v1.json" with { type: "json" };
import {
  adminQuery,
  createUser,
  deleteUser,
  type JsonBody,
  postJson,
  request,
  type TestUser,
} from "../_shared/testing.ts";
import { handler, MAX_ARCHIVE_BYTES } from "./handler.ts";

const importJson = (user: TestUser, body: unknown) => postJson(handler, "import-profile", user.token, body);

async function importArchive(
  user: TestUser | null,
  archive: Uint8Array | ReadableStream<Uint8Array>,
  query = "",
  headers: Record<string, string> = {},
): Promise<{ status: number; body: JsonBody }> {
  const response = await handler(
    request(`import-profile${query}`, {
      method: "POST",
      token: user?.token,
      headers: { "content-type": "application/zip", ...headers },
      body: archive instanceof Uint8Array ? archive.slice() : archive,
    }),
  );
  return { status: response.status, body: await response.json() };
}

async function profileOf(user: TestUser) {
  const [row] = await adminQuery<JsonBody>(
    `select full_name, headline, email, location, github_url, linkedin_url, skills, work_experience, education
       from public.profiles where id = $1`,
    [user.id],
  );
  return row;
}

async function projectsOf(user: TestUser) {
  return await adminQuery<{ name: string; role: string | null; technologies: string[]; achievements: string[] }>(
    "select name, role, technologies, achievements from public.projects where user_id = $1 order by name",
    [user.id],
  );
}

Deno.test("import-profile: JSON Resume", async (t) => {
  const user = await createUser("R. Hendriks");
  try {
    await t.step("preview: the diff and the projects it would add, and nothing is written", async () => {
      const before = await profileOf(user);
      const { status, body } = await importJson(user, { json_resume: resumeV1 });
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.applied, false);
      const preview = body.preview;
      assert.equal(preview.source, "json_resume");
      assert.deepEqual(preview.fields.full_name, { status: "changed", old: "R. Hendriks", new: "Richard Hendriks" });
      assert.deepEqual(preview.fields.headline, { status: "added", new: "Programmer" });
      assert.deepEqual(preview.fields.github_url, { status: "added", new: "https://github.com/richardhendriks" });
      assert.equal(preview.fields.email.status, "changed");
      assert.deepEqual(preview.fields.skills.added, ["HTML", "CSS", "JavaScript", "Mpeg", "MP4", "GIF", "Leadership"]);
      assert.equal(preview.fields.work_experience.status, "added");
      assert.equal(preview.profile_update.full_name, "Richard Hendriks");
      assert.deepEqual(preview.projects.add.map((project: { name: string }) => project.name), ["Miss Direction"]);
      assert.deepEqual(preview.projects.add[0].technologies, ["GoogleMaps", "Chrome Extension", "JavaScript"]);
      assert.equal(preview.projects.add[0].role, "Team Lead, Designer");
      assert.equal(preview.has_changes, true);
      // Fields JSON Resume has and Jobtrail does not keep are reported, not lost silently.
      const warned = preview.warnings.map((warning: { path: string; code: string }) =>
        `${warning.code}:${warning.path}`
      );
      assert.ok(warned.includes("unknown_field:basics.pronouns"), warned.join(", "));
      assert.ok(warned.includes("not_imported:volunteer"));

      assert.deepEqual(await profileOf(user), before);
      assert.deepEqual(await projectsOf(user), []);
    });

    await t.step("apply: the profile and the projects are written and the saved profile returned", async () => {
      const { status, body } = await importJson(user, { json_resume: resumeV1, apply: true });
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.applied, true);
      assert.equal(body.profile.full_name, "Richard Hendriks");
      assert.equal(body.profile.github_url, "https://github.com/richardhendriks");
      assert.equal(body.projects_added.length, 1);
      const saved = await profileOf(user);
      assert.equal(saved.full_name, "Richard Hendriks");
      assert.equal(saved.headline, "Programmer");
      assert.equal(saved.location, "San Francisco, California, US");
      assert.equal(saved.work_experience[0].name, "Pied Piper");
      assert.deepEqual(saved.skills, ["HTML", "CSS", "JavaScript", "Mpeg", "MP4", "GIF", "Leadership"]);
      assert.deepEqual(await projectsOf(user), [{
        name: "Miss Direction",
        role: "Team Lead, Designer",
        technologies: ["GoogleMaps", "Chrome Extension", "JavaScript"],
        achievements: ["Won award at AIHacks 2016", "Built by all women team of newbie programmers"],
      }]);
    });

    await t.step("applying the same document again changes nothing", async () => {
      const { status, body } = await importJson(user, { json_resume: resumeV1, apply: true });
      assert.equal(status, 200);
      assert.equal(body.preview.has_changes, false);
      assert.deepEqual(body.preview.profile_update, {});
      assert.deepEqual(body.preview.projects.add, []);
      assert.equal(body.preview.projects.matched[0].existing, "Miss Direction");
      assert.equal((await projectsOf(user)).length, 1);
    });

    await t.step("atomic: a project the database refuses rolls the profile update back", async () => {
      const other = await createUser("Before Import");
      // A rule the parser cannot know about, standing in for any database refusal mid-import.
      await adminQuery(`
        create schema import_profile_test;
        grant usage on schema import_profile_test to authenticated;
        create function import_profile_test.refuse_marked_project() returns trigger language plpgsql
          set search_path = '' as $$
        begin
          if new.name = 'Refused By The Database' then
            raise exception 'project refused' using errcode = '23514';
          end if;
          return new;
        end;
        $$;
        create trigger projects_refuse_marked_test before insert on public.projects
          for each row execute function import_profile_test.refuse_marked_project();`);
      try {
        const before = await profileOf(other);
        const { status, body } = await importJson(other, {
          json_resume: {
            basics: { name: "After Import", label: "Engineer" },
            skills: [{ keywords: ["Go"] }],
            projects: [{ name: "Accepted Project" }, { name: "Refused By The Database" }],
          },
          apply: true,
        });
        assert.equal(status, 400, JSON.stringify(body));
        assert.equal(body.error.code, "validation_failed");
        assert.match(body.error.message, /project refused/);
        assert.deepEqual(await profileOf(other), before);
        assert.equal((await profileOf(other)).full_name, "Before Import");
        assert.deepEqual(await projectsOf(other), []);
      } finally {
        await adminQuery(`
          drop trigger if exists projects_refuse_marked_test on public.projects;
          drop schema if exists import_profile_test cascade;`);
        await deleteUser(other);
      }
    });

    await t.step("invalid documents and bodies are 400 with the parser's code; other media types 415", async () => {
      const before = await profileOf(user);
      for (const json_resume of [["not", "an", "object"], "a string", 42, null]) {
        const { status, body } = await importJson(user, { json_resume });
        assert.equal(status, 400, JSON.stringify(json_resume));
        assert.equal(body.error.code, "validation_failed");
        assert.match(body.error.message, /JSON Resume document must be a JSON object/);
      }
      for (const invalid of [{}, { json_resume: {}, apply: "yes" }, { json_resume: {}, merge: true }, []]) {
        const { status, body } = await importJson(user, invalid);
        assert.equal(status, 400, JSON.stringify(invalid));
        assert.equal(body.error.code, "validation_failed");
      }
      const broken = await handler(
        request("import-profile", {
          method: "POST",
          token: user.token,
          headers: { "content-type": "application/json" },
          body: '{"json_resume": {',
        }),
      );
      assert.equal(broken.status, 400);
      assert.equal((await broken.json()).error.code, "invalid_json");
      const text = await handler(
        request("import-profile", {
          method: "POST",
          token: user.token,
          headers: { "content-type": "text/plain" },
          body: "hello",
        }),
      );
      assert.equal(text.status, 415);
      await text.body?.cancel();
      assert.deepEqual(await profileOf(user), before);
    });

    await t.step("unauthenticated: 401", async () => {
      const response = await handler(request("import-profile", { method: "POST", json: { json_resume: resumeV1 } }));
      assert.equal(response.status, 401);
      assert.equal((await response.json()).error.code, "unauthorized");
    });
  } finally {
    await deleteUser(user);
    await closePool();
  }
});

Deno.test("import-profile: LinkedIn archive", async (t) => {
  const user = await createUser("Zoe K");
  try {
    const archive = zipOf(ALL_FILES);

    await t.step("preview by default: the diff, and nothing is written", async () => {
      const before = await profileOf(user);
      const { status, body } = await importArchive(user, archive);
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.applied, false);
      assert.equal(body.preview.source, "linkedin");
      assert.deepEqual(body.preview.fields.full_name, { status: "changed", old: "Zoe K", new: "Zoë Łódź-Kowalska" });
      assert.deepEqual(body.preview.projects.add.map((project: { name: string }) => project.name), [
        "Open Data Pipeline",
        "Home Lab",
        "Blog",
      ]);
      // The parser's warnings come through: the javascript: link was dropped, not imported.
      assert.ok(
        body.preview.warnings.some((warning: { file: string; code: string }) =>
          warning.file === "Projects.csv" && warning.code === "dropped_value"
        ),
      );
      assert.deepEqual(await profileOf(user), before);
      assert.deepEqual(await projectsOf(user), []);
    });

    await t.step("?apply=true writes the profile and the projects in one go", async () => {
      const { status, body } = await importArchive(user, archive, "?apply=true");
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.applied, true);
      assert.equal(body.profile.full_name, "Zoë Łódź-Kowalska");
      const saved = await profileOf(user);
      assert.equal(saved.headline, "Senior Data Engineer at Żabka | Python, Spark & dbt");
      assert.equal(saved.work_experience[0].name, "Żabka Tech");
      assert.deepEqual(saved.skills, ["Python", "Apache Spark", "SQL", "dbt"]);
      assert.deepEqual((await projectsOf(user)).map((project) => project.name), [
        "Blog",
        "Home Lab",
        "Open Data Pipeline",
      ]);
    });

    await t.step("an upload that is not a ZIP is 400 with the parser's reason", async () => {
      for (const bytes of [new TextEncoder().encode("this is not a zip"), new Uint8Array(0)]) {
        const { status, body } = await importArchive(user, bytes);
        assert.equal(status, 400, JSON.stringify(body));
        assert.equal(body.error.code, "validation_failed");
        assert.equal(body.error.details.reason, "not_a_zip");
      }
      const noProfile = await importArchive(user, zipOf({ "Skills.csv": "Name\nGo\n" }));
      assert.equal(noProfile.status, 400);
      assert.equal(noProfile.body.error.details.reason, "missing_profile");
      const badFlag = await importArchive(user, archive, "?apply=yes");
      assert.equal(badFlag.status, 400);
    });

    await t.step("an upload over 20 MiB is 413, declared or not", async () => {
      const tooLarge = new Uint8Array(MAX_ARCHIVE_BYTES + 1);
      const declared = await importArchive(user, tooLarge, "?apply=true", {
        "content-length": String(tooLarge.byteLength),
      });
      assert.equal(declared.status, 413);
      assert.equal(declared.body.error.code, "payload_too_large");
      // Streamed without a length: counted as it arrives.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let sent = 0; sent <= MAX_ARCHIVE_BYTES; sent += 1024 * 1024) {
            controller.enqueue(new Uint8Array(1024 * 1024));
          }
          controller.close();
        },
      });
      const streamed = await importArchive(user, stream, "?apply=true");
      assert.equal(streamed.status, 413);
    });

    await t.step("unauthenticated: 401", async () => {
      const { status, body } = await importArchive(null, archive, "?apply=true");
      assert.equal(status, 401);
      assert.equal(body.error.code, "unauthorized");
    });
  } finally {
    await deleteUser(user);
    await closePool();
  }
});
