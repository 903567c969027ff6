// npm run lint:db: Supabase's advisors, plpgsql_check (`supabase db lint`) and the project's own
// checks (scripts/sql/lint/*.sql, each proven able to fail by its fixture) over a migrated and
// seeded database: a throwaway one (shim + migrations + seed), or the one given by --db-url /
// SUPABASE_DB_URL. Prints every finding with its fix; exits non-zero on any.
import { dbUrlArgument, formatSeconds } from "./lib/cli.ts";
import { resetDatabase } from "./lib/database.ts";
import { runLintDb } from "./lib/lint-db.ts";
import { startThrowawayServer } from "./lib/postgres.ts";
import { ensureSystemPackages } from "./lib/prerequisites.ts";

async function main(): Promise<number> {
  const started = Date.now();
  ensureSystemPackages();
  let url = dbUrlArgument();
  if (url) {
    console.log("== database: using the given --db-url / SUPABASE_DB_URL (assumed migrated)");
  } else {
    const server = await startThrowawayServer();
    url = server.url;
    await resetDatabase(url, { quiet: true });
    console.log(`== database: throwaway PostgreSQL ${server.major}, shim + migrations + seed in ${formatSeconds(Date.now() - started)}`);
  }
  const report = await runLintDb(url);
  for (const line of report.lines) console.log(line);
  console.log(`in ${formatSeconds(Date.now() - started)}`);
  return report.failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
