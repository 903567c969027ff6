// npm run db:reset: what `supabase db reset` does, for the no-Docker local database: drop the
// database, recreate it, then shim + migrations + seed. The server must not be in use by `npm start`.
import { join } from "node:path";
import { freshDatabase, projectRoot, resetDatabase } from "./lib/database.ts";
import { connectionUrl, startPersistentServer } from "./lib/postgres.ts";
import { ensureSystemPackages } from "./lib/prerequisites.ts";

ensureSystemPackages();
const dataDir = process.env.JOBTRAIL_DATA_DIR ?? join(projectRoot, ".jobtrail", "postgres");
const server = await startPersistentServer(dataDir, { port: Number(process.env.DB_PORT ?? 54322) });
await resetDatabase(await freshDatabase(connectionUrl(server.port, "template1"), "postgres"));
console.log("Local database reset: shim, migrations and seed applied.");
