// A Unicode font for PDF export, shipped inside an npm package so nothing is downloaded at run
// time: Roboto (Apache-2.0) from pdfmake's virtual file system, a plain JavaScript module of
// base64 strings, so it bundles with an edge function like any other import (a .ttf file would
// need file access or Deno's unstable raw imports). Roboto covers Latin with all its European
// diacritics, Greek, Cyrillic and Vietnamese; not CJK, Arabic or emoji.
//
// The module is ~850 kB of JavaScript: import it dynamically, only when pdf.ts needsUnicodeFont().
import vfs from "pdfmake/build/vfs_fonts.js";
import { z } from "zod";
import type { PdfFonts } from "./pdf.ts";

// The package is untyped JavaScript: check the two files exist before trusting them.
const VfsSchema = z.object({
  "Roboto-Regular.ttf": z.base64().min(1000),
  "Roboto-Medium.ttf": z.base64().min(1000),
});

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

let cached: PdfFonts | undefined;

/** Roboto Regular and Medium (as the bold weight), decoded once per process. */
export function unicodeFonts(): PdfFonts {
  if (cached) return cached;
  const files: unknown = vfs;
  // A missing font is a packaging bug, not a user error: failing loudly is right here.
  const parsed = VfsSchema.parse(files);
  const fonts: PdfFonts = {
    regular: decodeBase64(parsed["Roboto-Regular.ttf"]),
    bold: decodeBase64(parsed["Roboto-Medium.ttf"]),
  };
  cached = fonts;
  return fonts;
}
