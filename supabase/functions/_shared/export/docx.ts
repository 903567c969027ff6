// DOCX export of a JSON Resume CV with the `docx` library, for users who edit their CV in Word,
// LibreOffice or Google Docs before sending it. The document uses Word's own structure rather
// than look-alike formatting: the name is a Title, sections are Heading 1, each employer or
// school a Heading 2, and highlights a real bulleted list (numbering.xml), so the navigation
// pane, restyling and ATS parsers all see the outline. Same words, same order as the PDF
// (outline.ts); `docx` escapes XML, and outline.ts has already removed the control characters
// XML 1.0 cannot hold at all.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { z } from "zod";
import { fail, ok, type Result } from "../result.ts";
import type { Resume } from "../tailoring/resume.ts";
import { type Block, buildOutline, exportFileName, OutlineOptionsSchema } from "./outline.ts";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// Page sizes and margins in twentieths of a point (twips).
const PAGE_SIZES = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } } as const;
const MARGIN = 1134; // 2 cm: room for a CV's dense content, still printable everywhere.

export const DocxOptionsSchema = OutlineOptionsSchema.extend({
  pageSize: z.enum(["A4", "Letter"]).default("A4"),
  /** Body font; Word substitutes a similar one where it is not installed. */
  font: z.string().trim().min(1).max(60).default("Calibri"),
});
export type DocxOptions = z.input<typeof DocxOptionsSchema>;

export interface DocxExport {
  bytes: Uint8Array;
  contentType: typeof DOCX_CONTENT_TYPE;
  fileName: string;
}

// Sizes are half-points (22 = 11 pt).
const GREY = "595959";

function paragraphs(block: Block): Paragraph[] {
  switch (block.kind) {
    case "name":
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] })];
    case "headline":
      return [new Paragraph({ children: [new TextRun({ text: block.text, size: 26 })], spacing: { after: 60 } })];
    case "contact":
      return [
        new Paragraph({
          children: [new TextRun({ text: block.items.join(" | "), size: 19, color: GREY })],
          spacing: { after: 120 },
        }),
      ];
    case "heading":
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] })];
    case "entry": {
      const out = [
        new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(block.title)] }),
      ];
      if (block.subtitle) {
        out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: block.subtitle, bold: true })] }));
      }
      if (block.meta) {
        out.push(
          new Paragraph({ keepNext: true, children: [new TextRun({ text: block.meta, size: 19, color: GREY })] }),
        );
      }
      return out;
    }
    case "paragraph":
      // A line break inside one w:t is not a break in Word; each line becomes its own paragraph.
      return block.text.split("\n").filter((line) => line !== "").map((line) =>
        new Paragraph({ children: [new TextRun(line)], spacing: { after: 80 }, alignment: AlignmentType.LEFT })
      );
    case "bullet":
      return [new Paragraph({ children: [new TextRun(block.text)], bullet: { level: 0 } })];
  }
}

/** Renders a CV to DOCX. Fails only on invalid options. */
export async function renderDocx(resume: Resume, rawOptions: DocxOptions = {}): Promise<Result<DocxExport>> {
  const parsed = DocxOptionsSchema.safeParse(rawOptions);
  if (!parsed.success) {
    return fail("validation_failed", "The DOCX options are not valid.", { issues: parsed.error.issues });
  }
  const options = parsed.data;
  const outline = buildOutline(resume, options);

  const document = new Document({
    creator: "Jobtrail",
    lastModifiedBy: "Jobtrail",
    title: outline.name ? `${outline.name} – CV` : "CV",
    ...(outline.headline ? { subject: outline.headline } : {}),
    styles: {
      default: {
        document: { run: { font: options.font, size: 21 } },
        title: { run: { font: options.font, size: 44, bold: true } },
        heading1: {
          run: { font: options.font, size: 26, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
        heading2: {
          run: { font: options.font, size: 22, bold: true, color: "000000" },
          paragraph: { spacing: { before: 160, after: 0 } },
        },
      },
    },
    sections: [{
      properties: {
        page: {
          size: PAGE_SIZES[options.pageSize],
          margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
        },
      },
      children: outline.blocks.flatMap(paragraphs),
    }],
  });

  const buffer = await Packer.toArrayBuffer(document);
  return ok({
    bytes: new Uint8Array(buffer),
    contentType: DOCX_CONTENT_TYPE,
    fileName: exportFileName(resume, "docx"),
  });
}
