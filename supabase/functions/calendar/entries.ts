// Turns a user's interviews and follow-ups (rows read under RLS) into calendar entries.
import { z } from "zod";
import type { CalendarEntry } from "../_shared/ical.ts";

const interviewKindLabel: Record<string, string> = {
  phone: "Phone interview",
  video: "Video interview",
  onsite: "On-site interview",
  take_home: "Take-home assignment",
};

export const interviewRow = z.object({
  series_id: z.string(),
  title: z.string(),
  company: z.string(),
  scheduled_at: z.coerce.date(),
  time_zone: z.string(),
  kind: z.string(),
  location: z.string().nullable(),
  with_whom: z.string().nullable(),
  duration_minutes: z.number(),
  note: z.string().nullable(),
  is_cancelled: z.boolean(),
  changes: z.number(),
  changed_at: z.coerce.date(),
});
export type InterviewRow = z.infer<typeof interviewRow>;

export const followUpRow = z.object({
  application_id: z.string(),
  title: z.string(),
  company: z.string(),
  follow_up_at: z.coerce.date(),
  updated_at: z.coerce.date(),
});
export type FollowUpRow = z.infer<typeof followUpRow>;

function wallClock(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone }).format(date);
}

export function interviewEntry(row: InterviewRow): CalendarEntry {
  const description = [
    `${row.title} at ${row.company}`,
    `${wallClock(row.scheduled_at, row.time_zone)} (${row.time_zone})`,
    row.with_whom ? `With: ${row.with_whom}` : undefined,
    row.note ?? undefined,
  ].filter(Boolean).join("\n");
  const label = `${interviewKindLabel[row.kind] ?? "Interview"}: ${row.title} at ${row.company}`;
  return {
    // The series' first event: a moved or cancelled interview updates the entry calendars already have.
    uid: `interview-${row.series_id}@jobtrail`,
    start: row.scheduled_at,
    durationMinutes: row.duration_minutes,
    summary: row.is_cancelled ? `Cancelled: ${label}` : label,
    location: row.location ?? undefined,
    description,
    stamp: row.changed_at,
    sequence: row.changes,
    cancelled: row.is_cancelled,
  };
}

export function followUpEntry(row: FollowUpRow): CalendarEntry {
  return {
    // One follow-up per application at a time: moving the date updates the same entry.
    uid: `follow-up-${row.application_id}@jobtrail`,
    start: row.follow_up_at,
    durationMinutes: 15,
    summary: `Follow up: ${row.title} at ${row.company}`,
    description: `Follow up on your application for ${row.title} at ${row.company}.`,
    stamp: row.updated_at,
  };
}
