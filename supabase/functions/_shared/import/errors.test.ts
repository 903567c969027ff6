import assert from "node:assert/strict";
import { importFail, importOk, toFailure } from "./errors.ts";
import { statusFor } from "../result.ts";

Deno.test("import failures keep their code and map onto the HTTP envelope", () => {
  assert.deepEqual(importOk(1), { ok: true, value: 1 });
  const failed = importFail("blocked_address", "no", { host: "10.0.0.1" });
  assert.equal(failed.ok, false);
  if (failed.ok) return;
  const failure = toFailure(failed.error);
  assert.equal(failure.code, "forbidden");
  assert.equal(statusFor[failure.code], 403);
  assert.deepEqual(failure.details, { reason: "blocked_address", info: { host: "10.0.0.1" } });
  const tooLarge = importFail("too_large", "big");
  if (!tooLarge.ok) assert.equal(statusFor[toFailure(tooLarge.error).code], 413);
});
