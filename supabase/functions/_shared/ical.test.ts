import assert from "node:assert/strict";
import ICAL from "ical.js";
import { escapeText, foldLine, renderCalendar } from "./ical.ts";

Deno.test("text with commas, semicolons, backslashes and newlines round-trips through a real parser", () => {
  const summary = "Interview; round 2, with Zoë \\ the CTO\nBring: laptop";
  const ics = renderCalendar("Test", [{
    uid: "a@jobtrail",
    start: new Date("2026-12-01T09:00:00Z"),
    durationMinutes: 45,
    summary,
    stamp: new Date("2026-11-25T12:00:00Z"),
  }]);
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
  assert.equal(event.summary, summary);
  assert.equal(event.uid, "a@jobtrail");
  assert.equal(event.startDate.toJSDate().toISOString(), "2026-12-01T09:00:00.000Z");
  assert.equal(event.endDate.toJSDate().toISOString(), "2026-12-01T09:45:00.000Z");
});

Deno.test("long lines fold at 75 octets without splitting a UTF-8 character", () => {
  const line = `DESCRIPTION:${escapeText("Überprüfung der Präsentation für München ".repeat(6))}`;
  const folded = foldLine(line);
  for (const physical of folded.split("\r\n")) {
    assert.ok(new TextEncoder().encode(physical).length <= 75, physical);
  }
  assert.equal(folded.replace(/\r\n /g, ""), line);
});

Deno.test("every line ends with CRLF and the calendar has the required properties", () => {
  const ics = renderCalendar("Empty", []);
  assert.ok(ics.endsWith("\r\n"));
  assert.ok(!/[^\r]\n/.test(ics));
  const calendar = new ICAL.Component(ICAL.parse(ics));
  assert.equal(calendar.getFirstPropertyValue("version"), "2.0");
  assert.ok(calendar.getFirstPropertyValue("prodid"));
});
