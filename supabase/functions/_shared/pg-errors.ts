// The one place where database errors become API failures. The database is the guard: its
// constraint, RLS and state-machine errors carry SQLSTATEs that map to stable codes here.
import { fail, type Result } from "./result.ts";

interface PostgresError {
  code: string;
  message: string;
  detail?: string;
  hint?: string;
  constraint?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string" &&
    /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
}

function parsedDetail(detail: string | undefined): unknown {
  if (!detail) return undefined;
  try {
    return JSON.parse(detail);
  } catch {
    return undefined;
  }
}

/** Maps an expected database error to a Failure; returns undefined for anything unexpected. */
export function failureFromPostgres<T = never>(error: unknown): Result<T> | undefined {
  if (!isPostgresError(error)) return undefined;
  const details = parsedDetail(error.detail);
  switch (error.code) {
    case "P0002":
      return fail("not_found", error.message);
    case "PT409": {
      const reason = (details as { reason?: string } | undefined)?.reason;
      return fail(reason === "illegal_transition" ? "illegal_transition" : "conflict", error.message, details);
    }
    case "PT429":
      return fail("rate_limited", error.message, details);
    case "40001": // serialization_failure
    case "40P01": // deadlock_detected
    case "55P03": // lock_not_available
      return fail("conflict", "Another change to the same data happened at the same time; retry.");
    case "42501":
      return fail("forbidden", error.message);
    case "23503":
      return fail("validation_failed", error.message, error.hint ? { hint: error.hint } : undefined);
    case "23505":
      return fail("conflict", error.message, error.constraint ? { constraint: error.constraint } : undefined);
    case "23502":
    case "23514":
    case "22001":
    case "22003":
    case "22007":
    case "22008":
    case "22023":
    case "22P02":
      return fail("validation_failed", error.message, error.constraint ? { constraint: error.constraint } : undefined);
    default:
      return undefined;
  }
}

/** Runs database work, turning expected database errors into failures; the unexpected still throws. */
export async function catchPostgres<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    const failure = failureFromPostgres<T>(error);
    if (failure) return failure;
    throw error;
  }
}
