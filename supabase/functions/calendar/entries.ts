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
  event_id: z.string(),
  title: z.string(),
  company: z.string(),
  note: z.string().nullable(),
  created_at: z.coerce.date(),
  details: z.object({
    scheduled_at: z.coerce.date(),
    time_zone: z.string(),
    kind: z.string(),
    location: z.string().optional(),
    with: z.string().optional(),
    duration_minutes: z.number().optional(),
  }),
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
  const { details } = row;
  const description = [
    `${row.title} at ${row.company}`,
    `${wallClock(details.scheduled_at, details.time_zone)} (${details.time_zone})`,
    details.with ? `With: ${details.with}` : undefined,
    row.note ?? undefined,
  ].filter(Boolean).join("\n");
  return {
    uid: `interview-${row.event_id}@jobtrail`,
    start: details.scheduled_at,
    durationMinutes: details.duration_minutes ?? 60,
    summary: `${interviewKindLabel[details.kind] ?? "Interview"}: ${row.title} at ${row.company}`,
    location: details.location,
    description,
    stamp: row.created_at,
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
