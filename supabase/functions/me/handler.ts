// GET /functions/v1/me: the caller's own profile, read through RLS.
import { requireUser } from "../_shared/auth.ts";
import { withCaller } from "../_shared/db.ts";
import { createHandler, json } from "../_shared/http.ts";
import { fail, ok } from "../_shared/result.ts";

export const handler = createHandler("me", {
  methods: ["GET"],
  async handle(request) {
    const caller = await requireUser(request);
    if (!caller.ok) return caller;
    const profile = await withCaller(caller.value, async (tx) => {
      // to_jsonb renders the row as PostgREST would (enum arrays included).
      const { rows } = await tx.query(
        "select to_jsonb(p) as profile from public.profiles p where p.id = (select auth.uid())",
      );
      return rows[0]?.profile;
    });
    if (!profile) return fail("not_found", "No profile exists for this user.");
    return ok(json({ profile }));
  },
});
