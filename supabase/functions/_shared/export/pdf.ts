// PDF export of a JSON Resume CV with pdf-lib (pure JavaScript, no native code, runs in Deno and
// the Edge Runtime). The PDF is built for applicant tracking systems as much as for people:
// - real text in a single column, drawn line by line in reading order, so the extracted text
//   reads name, headline, contact, then each section top to bottom;
// - standard section headings and one fact per line (see outline.ts), no tables, no images;
// - a standard font (Helvetica, nothing embedded) by default, or a Unicode TrueType font the
//   caller supplies (fonts.ts ships one from npm) when the CV has text beyond Windows-1252;
// - no object streams, which some older parsers cannot read.
// Characters the font cannot draw are transliterated or dropped and reported, never thrown on.
import { type Color, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { z } from "zod";
import { fail, ok, type Result } from "../result.ts";
import type { Resume } from "../tailoring/resume.ts";
import { type Block, buildOutline, exportFileName, type Outline, OutlineOptionsSchema } from "./outline.ts";
import { fitToCharset } from "./transliterate.ts";

export const PDF_CONTENT_TYPE = "application/pdf";

/** Page sizes in PDF points (1/72 inch). */
export const PAGE_SIZES = { A4: [595.28, 841.89], Letter: [612, 792] } as const;

// Any Uint8Array, whatever buffer backs it (z.instanceof would narrow the type to ArrayBuffer).
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, "expected font bytes");

export const PdfOptionsSchema = OutlineOptionsSchema.extend({
  pageSize: z.enum(["A4", "Letter"]).default("A4"),
  /** TrueType/OpenType fonts to embed instead of Helvetica (see fonts.ts). */
  fonts: z.object({ regular: bytes, bold: bytes }).optional(),
  /** BCP 47 language of the CV, for screen readers and text extraction. */
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).default("en"),
  /** Creation date written into the metadata; left out when absent so equal input gives equal bytes. */
  createdAt: z.date().optional(),
});
export type PdfOptions = z.input<typeof PdfOptionsSchema>;
export type PdfFonts = NonNullable<z.output<typeof PdfOptionsSchema>["fonts"]>;

export interface PdfExport {
  bytes: Uint8Array;
  contentType: typeof PDF_CONTENT_TYPE;
  fileName: string;
  pageCount: number;
  /** Characters the fonts could not draw as written (transliterated or dropped), in order of appearance. */
  replacedCharacters: string[];
}

const MARGIN = { top: 56, bottom: 56, left: 56, right: 56 };
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.33, 0.33, 0.33);
const RULE = rgb(0.6, 0.6, 0.6);
const BULLET = "•";

interface TextStyle {
  size: number;
  bold: boolean;
  color: Color;
  /** Space above the first line, skipped at the top of a page. */
  before: number;
  after: number;
}

const STYLES = {
  name: { size: 20, bold: true, color: BLACK, before: 0, after: 4 },
  headline: { size: 12, bold: false, color: BLACK, before: 0, after: 3 },
  contact: { size: 9.5, bold: false, color: GREY, before: 0, after: 6 },
  heading: { size: 12, bold: true, color: BLACK, before: 12, after: 6 },
  entryTitle: { size: 10.5, bold: true, color: BLACK, before: 7, after: 0 },
  entrySubtitle: { size: 10, bold: false, color: BLACK, before: 0, after: 0 },
  entryMeta: { size: 9, bold: false, color: GREY, before: 0, after: 2 },
  paragraph: { size: 10, bold: false, color: BLACK, before: 2, after: 2 },
  bullet: { size: 10, bold: false, color: BLACK, before: 1, after: 1 },
} satisfies Record<string, TextStyle>;

const leading = (style: TextStyle): number => style.size * 1.25;

/**
 * Text width from cached per-character advance widths. pdf-lib measures an embedded font by
 * running fontkit's full shaping on every call (milliseconds each), far too slow for word
 * wrapping; pdf-lib draws without kerning anyway, and a ligature is never wider than its
 * letters, so the sum is exact for standard fonts and never too small for embedded ones.
 */
export class Measure {
  private readonly cache = new Map<PDFFont, Map<string, number>>();

  width(text: string, font: PDFFont, size: number): number {
    let widths = this.cache.get(font);
    if (!widths) {
      widths = new Map();
      this.cache.set(font, widths);
    }
    let total = 0;
    for (const char of text) {
      let width = widths.get(char);
      if (width === undefined) {
        width = font.widthOfTextAtSize(char, 1000);
        widths.set(char, width);
      }
      total += width;
    }
    return (total * size) / 1000;
  }
}

