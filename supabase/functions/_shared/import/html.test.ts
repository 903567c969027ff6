import assert from "node:assert/strict";
import {
  baseUrl,
  charsetFromContentType,
  decodeHtmlBytes,
  extractJsonLd,
  htmlToLines,
  htmlToText,
  inlineText,
  limitNesting,
  looksEscaped,
  parseHtml,
  parseJsonLenient,
  sniffMetaCharset,
} from "./html.ts";
import { readFixtureBytes } from "./fixtures.ts";

Deno.test("htmlToText: paragraphs, headings and list items become lines", () => {
  const html = `<div><h2>About&nbsp;us</h2><p>We build   <b>robots</b>
    for warehouses.</p><ul><li>Go</li><li><p>Rust</p></li></ul><ol><li>First</li><li>Second<ul><li>nested</li></ul></li></ol>
    <p>Line one<br>line two</p></div>`;
  assert.equal(
    htmlToText(html),
    [
      "About us",
      "",
      "We build robots for warehouses.",
      "",
      "- Go",
      "- Rust",
      "",
      "1. First",
      "2. Second",
      "  - nested",
      "",
      "Line one",
      "line two",
    ]
      .join("\n"),
  );
});

Deno.test("htmlToText: scripts, styles and other non-content are dropped", () => {
  const html = `<html><head><title>T</title><style>p{color:red}</style></head><body><script>alert("x")</script>
    <noscript>Enable JS</noscript><template><p>hidden</p></template><p>Visible</p><button>Apply</button><svg><text>chart</text></svg></body></html>`;
  assert.equal(htmlToText(html), "Visible");
});

Deno.test("htmlToText: entities decoded, invisible characters removed, <pre> kept", () => {
  assert.equal(
    htmlToText("<p>Caf&eacute; &amp; Bar &#8211; 5&nbsp;days&#x2F;week&#8203;</p>"),
    "Café & Bar – 5 days/week",
  );
  assert.equal(htmlToText("<pre>a  b\n  c</pre><p>d</p>"), "a  b\n  c\n\nd");
});

Deno.test("htmlToText: HTML escaped once more (Greenhouse) is unescaped first", () => {
  const escaped = "&lt;p&gt;We&amp;rsquo;re hiring&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;/ul&gt;";
  assert.equal(looksEscaped(escaped), true);
  assert.equal(htmlToText(escaped), "We’re hiring\n\n- Go");
  // Real markup that merely mentions &lt; is not unescaped.
  assert.equal(htmlToText("<p>a &lt;b&gt; tag</p>"), "a <b> tag");
});

Deno.test("htmlToText: plain text keeps its lines and paragraphs", () => {
  assert.equal(
    htmlToText("First line\nsecond line\n\nNew paragraph: 2 < 3 & 4 > 1"),
    "First line\nsecond line\n\nNew paragraph: 2 < 3 & 4 > 1",
  );
});

Deno.test("htmlToLines: marks headings (h1-h6 or bold-only lines) and list items", () => {
  const lines = htmlToLines(
    "<h3>Requirements</h3><p><strong>Nice to have</strong></p><p><b>Bold</b> then plain</p><ul><li><b>Bold item</b></li></ul>",
  );
  assert.deepEqual(
    lines.filter((line) => line.text !== "").map((line) => [line.text, line.heading, line.item]),
    [["Requirements", true, false], ["Nice to have", true, false], ["Bold then plain", false, false], [
      "- Bold item",
      false,
      true,
    ]],
  );
});

Deno.test("htmlToText: deeply nested markup does not overflow the stack", () => {
  const depth = 50_000;
  const html = "<div>".repeat(depth) + "deep" + "</div>".repeat(depth);
  assert.equal(htmlToText(html), "deep");
});

Deno.test("inlineText: one line from markup or entities", () => {
  assert.equal(inlineText("R&amp;D Engineer &ndash; <b>Platform</b>\n"), "R&D Engineer – Platform");
});

Deno.test("charset: header parameter, meta charset, http-equiv", () => {
  assert.equal(charsetFromContentType('text/html; charset="ISO-8859-1"'), "ISO-8859-1");
  assert.equal(charsetFromContentType("text/html"), null);
  assert.equal(sniffMetaCharset(new TextEncoder().encode('<html><head><meta charset="windows-1252">')), "windows-1252");
  assert.equal(
    sniffMetaCharset(
      new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'),
    ),
    "Shift_JIS",
  );
});

Deno.test("decodeHtmlBytes: BOM, then header, then meta, then UTF-8", () => {
  const cp1252 = readFixtureBytes("jsonld_windows1252.html");
  assert.match(decodeHtmlBytes(cp1252), /Grüße aus Zürich – €/, "meta charset=windows-1252");
  const latin1 = readFixtureBytes("jsonld_iso8859_1_header.html");
  assert.match(decodeHtmlBytes(latin1, "ISO-8859-1"), /Développeur·se/, "charset from the HTTP header");
  assert.doesNotMatch(decodeHtmlBytes(latin1), /Développeur/, "without a declaration the bytes are not UTF-8");
  assert.match(
    decodeHtmlBytes(readFixtureBytes("jsonld_shift_jis.html")),
    /バックエンドエンジニア/,
    "Shift_JIS via http-equiv",
  );
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("<p>é</p>")]);
  assert.equal(decodeHtmlBytes(bom, "windows-1252"), "<p>é</p>", "a BOM beats the header");
  assert.equal(decodeHtmlBytes(new TextEncoder().encode("é"), "no-such-charset"), "é", "unknown labels fall back");
});

Deno.test("extractJsonLd: every block, leniently; other scripts ignored", () => {
  const document = parseHtml(`
    <script type="application/ld+json">{"@type":"A"}</script>
    <script type="application/ld+json; charset=utf-8"><!-- {"@type":"B"} --></script>
    <script type="APPLICATION/LD+JSON">//<![CDATA[
      {"@type":"C"};
    //]]></script>
    <script type="application/ld+json">{"@type":"D","name":"line
break"}</script>
    <script type="application/ld+json">{ nope</script>
    <script type="text/javascript">{"@type":"E"}</script>`);
  const { blocks, unreadable } = extractJsonLd(document);
  assert.deepEqual(blocks.map((block) => (block as { "@type": string })["@type"]), ["A", "B", "C", "D"]);
  assert.equal(unreadable, 1);
  assert.deepEqual(parseJsonLenient("[1,2]"), { ok: true, value: [1, 2] });
});

Deno.test("baseUrl: <base href> resolved against the page", () => {
  assert.equal(baseUrl(parseHtml('<base href="/en/">'), "https://jobs.example/a/b"), "https://jobs.example/en/");
  assert.equal(baseUrl(parseHtml("<p>no base</p>"), "https://jobs.example/a/b"), "https://jobs.example/a/b");
});

Deno.test("limitNesting: past the cap, extra tags go and their text stays; JSON-LD is untouched", () => {
  assert.equal(limitNesting("<div><p>a</p></div>", 5), "<div><p>a</p></div>", "within bounds: the input itself");
  assert.equal(limitNesting("<div><div><div>x</div></div></div>", 2), "<div><div>x</div></div>");
  assert.equal(
    limitNesting("<b><br><img src=x><b>y</b></b>", 1),
    "<b><br><img src=x>y</b>",
    "void elements do not nest",
  );
  const script = `<script type="application/ld+json">{"d":"<div><div><div>"}</script>`;
  assert.equal(limitNesting(`<div>${script}</div>`, 1), `<div>${script}</div>`);
  assert.equal(limitNesting("<!-- <div><div> --><p>z</p>", 1), "<!-- <div><div> --><p>z</p>");
});
