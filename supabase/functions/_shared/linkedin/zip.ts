// Reading a few named files out of an untrusted ZIP archive with fflate, bounded in memory and
// time whatever the archive claims. Two passes:
// 1. the central directory (unzipSync with a filter that decompresses nothing) lists the entries:
//    it counts them (aborting past the limit), picks the wanted ones and checks their declared
//    sizes;
// 2. a streaming pass (Unzip) inflates only the picked entries, fed 1 kB of compressed input at a
//    time, counting the bytes that actually come out and stopping as soon as an entry outgrows
//    its declared size or a limit. Declared sizes can lie (that is what a zip bomb does), so
//    pass 1 alone would not be safe; a deflate stream expands at most ~1:1032, so one step can
//    never produce more than ~1 MB (tens of milliseconds of inflating) before the count is checked.
// Finally each entry must be exactly as long as the directory said, so a truncated or tampered
// entry is reported rather than half read.
import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { z } from "zod";
import { fail, ok, type Result } from "../result.ts";

const MiB = 1024 * 1024;

export const ZipLimitsSchema = z.object({
  /** Size of the archive itself. */
  maxArchiveBytes: z.number().int().positive().default(64 * MiB),
  /** Entries in the archive (a directory of millions of tiny entries is a denial of service too). */
  maxEntries: z.number().int().positive().default(5000),
  /** Uncompressed size of any one file read. */
  maxFileBytes: z.number().int().positive().default(10 * MiB),
  /** Uncompressed size of all files read together. */
  maxTotalBytes: z.number().int().positive().default(20 * MiB),
});
export type ZipLimits = z.input<typeof ZipLimitsSchema>;

/** Why reading failed, in `error.details.reason`, for a UI to phrase. */
export type ZipFailureReason =
  | "not_a_zip"
  | "archive_too_large"
  | "too_many_files"
  | "file_too_large"
  | "uncompressed_too_large"
  | "declared_size_exceeded"
  | "unsupported_compression"
  | "corrupt_archive";

const STEP = 1024;

class TooManyEntries extends Error {}

interface Picked {
  key: string;
  path: string;
  declaredSize: number;
  compression: number;
}

const zipFail = <T>(
  code: "unsupported_media_type" | "payload_too_large" | "validation_failed",
  reason: ZipFailureReason,
  message: string,
  extra: Record<string, unknown> = {},
): Result<T> => fail(code, message, { reason, ...extra });

export interface ZipFile {
  /** Where the file is in the archive. */
  path: string;
  bytes: Uint8Array;
}

const depth = (path: string): number => path.split("/").length;

/**
 * The files of `archive` that `pick` gives a key to, by key. When several entries get the same
 * key the one nearest the root wins (a re-zipped export has everything one folder down).
 */
