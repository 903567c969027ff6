// The CSV files of a LinkedIn data export, read with papaparse (RFC 4180 quoting: commas, quotes
// and newlines inside quoted fields). LinkedIn's files have quirks a plain header-first reader
// trips on: a byte-order mark, and in some exports a "Notes:" preamble (a quoted paragraph and a
// blank line) before the header. The header is therefore found, not assumed: it is the first row
// that names the file's key column.
// @ts-types="@types/papaparse"
import Papa from "papaparse";

export interface CsvTable {
  /** Column names as normalised keys: trimmed, lower case, single spaces ("company name"). */
  columns: string[];
  /** Data rows keyed by normalised column name; missing cells are "". Blank rows are left out. */
  rows: Record<string, string>[];
}

export const columnKey = (name: string): string =>
  name.replace(/^\uFEFF/, "").trim().replace(/\s+/g, " ").toLowerCase();

// The header is near the top; a preamble is a few lines.
const HEADER_SEARCH_ROWS = 20;

function parseRows(text: string): string[][] {
  // The delimiter is fixed: auto-detection can be fooled by a preamble full of other punctuation.
  return Papa.parse<string[]>(text, { delimiter: ",", skipEmptyLines: "greedy" }).data;
}

function findHeader(rows: readonly string[][], keyColumn: string): number {
  const key = columnKey(keyColumn);
  return rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.some((cell) => columnKey(cell) === key));
}

/**
 * The table in `text` whose header row contains `keyColumn`, or undefined when there is none.
 * Never throws: papaparse recovers from malformed quoting on its own, reporting (not raising).
 */
export function readCsv(text: string, keyColumn: string): CsvTable | undefined {
  const source = text.replace(/^\uFEFF/, "");
  let rows = parseRows(source);
  let headerAt = findHeader(rows, keyColumn);
  if (headerAt < 0) {
    // A preamble with an unbalanced quote swallows the header into one long field; look for
    // the header line in the raw text instead and parse from there.
    const lines = source.split(/\r?\n/);
    const lineAt = lines.slice(0, HEADER_SEARCH_ROWS * 5).findIndex((line) =>
      line.split(",").some((cell) => columnKey(cell.replace(/^"|"$/g, "")) === columnKey(keyColumn))
    );
    if (lineAt < 0) return undefined;
    rows = parseRows(lines.slice(lineAt).join("\n"));
    headerAt = findHeader(rows, keyColumn);
    if (headerAt < 0) return undefined;
  }
  const columns = rows[headerAt].map(columnKey);
  const data = rows.slice(headerAt + 1)
    .filter((row) => row.some((cell) => cell.trim() !== ""))
    .map((row) => {
      // A Map, then fromEntries: a column named "__proto__" stays an ordinary key.
      const cells = new Map<string, string>();
      columns.forEach((column, index) => {
        // First occurrence wins when a header repeats a name.
        if (column && !cells.has(column)) cells.set(column, row[index] ?? "");
      });
      return Object.fromEntries(cells);
    });
  return { columns, rows: data };
}
