import assert from "node:assert/strict";
import ICAL from "ical.js";
import { closePool } from "../_shared/db.ts";
import {
  createApplication,
  createSharedJob,
  createUser,
  deleteUser,
  queryAsUser,
  request,
  type TestUser,
} from "../_shared/testing.ts";
import { handler } from "./handler.ts";

interface ParsedEvent {
  uid: string;
  start: string;
  summary: string;
  sequence: number;
  status: string | null;
}

function parse(ics: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      summary: event.summary,
      sequence: event.sequence,
      status: (component.getFirstPropertyValue("status") as string | null) ?? null,
    };
  }).sort((a, b) => a.uid.localeCompare(b.uid));
}

async function feed(
  init: { token?: string; feedToken?: string },
): Promise<{ status: number; type: string; text: string }> {
  const path = init.feedToken === undefined ? "calendar" : `calendar?token=${encodeURIComponent(init.feedToken)}`;
  const response = await handler(request(path, { token: init.token }));
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

async function rotate(user: TestUser): Promise<string> {
  const [row] = await queryAsUser<{ token: string }>(user, "select public.rotate_calendar_token() as token");
  return row.token;
}

Deno.test("calendar feed", async (t) => {
  const user = await createUser("Calendar Owner");
  const stranger = await createUser("Calendar Stranger");
  try {
    const applicationId = await createApplication(user, await createSharedJob("Site Reliability Engineer"), "applied");
    // Winter and summer interviews in Berlin: 10:00 local is 09:00Z in December and 08:00Z in June.
    await queryAsUser(
      user,
      "select public.schedule_interview($1, '2026-12-01 10:00'::timestamp at time zone 'Europe/Berlin', 'Europe/Berlin', 'video', 'https://meet.example.com/sre', 'Priya (EM)')",
      [applicationId],
    );
    await queryAsUser(
      user,
      "select public.schedule_interview($1, '2027-06-01 10:00'::timestamp at time zone 'Europe/Berlin', 'Europe/Berlin', 'onsite', 'Alexanderplatz 1, Berlin')",
      [applicationId],
    );
    await queryAsUser(user, "select public.record_follow_up($1, 'Sent a note', now(), '2026-12-03T08:30:00Z')", [
      applicationId,
    ]);
    const strangerApplication = await createApplication(stranger, await createSharedJob("Stranger Role"), "applied");
    await queryAsUser(stranger, "select public.schedule_interview($1, now() + interval '1 day', 'UTC', 'phone')", [
      strangerApplication,
    ]);

    let events: ParsedEvent[] = [];
    await t.step(
      "with the user's JWT: interviews at the right instants and the follow-up, as text/calendar",
      async () => {
        const { status, type, text } = await feed({ token: user.token });
        assert.equal(status, 200);
        assert.match(type, /^text\/calendar/);
        events = parse(text);
        assert.equal(events.length, 3);
        const starts = events.map((event) => event.start).sort();
        assert.deepEqual(starts, ["2026-12-01T09:00:00.000Z", "2026-12-03T08:30:00.000Z", "2027-06-01T08:00:00.000Z"]);
        assert.ok(events.every((event) => event.summary.includes("Site Reliability Engineer")));
        assert.equal(events.filter((event) => event.uid === `follow-up-${applicationId}@jobtrail`).length, 1);
      },
    );

    await t.step("UIDs are stable between fetches", async () => {
      const again = parse((await feed({ token: user.token })).text);
      assert.deepEqual(again.map((event) => event.uid), events.map((event) => event.uid));
    });

    await t.step("with a feed token instead of a header: the same feed, and nothing of another user's", async () => {
      const token = await rotate(user);
      assert.match(token, /^[0-9a-f]{64}$/);
      const { status, text } = await feed({ feedToken: token });
      assert.equal(status, 200);
      assert.deepEqual(parse(text), events);
    });

    await t.step("rotating the token retires the old URL at once", async () => {
      const old = await rotate(user);
      const current = await rotate(user);
      assert.notEqual(old, current);
      assert.equal((await feed({ feedToken: old })).status, 404);
      assert.equal((await feed({ feedToken: current })).status, 200);
    });

    await t.step(
      "a moved interview keeps its UID with the new time and SEQUENCE 1; a cancelled one says so",
      async () => {
        const schedule = await queryAsUser<{ series_id: string; event_id: string; scheduled_at: Date }>(
          user,
          "select series_id, event_id, scheduled_at from public.interview_schedule order by scheduled_at",
        );
        const [winter, summer] = schedule;
        // Winter interview moved to 14:00 Berlin the next day (13:00Z); the summer one is cancelled.
        await queryAsUser(
          user,
          "select public.reschedule_interview($1, '2026-12-02 14:00'::timestamp at time zone 'Europe/Berlin')",
          [winter.event_id],
        );
        await queryAsUser(user, "select public.cancel_interview($1, 'They filled the role')", [summer.event_id]);

        const after = parse((await feed({ token: user.token })).text);
        assert.equal(after.length, 3, "still one entry per interview, and the follow-up");
        const moved = after.find((event) => event.uid === `interview-${winter.series_id}@jobtrail`);
        assert.ok(moved, "the moved interview keeps the UID calendars know");
        assert.equal(moved.start, "2026-12-02T13:00:00.000Z");
        assert.equal(moved.sequence, 1);
        assert.equal(moved.status, null);
        const cancelled = after.find((event) => event.uid === `interview-${summer.series_id}@jobtrail`);
        assert.ok(cancelled);
        assert.equal(cancelled.status, "CANCELLED");
        assert.equal(cancelled.sequence, 1);
        assert.equal(cancelled.start, "2027-06-01T08:00:00.000Z");
        assert.match(cancelled.summary, /^Cancelled: /);
      },
    );

    await t.step("unknown or malformed tokens are 404; no credentials at all is 401", async () => {
      assert.equal((await feed({ feedToken: "0".repeat(64) })).status, 404);
      assert.equal((await feed({ feedToken: "' or 1=1 --" })).status, 404);
      const anonymous = await feed({});
      assert.equal(anonymous.status, 401);
      assert.equal(JSON.parse(anonymous.text).error.code, "unauthorized");
    });
  } finally {
    await deleteUser(user);
    await deleteUser(stranger);
    await closePool();
  }
});
