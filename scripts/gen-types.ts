// npm run gen:types: writes types/database.ts from a freshly migrated throwaway database
// (or from --db-url / SUPABASE_DB_URL when given).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { resetDatabase } from "./lib/database.ts";
import { startThrowawayServer } from "./lib/postgres.ts";
import { generateTypes, typesFile } from "./lib/types.ts";
import { dbUrlArgument } from "./lib/cli.ts";

const target = dbUrlArgument();
let url = target;
if (!url) {
  const server = await startThrowawayServer();
  await resetDatabase(server.url, { seed: false, quiet: true });
  url = server.url;
}
const source = await generateTypes(url);
mkdirSync(dirname(typesFile), { recursive: true });
writeFileSync(typesFile, source);
console.log(`wrote ${typesFile}`);
