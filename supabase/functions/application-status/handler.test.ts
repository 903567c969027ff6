import assert from "node:assert/strict";
import { closePool } from "../_shared/db.ts";
import {
  adminQuery,
  createApplication,
  createSharedJob,
  createUser,
  deleteUser,
  mintToken,
  postJson,
  request,
  type TestUser,
} from "../_shared/testing.ts";
import { handler } from "./handler.ts";

interface TimelineEntry {
  kind: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  details: { scheduled_at?: string; time_zone?: string };
}

interface MoveBody {
  application: { status: string; applied_at: string; follow_up_at: string };
  timeline: TimelineEntry[];
  error: { code: string; message: string; details: { current_status?: string } };
}

const move = (user: TestUser, body: unknown) => postJson<MoveBody>(handler, "application-status", user.token, body);

async function snapshot(applicationId: string) {
  const [row] = await adminQuery<{ status: string; events: number }>(
    `select a.status, (select count(*)::int from public.application_events e where e.application_id = a.id) as events
       from public.applications a where a.id = $1`,
    [applicationId],
  );
  return row;
}

Deno.test("application-status", async (t) => {
  const user = await createUser("Maya Test");
  const stranger = await createUser("Someone Else");
  try {
    await t.step("moves applied -> interviewing with an interview on Tuesday 10:00 Europe/Berlin", async () => {
      const applicationId = await createApplication(user, await createSharedJob(), "applied");
      const { status, body } = await move(user, {
        application_id: applicationId,
        to_status: "interviewing",
        expected_status: "applied",
        note: "Recruiter called back",
        interview: {
          scheduled_at: "2026-12-01T10:00:00",
          time_zone: "Europe/Berlin",
          kind: "video",
          location: "https://meet.example.com/abc",
          with: "Hiring manager",
        },
      });
      assert.equal(status, 200);
      assert.equal(body.application.status, "interviewing");
      const kinds = body.timeline.map((event) => event.kind);
      assert.deepEqual(kinds.slice(-2).sort(), ["interview", "status_change"]);
      const interview = body.timeline.find((event) => event.kind === "interview");
      assert.ok(interview);
      // 10:00 in Berlin in December (CET, UTC+1) is 09:00 UTC.
      assert.equal(new Date(interview.details.scheduled_at ?? "").toISOString(), "2026-12-01T09:00:00.000Z");
      assert.equal(interview.details.time_zone, "Europe/Berlin");
      const change = body.timeline.findLast((event) => event.kind === "status_change");
      assert.ok(change);
      assert.deepEqual([change.from_status, change.to_status, change.note], [
        "applied",
        "interviewing",
        "Recruiter called back",
      ]);
    });

    await t.step("entering applied sets applied_at and proposes a follow-up 7 days later", async () => {
      const applicationId = await createApplication(user, await createSharedJob());
      const { status, body } = await move(user, {
        application_id: applicationId,
        to_status: "applied",
        expected_status: "draft",
        occurred_at: "2026-11-20T12:00:00Z",
      });
      assert.equal(status, 200);
      assert.equal(new Date(body.application.applied_at).toISOString(), "2026-11-20T12:00:00.000Z");
      assert.equal(new Date(body.application.follow_up_at).toISOString(), "2026-11-27T12:00:00.000Z");
    });

    await t.step("an illegal move is 409 illegal_transition naming both states, and changes nothing", async () => {
      const applicationId = await createApplication(user, await createSharedJob());
      const before = await snapshot(applicationId);
      const { status, body } = await move(user, {
        application_id: applicationId,
        to_status: "accepted",
        expected_status: "draft",
      });
      assert.equal(status, 409);
      assert.equal(body.error.code, "illegal_transition");
      assert.match(body.error.message, /from draft to accepted/);
      assert.deepEqual(await snapshot(applicationId), before);
    });

    await t.step("a stale expected_status is 409 conflict", async () => {
      const applicationId = await createApplication(user, await createSharedJob(), "interviewing");
      const { status, body } = await move(user, {
        application_id: applicationId,
        to_status: "rejected",
        expected_status: "applied",
      });
      assert.equal(status, 409);
      assert.equal(body.error.code, "conflict");
      assert.equal(body.error.details.current_status, "interviewing");
    });

    await t.step("another user's application is 404 and stays as it was", async () => {
      const applicationId = await createApplication(stranger, await createSharedJob(), "applied");
      const before = await snapshot(applicationId);
      const { status, body } = await move(user, {
        application_id: applicationId,
        to_status: "withdrawn",
        expected_status: "applied",
      });
      assert.equal(status, 404);
      assert.equal(body.error.code, "not_found");
      assert.deepEqual(await snapshot(applicationId), before);
    });

    await t.step("an interview with an unknown time zone rolls the whole move back", async () => {
      const applicationId = await createApplication(user, await createSharedJob(), "applied");
      const before = await snapshot(applicationId);
      const { status, body } = await move(user, {
        application_id: applicationId,
        to_status: "interviewing",
        expected_status: "applied",
        interview: { scheduled_at: "2026-12-01T10:00:00", time_zone: "Mars/Olympus_Mons", kind: "onsite" },
      });
      assert.equal(status, 400);
      assert.equal(body.error.code, "validation_failed");
      assert.deepEqual(await snapshot(applicationId), before);
    });

    await t.step("malformed, incomplete, mistyped and unknown-field bodies are 400", async () => {
      const applicationId = await createApplication(user, await createSharedJob());
      const cases: Array<[unknown, string]> = [
        [{ application_id: applicationId }, "validation_failed"],
        [{ application_id: 42, to_status: "applied", expected_status: "draft" }, "validation_failed"],
        [{ application_id: applicationId, to_status: "hired", expected_status: "draft" }, "validation_failed"],
        [
          { application_id: applicationId, to_status: "applied", expected_status: "draft", status: "x" },
          "validation_failed",
        ],
        [[], "validation_failed"],
        [null, "validation_failed"],
      ];
      for (const [body, code] of cases) {
        const result = await move(user, body);
        assert.equal(result.status, 400, JSON.stringify(body));
        assert.equal(result.body.error.code, code);
      }
      const raw = await handler(
        request("application-status", {
          method: "POST",
          token: user.token,
          headers: { "content-type": "application/json" },
          body: "{not json",
        }),
      );
      assert.equal(raw.status, 400);
      assert.equal((await raw.json()).error.code, "invalid_json");
      assert.equal((await snapshot(applicationId)).events, 0);
    });

    await t.step("a 1 MB body is 413", async () => {
      const response = await handler(
        request("application-status", {
          method: "POST",
          token: user.token,
          json: { note: "x".repeat(1024 * 1024) },
        }),
      );
      assert.equal(response.status, 413);
      assert.equal((await response.json()).error.code, "payload_too_large");
    });

    await t.step("forged, expired and unsigned tokens are 401", async () => {
      const claims = { sub: user.id, role: "authenticated", aud: "authenticated" };
      const forged = await mintToken(claims, { secret: "another-secret-that-is-long-enough-to-sign-with" });
      const expired = await mintToken(claims, { expiresIn: Math.floor(Date.now() / 1000) - 10 });
      const encode = (value: unknown) =>
        btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
      const unsigned = `${encode({ alg: "none" })}.${encode({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 })}.`;
      for (const token of [forged, expired, unsigned]) {
        const response = await handler(request("application-status", { method: "POST", token, json: {} }));
        assert.equal(response.status, 401);
        assert.equal((await response.json()).error.code, "unauthorized");
      }
    });
  } finally {
    await deleteUser(user);
    await deleteUser(stranger);
    await closePool();
  }
});