/** Breaks text into lines no wider than `width`; a word longer than a line (a URL) is cut by characters. */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  const space = measure(" ");
  let line = "";
  let lineWidth = 0;
  for (const word of text.split(" ")) {
    if (word === "") continue;
    const wordWidth = measure(word);
    if (line && lineWidth + space + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    line = "";
    lineWidth = 0;
    for (const char of word) {
      const charWidth = measure(char);
      if (line && lineWidth + charWidth > width) {
        lines.push(line);
        line = char;
        lineWidth = charWidth;
      } else {
        line += char;
        lineWidth += charWidth;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Cursor over the pages: draws wrapped text top-down and starts a new page when one is full. */
class Layout {
  private page: PDFPage;
  private y: number;
  private atTop = true;
  private readonly measure = new Measure();
  pageCount = 1;

  constructor(
    private readonly doc: PDFDocument,
    private readonly size: readonly [number, number],
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly fit: (text: string) => string,
  ) {
    this.page = doc.addPage([size[0], size[1]]);
    this.y = size[1] - MARGIN.top;
  }

  get width(): number {
    return this.size[0] - MARGIN.left - MARGIN.right;
  }

  font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Lines of `text` (one paragraph per `\n`) as they will be drawn, after fitting to the font. */
  lines(text: string, style: TextStyle, indent = 0): string[] {
    const font = this.font(style);
    return text.split("\n").flatMap((paragraph) =>
      // Dropped characters (emoji) can leave doubled or trailing spaces behind.
      wrapText(
        this.fit(paragraph).replace(/ {2,}/g, " ").trim(),
        this.width - indent,
        (part) => this.measure.width(part, font, style.size),
      )
    );
  }

  height(lineCount: number, style: TextStyle): number {
    return lineCount === 0 ? 0 : style.before + lineCount * leading(style) + style.after;
  }

  /** Starts a new page unless `height` points still fit on this one (keeps headings with their text). */
  ensure(height: number): void {
    if (this.atTop || this.y - height >= MARGIN.bottom) return;
    this.page = this.doc.addPage([this.size[0], this.size[1]]);
    this.pageCount++;
    this.y = this.size[1] - MARGIN.top;
    this.atTop = true;
  }

  draw(lines: readonly string[], style: TextStyle, options: { indent?: number; firstPrefix?: string } = {}): void {
    if (lines.length === 0) return;
    const font = this.font(style);
    const indent = options.indent ?? 0;
    if (!this.atTop) this.y -= style.before;
    lines.forEach((line, index) => {
      this.ensure(leading(style));
      this.y -= style.size;
      // The bullet and its text are one string, so extracted text keeps "• text" as one line.
      const prefix = index === 0 && options.firstPrefix ? options.firstPrefix : "";
      const x = MARGIN.left + indent - (prefix ? this.measure.width(prefix, font, style.size) : 0);
      this.page.drawText(prefix + line, { x, y: this.y, size: style.size, font, color: style.color });
      this.y -= leading(style) - style.size;
      this.atTop = false;
    });
    this.y -= style.after;
  }

  rule(): void {
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y + 2 },
      end: { x: this.size[0] - MARGIN.right, y: this.y + 2 },
      thickness: 0.6,
      color: RULE,
    });
    this.y -= 3;
  }
}

function drawBlocks(layout: Layout, blocks: readonly Block[]): void {
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    switch (block.kind) {
      case "name":
        layout.draw(layout.lines(block.text, STYLES.name), STYLES.name);
        break;
      case "headline":
        layout.draw(layout.lines(block.text, STYLES.headline), STYLES.headline);
        break;
      case "contact":
        layout.draw(layout.lines(block.items.join(" | "), STYLES.contact), STYLES.contact);
        break;
      case "heading": {
        const lines = layout.lines(block.text, STYLES.heading);
        // A heading alone at the foot of a page reads as an empty section: keep it with the
        // first few lines that follow.
        layout.ensure(layout.height(lines.length, STYLES.heading) + 4 * leading(STYLES.paragraph));
        layout.draw(lines, STYLES.heading);
        layout.rule();
        break;
      }
      case "entry": {
        const title = layout.lines(block.title, STYLES.entryTitle);
        const subtitle = block.subtitle ? layout.lines(block.subtitle, STYLES.entrySubtitle) : [];
        const meta = block.meta ? layout.lines(block.meta, STYLES.entryMeta) : [];
        const follows = next && (next.kind === "paragraph" || next.kind === "bullet") ? 2 * leading(STYLES.bullet) : 0;
        layout.ensure(
          layout.height(title.length, STYLES.entryTitle) + layout.height(subtitle.length, STYLES.entrySubtitle) +
            layout.height(meta.length, STYLES.entryMeta) + follows,
        );
        layout.draw(title, STYLES.entryTitle);
        layout.draw(subtitle, STYLES.entrySubtitle);
        layout.draw(meta, STYLES.entryMeta);
        break;
      }
      case "paragraph":
        layout.draw(layout.lines(block.text, STYLES.paragraph), STYLES.paragraph);
        break;
      case "bullet": {
        const prefix = `${BULLET} `;
        const indent = 16;
        layout.draw(layout.lines(block.text, STYLES.bullet, indent), STYLES.bullet, { indent, firstPrefix: prefix });
        break;
      }
    }
  });
}

