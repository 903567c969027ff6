// HTML handling for imports, on htmlparser2 (the parser behind cheerio: fast, forgiving with the
// broken markup job pages are full of, and it decodes entities the way browsers do). Text always
// comes from a parsed DOM that is walked, never from regexes over markup; the few regexes here
// only decide how to parse (is this markup at all? escaped once more? nested absurdly deep?).
//
// - decodeHtmlBytes(): bytes + declared charset -> string, with the browser's precedence
//   (BOM, then the HTTP header, then <meta charset> in the first 1024 bytes, then UTF-8).
// - htmlToLines()/htmlToText(): readable text; paragraphs, headings and list items become lines,
//   scripts, styles and other non-content dropped, whitespace collapsed.
// - extractJsonLd(): every <script type="application/ld+json"> block, parsed leniently.
import { type ChildNode, type Document, type Element, isTag, isText } from "domhandler";
import { decodeHTML } from "entities";
import { parseDocument, Parser } from "htmlparser2";

// ---------------------------------------------------------------------------------------------
// Character sets

/** A WHATWG encoding label Deno's TextDecoder accepts, or null. */
function supportedEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label.trim().replace(/^["']|["']$/g, "")).encoding;
    // A page that says it is UTF-16 in ASCII-compatible bytes is lying; browsers use UTF-8 then.
    return encoding.startsWith("utf-16") ? "utf-8" : encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  for (const parameter of contentType.split(";").slice(1)) {
    const [name, ...rest] = parameter.split("=");
    if (name.trim().toLowerCase() === "charset") return rest.join("=").trim().replace(/^["']|["']$/g, "") || null;
  }
  return null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

/** <meta charset> or <meta http-equiv=content-type content="...; charset=..."> in the first 1024 bytes. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  // Every encoding a page may declare this way is ASCII-compatible, so windows-1252 reads the tags.
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 1024));
  let found: string | null = null;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (found !== null || name !== "meta") return;
      if (attributes.charset) found = attributes.charset;
      else if (attributes["http-equiv"]?.toLowerCase() === "content-type") {
        found = charsetFromContentType(`x/x; ${attributes.content?.split(";").slice(1).join(";") ?? ""}`);
      }
    },
  });
  parser.write(head);
  parser.end();
  return found;
}

/**
 * Decodes a fetched page. A BOM wins, then the charset from the HTTP Content-Type, then the
 * page's own <meta> declaration, then UTF-8; unknown labels are skipped. Never throws: bytes
 * that do not fit the encoding become U+FFFD.
 */
export function decodeHtmlBytes(bytes: Uint8Array, declaredCharset?: string | null): string {
  const encoding = bomEncoding(bytes) ?? supportedEncoding(declaredCharset) ??
    supportedEncoding(sniffMetaCharset(bytes)) ??
    "utf-8";
  // TextDecoder strips the BOM itself (ignoreBOM defaults to false).
  return new TextDecoder(encoding).decode(bytes);
}

// ---------------------------------------------------------------------------------------------
// Parsing and text

/**
 * Browsers cap DOM depth (Chrome at 512); so do we, for a reason of our own: htmlparser2 keeps
 * its open-element stack with Array.unshift, so parsing costs O(tags x depth), and 2 MB of
 * "<b>" would take minutes. Pages deeper than this are flattened before parsing.
 */
export const MAX_NESTING = 1000;

const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>/y;

/**
 * A linear pre-pass (a resource guard, not the parser) that estimates nesting and, past
 * maxDepth, drops the excess opening tags and their closing tags so the text stays and the tree
 * stops growing deeper. The estimate never undercounts: it ignores implied closes, so it only
 * errs towards flattening markup that is already pathological. Script and style bodies and
 * comments are skipped, so JSON-LD is left alone. Returns the input itself when within bounds.
 */
export function limitNesting(html: string, maxDepth = MAX_NESTING): string {
  const lower = html.toLowerCase();
  const drops: Array<[number, number]> = [];
  let depth = 0;
  let excess = 0;
  let i = 0;
  while ((i = html.indexOf("<", i)) !== -1) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    TAG.lastIndex = i;
    const match = TAG.exec(html);
    if (!match) {
      i += 1;
      continue;
    }
    const end = i + match[0].length;
    const name = match[2].toLowerCase();
    if (match[1] === "/") {
      if (excess > 0) {
        excess -= 1;
        drops.push([i, end]);
      } else if (depth > 0) depth -= 1;
    } else if (RAW_TEXT.has(name)) {
      const close = lower.indexOf(`</${name}`, end);
      i = close === -1 ? html.length : close;
      continue;
    } else if (!VOID_ELEMENTS.has(name) && !match[0].endsWith("/>")) {
      if (depth >= maxDepth) {
        excess += 1;
        drops.push([i, end]);
      } else depth += 1;
    }
    i = end;
  }
  if (drops.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of drops) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return parts.join("");
}

export function parseHtml(html: string): Document {
  return parseDocument(limitNesting(html), {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
}

/** Elements whose content is never readable text. */
const SKIPPED = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "canvas",
  "select",
  "button",
  "input",
  "textarea",
]);

/** Blocks separated from their neighbours by a blank line. */
const PARAGRAPHS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "dl",
  "table",
  "blockquote",
  "pre",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "figure",
  "form",
  "fieldset",
  "address",
  "hr",
]);

/** Blocks that start and end a line but need no blank line around them. */
const LINES = new Set(["div", "li", "dt", "dd", "tr", "caption", "figcaption", "summary", "details", "center"]);

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const EMPHASIS = new Set(["strong", "b"]);

export interface TextLine {
  text: string;
  /** An <h1>-<h6>, or a short line that is bold from end to end (how many boards mark sections). */
  heading: boolean;
  /** A list item. */
  item: boolean;
}

interface LineState {
  parts: string[];
  /** A list marker ("- ", "2. ") waiting for the item's first text, which may sit in a nested <p>. */
  prefix: string;
  boldChars: number;
  plainChars: number;
  heading: boolean;
  item: boolean;
}

/** Characters that carry no text but survive entity decoding (zero-width spaces, BOM, soft hyphen). */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

const emptyLine = (): LineState => ({
  parts: [],
  prefix: "",
  boldChars: 0,
  plainChars: 0,
  heading: false,
  item: false,
});

/**
 * Walks the DOM iteratively (a page nested 100,000 levels deep must not overflow the stack) and
 * emits lines. Inline whitespace collapses as browsers render it; <pre> keeps its own.
 */
export function nodesToLines(nodes: readonly ChildNode[]): TextLine[] {
  const lines: TextLine[] = [];
  let line = emptyLine();
  let pendingBlank = false;
  let preDepth = 0;
  let boldDepth = 0;
  let itemDepth = 0;
  const lists: Array<{ ordered: boolean; count: number }> = [];

  const flush = () => {
    const raw = line.parts.join("");
    const text = preDepth > 0
      ? raw.replace(/[ \t]+$/gm, "").replace(/^\n+|\n+$/g, "")
      : raw.replace(/\s+/g, " ").trim();
    if (text === "") {
      // Nothing to show yet: keep a list marker for the item's first real line.
      line = { ...emptyLine(), prefix: line.prefix, item: line.item };
      return;
    }
    if (pendingBlank && lines.length > 0) lines.push({ text: "", heading: false, item: false });
    const bold = line.plainChars === 0 && line.boldChars > 0 && text.length <= 80;
    const heading = line.heading || (bold && !line.item);
    text.split("\n").forEach((piece, index) => {
      lines.push({ text: index === 0 ? line.prefix + piece : piece, heading, item: line.item });
    });
    pendingBlank = false;
    line = emptyLine();
  };
  // Inside a list item, paragraphs are lines: a blank line would split the item in two.
  const paragraph = () => {
    flush();
    if (itemDepth === 0) pendingBlank = true;
  };

  type Frame = { node: ChildNode; exit: boolean };
  const stack: Frame[] = [...nodes].reverse().map((node) => ({ node, exit: false }));
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (isText(node)) {
      const data = node.data.replace(INVISIBLE, "");
      line.parts.push(data);
      const visible = data.replace(/\s+/g, "").length;
      if (boldDepth > 0) line.boldChars += visible;
      else line.plainChars += visible;
      continue;
    }
    if (!isTag(node)) continue; // comments, CDATA, processing instructions
    const name = node.name;
    if (SKIPPED.has(name)) continue;

    if (exit) {
      if (HEADINGS.has(name)) line.heading = true;
      if (PARAGRAPHS.has(name)) paragraph();
      else if (LINES.has(name)) flush();
      else if (name === "td" || name === "th") line.parts.push(" ");
      // Counters change after the flush, so the closing block's last line is judged in context.
      if (name === "pre") preDepth -= 1;
      if (EMPHASIS.has(name)) boldDepth -= 1;
      if (name === "li") {
        itemDepth -= 1;
        line.prefix = ""; // an empty item must not lend its marker to what follows the list
        line.item = false;
      }
      if (name === "ul" || name === "ol") lists.pop();
      continue;
    }

    if (name === "br") {
      if (preDepth > 0) line.parts.push("\n");
      else flush();
      continue;
    }
    if (PARAGRAPHS.has(name)) paragraph();
    else if (LINES.has(name)) flush();
    if (name === "pre") preDepth += 1;
    if (EMPHASIS.has(name)) boldDepth += 1;
    if (name === "ul" || name === "ol") lists.push({ ordered: name === "ol", count: 0 });
    if (name === "li") {
      itemDepth += 1;
      const list = lists.at(-1);
      if (list) list.count += 1;
      const indent = "  ".repeat(Math.max(0, lists.length - 1));
      line.prefix = list?.ordered ? `${indent}${list.count}. ` : `${indent}- `;
      line.item = true;
    }
    stack.push({ node, exit: true });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], exit: false });
  }
  flush();
  return lines;
}

