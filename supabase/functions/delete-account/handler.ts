// POST /functions/v1/delete-account with { "confirm": "delete my account" }: erases the caller's
// account. After verifying the caller's own JWT and the explicit confirmation, the service role
// deletes the auth user (private.delete_user); every table references auth.users with
// `on delete cascade`, so all of the user's rows go in the same transaction. Irreversible.
import { z } from "zod";
import { requireUser, serviceRoleCaller } from "../_shared/auth.ts";
import { withCaller } from "../_shared/db.ts";
import { createHandler, json, readJson } from "../_shared/http.ts";
import { fail, ok } from "../_shared/result.ts";

export const CONFIRMATION = "delete my account";

/** The exact sentence, so no client deletes an account by posting an empty or accidental body. */
export const requestSchema = z.strictObject({ confirm: z.literal(CONFIRMATION) });

export const handler = createHandler("delete-account", {
  methods: ["POST"],
  async handle(request) {
    const caller = await requireUser(request);
    if (!caller.ok) return caller;
    const input = await readJson(request, requestSchema);
    if (!input.ok) return input;

    const userId = caller.value.userId;
    const deleted = await withCaller(serviceRoleCaller, async (tx) => {
      const { rows } = await tx.query<{ deleted: boolean }>("select private.delete_user($1) as deleted", [userId]);
      return rows[0]?.deleted === true;
    });
    // A retry after a lost response lands here: the account is already gone.
    if (!deleted) return fail("not_found", "This account does not exist (any more).");
    return ok(json({ deleted: true }));
  },
});