export function readZipFiles(
  archive: Uint8Array,
  pick: (path: string) => string | undefined,
  rawLimits: ZipLimits = {},
): Result<Map<string, ZipFile>> {
  const parsedLimits = ZipLimitsSchema.safeParse(rawLimits);
  if (!parsedLimits.success) {
    return fail("validation_failed", "The archive limits are not valid.", { issues: parsedLimits.error.issues });
  }
  const limits = parsedLimits.data;
  if (archive.length > limits.maxArchiveBytes) {
    return zipFail(
      "payload_too_large",
      "archive_too_large",
      `The archive is larger than ${limits.maxArchiveBytes} bytes.`,
    );
  }
  // Local file header or, for an empty archive, the end-of-central-directory record.
  const magic = archive.length >= 4 && archive[0] === 0x50 && archive[1] === 0x4b &&
    ((archive[2] === 3 && archive[3] === 4) || (archive[2] === 5 && archive[3] === 6));
  if (!magic) return zipFail("unsupported_media_type", "not_a_zip", "The file is not a ZIP archive.");

  // Pass 1: the central directory.
  const picked = new Map<string, Picked>();
  let entries = 0;
  try {
    unzipSync(archive, {
      filter: (info) => {
        entries++;
        if (entries > limits.maxEntries) throw new TooManyEntries();
        const key = pick(info.name);
        if (key === undefined) return false;
        const current = picked.get(key);
        if (!current || depth(info.name) < depth(current.path)) {
          picked.set(key, { key, path: info.name, declaredSize: info.originalSize, compression: info.compression });
        }
        return false; // never let unzipSync inflate: pass 2 does, with limits
      },
    });
  } catch (error) {
    if (error instanceof TooManyEntries) {
      return zipFail("payload_too_large", "too_many_files", `The archive has more than ${limits.maxEntries} files.`);
    }
    return zipFail("unsupported_media_type", "not_a_zip", "The file is not a readable ZIP archive.");
  }

  let declaredTotal = 0;
  for (const entry of picked.values()) {
    if (entry.compression !== 0 && entry.compression !== 8) {
      return zipFail("validation_failed", "unsupported_compression", `${entry.path} uses an unsupported compression.`, {
        path: entry.path,
      });
    }
    if (entry.declaredSize > limits.maxFileBytes) {
      return zipFail(
        "payload_too_large",
        "file_too_large",
        `${entry.path} is larger than ${limits.maxFileBytes} bytes.`,
        {
          path: entry.path,
        },
      );
    }
    declaredTotal += entry.declaredSize;
  }
  if (declaredTotal > limits.maxTotalBytes) {
    return zipFail(
      "payload_too_large",
      "uncompressed_too_large",
      `The files to read exceed ${limits.maxTotalBytes} bytes.`,
    );
  }
  if (picked.size === 0) return ok(new Map());

  // Pass 2: inflate the picked entries, counting real bytes.
  const byPath = new Map([...picked.values()].map((entry) => [entry.path, entry]));
  const parts = new Map<string, Uint8Array[]>();
  const sizes = new Map<string, number>();
  const finished = new Set<string>();
  let total = 0;
  let problem: Result<never> | undefined;

  const unzip = new Unzip((file) => {
    const entry = byPath.get(file.name);
    // Entries not started are skipped by fflate without being inflated.
    if (!entry || parts.has(entry.key)) return;
    const chunks: Uint8Array[] = [];
    parts.set(entry.key, chunks);
    sizes.set(entry.key, 0);
    file.ondata = (error, data, final) => {
      if (problem) return;
      if (error) {
        problem = zipFail("validation_failed", "corrupt_archive", `${entry.path} could not be decompressed.`, {
          path: entry.path,
        });
        return;
      }
      const size = (sizes.get(entry.key) ?? 0) + data.length;
      sizes.set(entry.key, size);
      total += data.length;
      if (size > entry.declaredSize) {
        problem = zipFail(
          "payload_too_large",
          "declared_size_exceeded",
          `${entry.path} expands beyond the size the archive declares for it.`,
          { path: entry.path },
        );
        file.terminate();
        return;
      }
      if (total > limits.maxTotalBytes) {
        problem = zipFail(
          "payload_too_large",
          "uncompressed_too_large",
          `The files exceed ${limits.maxTotalBytes} bytes.`,
        );
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) finished.add(entry.key);
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  try {
    for (let offset = 0; offset < archive.length && !problem; offset += STEP) {
      const end = Math.min(offset + STEP, archive.length);
      unzip.push(archive.subarray(offset, end), end === archive.length);
    }
  } catch {
    problem ??= zipFail("validation_failed", "corrupt_archive", "The archive is damaged.");
  }
  if (problem) return problem;

  const files = new Map<string, ZipFile>();
  for (const entry of picked.values()) {
    const chunks = parts.get(entry.key);
    if (!chunks || !finished.has(entry.key) || sizes.get(entry.key) !== entry.declaredSize) {
      return zipFail("validation_failed", "corrupt_archive", `${entry.path} is damaged or truncated.`, {
        path: entry.path,
      });
    }
    const bytes = new Uint8Array(entry.declaredSize);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    files.set(entry.key, { path: entry.path, bytes });
  }
  return ok(files);
}