// fontkit turns these OpenType features on unless told otherwise. A fresh object per font, as
// fontkit writes its defaults into the object it is given.
const NO_SHAPING_FEATURES = [
  "rvrn",
  "ltra",
  "ltrm",
  "frac",
  "numr",
  "dnom",
  "ccmp",
  "locl",
  "rlig",
  "mark",
  "mkmk",
  "calt",
  "clig",
  "liga",
  "rclt",
  "curs",
  "kern",
] as const;
const noShaping = (): Record<string, boolean> =>
  Object.fromEntries(NO_SHAPING_FEATURES.map((feature) => [feature, false]));

async function embedFonts(
  doc: PDFDocument,
  fonts: PdfFonts | undefined,
): Promise<Result<{ regular: PDFFont; bold: PDFFont }>> {
  if (!fonts) {
    return ok({
      regular: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
    });
  }
  // Loaded only for embedded fonts: fontkit is a large module most exports never need.
  const { default: fontkit } = await import("@pdf-lib/fontkit");
  doc.registerFontkit(fontkit);
  try {
    // Subsetting keeps the file small (tens of kB instead of hundreds); pdf-lib still writes a
    // ToUnicode map, so the text stays extractable. Shaping features are off: one glyph per
    // character keeps the extracted text identical to the input (no "½" for "1/2", no ligature
    // glyphs) and makes fontkit's layout an order of magnitude faster.
    return ok({
      regular: await doc.embedFont(fonts.regular, { subset: true, features: noShaping() }),
      bold: await doc.embedFont(fonts.bold, { subset: true, features: noShaping() }),
    });
  } catch (error) {
    return fail("validation_failed", "The font for the PDF could not be read.", {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

function setMetadata(doc: PDFDocument, outline: Outline, options: z.output<typeof PdfOptionsSchema>): void {
  doc.setTitle(outline.name ? `${outline.name} – CV` : "CV", { showInWindowTitleBar: true });
  if (outline.name) doc.setAuthor(outline.name);
  if (outline.headline) doc.setSubject(outline.headline);
  doc.setCreator("Jobtrail");
  doc.setProducer("Jobtrail");
  doc.setLanguage(options.language);
  if (options.createdAt) {
    doc.setCreationDate(options.createdAt);
    doc.setModificationDate(options.createdAt);
  }
}

/** Renders a CV to PDF. Fails only on invalid options or an unreadable font. */
export async function renderPdf(resume: Resume, rawOptions: PdfOptions = {}): Promise<Result<PdfExport>> {
  const parsed = PdfOptionsSchema.safeParse(rawOptions);
  if (!parsed.success) {
    return fail("validation_failed", "The PDF options are not valid.", { issues: parsed.error.issues });
  }
  const options = parsed.data;
  const outline = buildOutline(resume, options);

  // updateMetadata: false stops pdf-lib stamping its own producer and the current time.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc, options.fonts);
  if (!fonts.ok) return fonts;
  const { regular, bold } = fonts.value;

  // Only characters both weights can draw, so no line meets a glyph that only the other weight has.
  const boldSet = new Set(bold.getCharacterSet());
  const supported = new Set(regular.getCharacterSet().filter((codePoint) => boldSet.has(codePoint)));
  const replaced = new Set<string>();
  const layout = new Layout(
    doc,
    PAGE_SIZES[options.pageSize],
    fonts.value,
    (text) => fitToCharset(text, supported, replaced),
  );

  drawBlocks(layout, outline.blocks);
  setMetadata(doc, outline, options);

  const bytes = await doc.save({ useObjectStreams: false });
  return ok({
    bytes,
    contentType: PDF_CONTENT_TYPE,
    fileName: exportFileName(resume, "pdf"),
    pageCount: layout.pageCount,
    replacedCharacters: [...replaced],
  });
}

// Windows-1252: what the standard fonts encode.
const WIN_ANSI_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const isWinAnsi = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a ||
    WIN_ANSI_EXTRAS.includes(char);
};
// What a Unicode font can add: letters, digits, punctuation and currency signs (not emoji).
const TEXTUAL = /^[\p{L}\p{N}\p{P}\p{Sc}]$/u;

/**
 * True when the CV has words Helvetica cannot draw (Polish, Czech, Greek, Cyrillic...), i.e. when
 * the caller should pass `fonts` (fonts.ts) rather than accept a transliteration. Cheap, so the
 * large font module need only be loaded for the CVs that need it.
 */
export function needsUnicodeFont(resume: Resume): boolean {
  const outline = buildOutline(resume, {});
  for (const block of outline.blocks) {
    const texts = block.kind === "contact"
      ? block.items
      : block.kind === "entry"
      ? [block.title, block.subtitle ?? "", block.meta ?? ""]
      : [block.text];
    for (const text of texts) {
      for (const char of text) if (!isWinAnsi(char) && TEXTUAL.test(char)) return true;
    }
  }
  return false;
}
