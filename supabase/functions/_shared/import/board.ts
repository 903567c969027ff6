// A job board's feed as postings, for the board parsers (Greenhouse, Lever): each item is checked
// against the board's schema and finalised on its own, so one bad job is reported and skipped while
// the rest of the board imports.
import type { z } from "zod";
import { issueList } from "../http.ts";
import { importFail, type ImportResult } from "./errors.ts";
import { finalizePosting, type NormalizedPosting, type PostingDraft } from "./posting.ts";

export interface BoardParse {
  postings: NormalizedPosting[];
  /** Jobs in the feed that could not be used, with why; the rest of the board still imports. */
  rejected: Array<{ index: number; external_id: string | null; code: string; message: string; details?: unknown }>;
}

/** How one board's items are read. */
export interface BoardItems<Item> {
  schema: z.ZodType<Item>;
  /** Why an item that does not match the schema cannot be used (names the required fields). */
  notAnItem: string;
  /** The id of an item that does not match the schema, when it has a usable one, for the report. */
  rawId(raw: unknown): string | null;
  id(item: Item): string;
  toDraft(item: Item): PostingDraft;
}

export function collectBoard<Item>(items: readonly unknown[], board: BoardItems<Item>): BoardParse {
  const postings: NormalizedPosting[] = [];
  const rejected: BoardParse["rejected"] = [];
  items.forEach((raw, index) => {
    const item = board.schema.safeParse(raw);
    if (!item.success) {
      rejected.push({
        index,
        external_id: board.rawId(raw),
        code: "unexpected_shape",
        message: board.notAnItem,
        details: issueList(item.error),
      });
      return;
    }
    const result = finalizePosting(board.toDraft(item.data));
    if (result.ok) postings.push(result.value);
    else {
      rejected.push({
        index,
        external_id: board.id(item.data),
        code: result.error.code,
        message: result.error.message,
        details: result.error.details,
      });
    }
  });
  return { postings, rejected };
}

/** A board response as text (what the fetcher returns), parsed as JSON and handed to the board's parser. */
export function parseBoardJson(
  text: string,
  provider: string,
  parse: (payload: unknown) => ImportResult<BoardParse>,
): ImportResult<BoardParse> {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return importFail("invalid_json", `The ${provider} response is not JSON.`);
  }
  return parse(payload);
}

/** The id field of a raw feed item, if it is one of the given types. */
export function rawIdOf(raw: unknown, accept: ReadonlyArray<"string" | "number">): string | null {
  if (typeof raw !== "object" || raw === null || !("id" in raw)) return null;
  const id = raw.id;
  return (typeof id === "string" && accept.includes("string")) || (typeof id === "number" && accept.includes("number"))
    ? String(id)
    : null;
}
