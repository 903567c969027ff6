// GET /functions/v1/calendar: the caller's interviews and follow-ups as an iCalendar feed.
// Calendar apps cannot send headers, so besides a user's JWT it accepts ?token=<feed token>
// (issued by rotate_calendar_token(); only its hash is stored). An unknown token is a plain 404.
import { type Caller, requireUser, serviceRoleCaller } from "../_shared/auth.ts";
import { withCaller } from "../_shared/db.ts";
import { sha256Hex } from "../_shared/log.ts";
import { corsHeaders, createHandler } from "../_shared/http.ts";
import { renderCalendar } from "../_shared/ical.ts";
import { fail, ok, type Result } from "../_shared/result.ts";
import { followUpEntry, followUpRow, interviewEntry, interviewRow } from "./entries.ts";

async function callerFromToken(token: string): Promise<Result<Caller>> {
  if (!/^[0-9a-f]{64}$/.test(token)) return fail("not_found", "No calendar feed has this address.");
  const hash = await sha256Hex(token);
  const userId = await withCaller(serviceRoleCaller, async (tx) => {
    const { rows } = await tx.query("select user_id from public.calendar_feeds where token_hash = $1", [hash]);
    return rows[0]?.user_id as string | undefined;
  });
  if (!userId) return fail("not_found", "No calendar feed has this address.");
  // From here on the feed is read as its owner, under RLS like any request of theirs.
  return ok({ role: "authenticated", userId, claims: { sub: userId, role: "authenticated", aud: "authenticated" } });
}

export const handler = createHandler("calendar", {
  methods: ["GET"],
  async handle(request) {
    const token = new URL(request.url).searchParams.get("token");
    const caller = token !== null ? await callerFromToken(token) : await requireUser(request);
    if (!caller.ok) return caller;

    const entries = await withCaller(caller.value, async (tx) => {
      // One entry per interview series, as it stands (moved or cancelled ones included, so calendar
      // apps update the entry they have).
      const interviews = await tx.query(
        `select i.series_id, i.scheduled_at, i.time_zone, i.kind, i.location, i.with_whom, i.duration_minutes, i.note,
                i.is_cancelled, i.changes, i.changed_at, j.title, j.company
           from public.interview_schedule i
           join public.applications a on a.id = i.application_id
           join public.jobs j on j.id = a.job_id
          where i.scheduled_at > now() - interval '180 days'
          order by i.scheduled_at`,
      );
      const followUps = await tx.query(
        `select a.id as application_id, j.title, j.company, a.follow_up_at, a.updated_at
           from public.applications a
           join public.jobs j on j.id = a.job_id
          where a.follow_up_at is not null and a.status in ('applied', 'interviewing', 'offered')
          order by a.follow_up_at`,
      );
      return [
        ...interviews.rows.map((row: unknown) => interviewEntry(interviewRow.parse(row))),
        ...followUps.rows.map((row: unknown) => followUpEntry(followUpRow.parse(row))),
      ];
    });

    return ok(
      new Response(renderCalendar("Jobtrail: interviews and follow-ups", entries), {
        headers: {
          ...corsHeaders,
          "content-type": "text/calendar; charset=utf-8",
          "cache-control": "private, max-age=300",
        },
      }),
    );
  },
});
