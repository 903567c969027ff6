// POST /functions/v1/application-status: moves an application through the pipeline (optionally
// scheduling an interview with the move) and returns it with its timeline. One transaction, as the
// caller; the database enforces the state machine and ownership.
import { z } from "zod";
import { requireUser } from "../_shared/auth.ts";
import { withCaller } from "../_shared/db.ts";
import { createHandler, json, readJson } from "../_shared/http.ts";
import { catchPostgres } from "../_shared/pg-errors.ts";
import { ok } from "../_shared/result.ts";
import { applicationStatus, dateTime, interviewKind } from "../_shared/schemas.ts";

const interview = z.strictObject({
  /** With an offset it is an instant; without, a wall-clock time in time_zone ("2026-12-01T10:00:00"). */
  scheduled_at: dateTime,
  time_zone: z.string().min(1).max(64),
  kind: interviewKind,
  location: z.string().trim().max(500).optional(),
  with: z.string().trim().max(500).optional(),
  duration_minutes: z.int().min(5).max(600).optional(),
  note: z.string().trim().max(5000).optional(),
});

/** Unknown fields are rejected (400), so a typo never silently drops data. */
export const requestSchema = z.strictObject({
  application_id: z.uuid(),
  to_status: applicationStatus,
  /** The status the client shows; a concurrent change makes the move fail with 409 conflict. */
  expected_status: applicationStatus,
  note: z.string().trim().min(1).max(5000).optional(),
  occurred_at: z.iso.datetime({ offset: true }).optional(),
  interview: interview.optional(),
});
export type ApplicationStatusRequest = z.infer<typeof requestSchema>;

export const handler = createHandler("application-status", {
  methods: ["POST"],
  async handle(request) {
    const caller = await requireUser(request);
    if (!caller.ok) return caller;
    const input = await readJson(request, requestSchema);
    if (!input.ok) return input;
    const move = input.value;

    return await catchPostgres(() =>
      withCaller(caller.value, async (tx) => {
        await tx.query("select public.transition_application($1, $2, $3, coalesce($4::timestamptz, now()), $5)", [
          move.application_id,
          move.to_status,
          move.note ?? null,
          move.occurred_at ?? null,
          move.expected_status,
        ]);
        if (move.interview) {
          const { scheduled_at, time_zone, kind, location, with: withWhom, duration_minutes, note } = move.interview;
          await tx.query(
            `select public.schedule_interview(
               $1,
               case when $2 ~ '(Z|[+-]\\d\\d(:?\\d\\d)?)$' then $2::timestamptz else ($2::timestamp at time zone $3) end,
               $3, $4, $5, $6, coalesce($7, 60), $8)`,
            [
              move.application_id,
              scheduled_at,
              time_zone,
              kind,
              location ?? null,
              withWhom ?? null,
              duration_minutes ?? null,
              note ?? null,
            ],
          );
        }
        const { rows } = await tx.query(
          `select to_jsonb(a) as application,
                  coalesce((select jsonb_agg(to_jsonb(e) order by e.occurred_at, e.created_at)
                              from public.application_events e where e.application_id = a.id), '[]') as timeline
             from public.applications a where a.id = $1`,
          [move.application_id],
        );
        return ok(json(rows[0]));
      })
    );
  },
});