/** HTML that arrived escaped once more ("&lt;p&gt;Hello&lt;/p&gt;", as Greenhouse sends it). */
export function looksEscaped(html: string): boolean {
  return !/<[a-z!/]/i.test(html) && /&lt;\/?[a-z]/i.test(html);
}

/** Markup present: an element tag, a comment or a doctype. */
function hasMarkup(value: string): boolean {
  // Every part stops at the next "<" or ">", so this stays linear on hostile input.
  return /<[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[a-z][a-z0-9-]*\s*>|<!--|<!doctype/i.test(value);
}

/**
 * Plain text (a descriptionPlain, a JSON-LD description without tags) keeps its line breaks:
 * blank lines become paragraphs and single breaks lines. Entities in it are still decoded by
 * the parser, and a stray "<" cannot open a tag because it is escaped first.
 */
function plainToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => `<p>${paragraph.replace(/</g, "&lt;").replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** Lines of an HTML fragment or page; escaped HTML is unescaped first, plain text keeps its lines. */
export function htmlToLines(html: string): TextLine[] {
  const source = looksEscaped(html) ? decodeHTML(html) : html;
  return nodesToLines(parseHtml(hasMarkup(source) ? source : plainToHtml(source)).children);
}

export function linesToText(lines: readonly TextLine[]): string {
  return lines.map((line) => line.text).join("\n").trim();
}

/** Clean text of an HTML fragment or page: one line per paragraph, heading or list item. */
export function htmlToText(html: string): string {
  return linesToText(htmlToLines(html));
}

/** One line of text from a value that may hold markup or entities (titles, names, places). */
export function inlineText(value: string): string {
  return htmlToText(value).replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------
// Finding things in a page

function* elements(root: Document): Generator<Element> {
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

function textContent(element: Element): string {
  return element.children.map((child) => (isText(child) ? child.data : "")).join("");
}

/** The page's <base href>, which relative URLs in it resolve against (resolved itself against the page URL). */
export function baseUrl(document: Document, pageUrl: string): string {
  for (const element of elements(document)) {
    const href = element.name === "base" ? element.attribs.href : undefined;
    if (href && URL.canParse(href, pageUrl)) return new URL(href, pageUrl).href;
  }
  return pageUrl;
}

/**
 * JSON.parse that accepts what real pages put in JSON-LD blocks: HTML comment or CDATA wrappers,
 * raw line breaks and tabs inside strings (invalid JSON, common in CMS output), a trailing ";".
 */
export function parseJsonLenient(raw: string): { ok: true; value: unknown } | { ok: false } {
  const attempts = [raw];
  const unwrapped = raw
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, "")
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/, "")
    .trim()
    .replace(/;$/, "");
  // Raw control characters are only legal as whitespace between tokens, where a space is equally
  // good; inside strings they are illegal, and a space is what the author meant.
  // deno-lint-ignore no-control-regex -- matching raw control characters is the point here
  attempts.push(unwrapped, unwrapped.replace(/[\u0000-\u001f]/g, " "));
  for (const attempt of attempts) {
    try {
      return { ok: true, value: JSON.parse(attempt) };
    } catch {
      // try the next, more forgiving reading
    }
  }
  return { ok: false };
}

export interface JsonLdBlocks {
  blocks: unknown[];
  /** Blocks that were not JSON even after the lenient fixes. */
  unreadable: number;
}

export function extractJsonLd(document: Document): JsonLdBlocks {
  const blocks: unknown[] = [];
  let unreadable = 0;
  for (const element of elements(document)) {
    if (element.name !== "script") continue;
    const type = (element.attribs.type ?? "").split(";")[0].trim().toLowerCase();
    if (type !== "application/ld+json") continue;
    const parsed = parseJsonLenient(textContent(element));
    if (parsed.ok) blocks.push(parsed.value);
    else unreadable += 1;
  }
  return { blocks, unreadable };
}
