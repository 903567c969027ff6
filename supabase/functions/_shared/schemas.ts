// zod schemas shared by several functions, mirroring the database's enums and limits.
import { z } from "zod";

export const applicationStatus = z.enum([
  "draft",
  "applied",
  "interviewing",
  "offered",
  "accepted",
  "declined",
  "rejected",
  "withdrawn",
]);
export type ApplicationStatus = z.infer<typeof applicationStatus>;

export const interviewKind = z.enum(["phone", "video", "onsite", "take_home"]);

/** An ISO 8601 date-time, with an offset (an instant) or without (a wall-clock time in some zone). */
export const dateTime = z.union([
  z.iso.datetime({ offset: true }),
  z.iso.datetime({ local: true }),
]);
