import assert from "node:assert/strict";
import { importFail, importOk } from "./errors.ts";

Deno.test("import results: a value, or a failure that keeps its import code, message and details", () => {
  assert.deepEqual(importOk(1), { ok: true, value: 1 });
  assert.deepEqual(importFail("blocked_address", "no", { host: "10.0.0.1" }), {
    ok: false,
    error: { code: "blocked_address", message: "no", details: { host: "10.0.0.1" } },
  });
  assert.deepEqual(importFail("too_large", "big"), { ok: false, error: { code: "too_large", message: "big" } });
});
