// npm start: the local stack without Docker. A persistent PostgreSQL (shim + migrations + seed on
// first start, pending migrations on later starts), the edge functions served by Deno, and a
// printout like `supabase start`'s. Ctrl-C stops everything; the next start reuses the data.
import { dbUrlArgument } from "./lib/cli.ts";
import { query, resetDatabase } from "./lib/database.ts";
import { spawnFunctionsServer, waitForFunctionsServer } from "./lib/deno.ts";
import { LOCAL_JWT_SECRET, mintAccessToken, mintApiKey } from "./lib/keys.ts";
import { startLocalServer } from "./lib/postgres.ts";
import { ensureSystemPackages } from "./lib/prerequisites.ts";

const FUNCTIONS_PORT = Number(process.env.FUNCTIONS_PORT ?? 54321);

async function main(): Promise<void> {
  let url = dbUrlArgument();
  if (url) {
    await resetDatabase(url, { seed: false, quiet: true });
  } else {
    ensureSystemPackages();
    const server = await startLocalServer();
    url = server.url;
    // Pending migrations on every start; the demo data only into a new cluster.
    await resetDatabase(url, { seed: server.created, quiet: true });
    console.log(server.created ? "Created the local database and loaded the demo data." : `Reusing the local database in ${server.dataDir}.`);
  }

  const anonKey = await mintApiKey("anon");
  const serviceRoleKey = await mintApiKey("service_role");
  const functionsUrl = `http://127.0.0.1:${FUNCTIONS_PORT}/functions/v1`;
  const functions = spawnFunctionsServer({ dbUrl: url, port: FUNCTIONS_PORT, keys: { anon: anonKey, serviceRole: serviceRoleKey } });
  const stopFunctions = () => functions.kill("SIGTERM");
  process.on("exit", stopFunctions);
  functions.on("exit", (code) => {
    console.error(`The functions server stopped (exit ${code}).`);
    process.exit(1);
  });
  // The printout says the stack is up: only once the functions answer.
  await waitForFunctionsServer(functionsUrl, { exited: () => functions.exitCode ?? undefined });

  const users = await query<{ id: string; email: string }>(url, "select id, email from auth.users order by created_at, email limit 20");
  const lines = [
    "",
    "Jobtrail local stack is running (no Docker).",
    "",
    `         DB URL: ${url}`,
    `  Functions URL: ${functionsUrl}`,
    `     JWT secret: ${LOCAL_JWT_SECRET}`,
    `       anon key: ${anonKey}`,
    `service_role key: ${serviceRoleKey}`,
    "",
    users.length ? "Demo users (access tokens valid 24 h; no GoTrue here, so tokens are minted locally):" : "No users yet.",
  ];
  for (const user of users) lines.push(`  ${user.email}`, `    ${await mintAccessToken(user)}`);
  if (users[0]) {
    lines.push("", "Try:", `  curl -s ${functionsUrl}/me -H "Authorization: Bearer <a token above>"`);
  }
  lines.push("", "Press Ctrl-C to stop.");
  console.log(lines.join("\n"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
