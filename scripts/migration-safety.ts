// The newest migration applied over older data (see scripts/lib/migration-safety.ts), on its own:
// `npx tsx scripts/migration-safety.ts --db-url <server's postgres database>`. It creates and drops a
// scratch database on that server. npm test runs it in the background on its throwaway server.
import { dbUrlArgument } from "./lib/cli.ts";
import { runMigrationSafetyCli } from "./lib/migration-safety.ts";

const url = dbUrlArgument();
if (!url) {
  console.error("usage: tsx scripts/migration-safety.ts --db-url <postgresql://...>");
  process.exit(2);
}
runMigrationSafetyCli(url).then(
  (code) => process.exit(code),
  (error) => {
    console.log(`FAIL ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
