// iCalendar (RFC 5545) rendering: pure, no I/O. Times are written in UTC ("Z" form), which is exact
// for every time zone without shipping VTIMEZONE definitions; the interview's own zone is named in
// the description so people see what was agreed.

export interface CalendarEntry {
  /** Stable across fetches, so calendar apps update instead of duplicating. */
  uid: string;
  start: Date;
  durationMinutes: number;
  summary: string;
  description?: string;
  location?: string;
  /** When the entry was last written (DTSTAMP). */
  stamp: Date;
  /** Revision number (RFC 5545 SEQUENCE): how many times the event was changed. */
  sequence?: number;
  /** Published as STATUS:CANCELLED, so subscribed calendars drop or strike the event. */
  cancelled?: boolean;
}

const CRLF = "\r\n";

function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

/** TEXT escaping (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let currentBytes = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = "";
      currentBytes = 0;
    }
    current += char;
    currentBytes += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export function renderCalendar(name: string, entries: readonly CalendarEntry[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Jobtrail//Application pipeline//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const entry of entries) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${entry.uid}`,
      `DTSTAMP:${utc(entry.stamp)}`,
      `DTSTART:${utc(entry.start)}`,
      `DURATION:PT${Math.max(1, Math.round(entry.durationMinutes))}M`,
      `SUMMARY:${escapeText(entry.summary)}`,
    );
    if (entry.sequence) lines.push(`SEQUENCE:${Math.max(0, Math.floor(entry.sequence))}`);
    if (entry.cancelled) lines.push("STATUS:CANCELLED");
    if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
    if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
