// Two devices clicking at once cannot both win: 50 transitions of one application from `applied`
// race over 50 separate connections (half to interviewing, half to rejected). Exactly one commits.
import assert from "node:assert/strict";
import pg from "pg";
import {
  adminDbUrl,
  adminQuery,
  createApplication,
  createSharedJob,
  createUser,
  deleteUser,
} from "../_shared/testing.ts";

Deno.test("50 concurrent transitions from applied: exactly one wins, one event is written", async () => {
  const user = await createUser("Racing Devices");
  const applicationId = await createApplication(user, await createSharedJob(), "applied");
  const eventsBefore = await adminQuery<{ n: number }>(
    "select count(*)::int as n from public.application_events where application_id = $1",
    [applicationId],
  );
  const claims = JSON.stringify({ sub: user.id, role: "authenticated", aud: "authenticated" });
  const clients = Array.from({ length: 50 }, () => new pg.Client({ connectionString: adminDbUrl() }));
  try {
    await Promise.all(clients.map((client) => client.connect()));
    // Every connection opens its transaction as the user before any of them moves.
    await Promise.all(clients.map(async (client) => {
      await client.query("begin");
      await client.query(
        "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)",
        [
          claims,
        ],
      );
    }));
    const outcomes = await Promise.all(clients.map(async (client, index) => {
      const target = index % 2 === 0 ? "interviewing" : "rejected";
      try {
        await client.query("select public.transition_application($1, $2, expected_status => 'applied')", [
          applicationId,
          target,
        ]);
        await client.query("commit");
        return { won: true, code: "", target };
      } catch (error) {
        await client.query("rollback");
        return { won: false, code: (error as { code?: string }).code ?? "", target };
      }
    }));

    const winners = outcomes.filter((outcome) => outcome.won);
    assert.equal(winners.length, 1, `winners: ${JSON.stringify(winners)}`);
    assert.deepEqual(new Set(outcomes.filter((o) => !o.won).map((o) => o.code)), new Set(["PT409"]));
    const [application] = await adminQuery<{ status: string }>("select status from public.applications where id = $1", [
      applicationId,
    ]);
    assert.equal(application.status, winners[0].target);
    const eventsAfter = await adminQuery<{ n: number }>(
      "select count(*)::int as n from public.application_events where application_id = $1",
      [applicationId],
    );
    assert.equal(eventsAfter[0].n, eventsBefore[0].n + 1);
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
    await deleteUser(user);
  }
});
