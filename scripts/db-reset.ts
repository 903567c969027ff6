// npm run db:reset: what `supabase db reset` does, for the no-Docker local database: drop the
// database, recreate it, then shim + migrations + seed. The server must not be in use by `npm start`.
import { freshDatabase, resetDatabase } from "./lib/database.ts";
import { connectionUrl, startLocalServer } from "./lib/postgres.ts";
import { ensureSystemPackages } from "./lib/prerequisites.ts";

ensureSystemPackages();
const server = await startLocalServer();
await resetDatabase(await freshDatabase(connectionUrl(server.port, "template1"), "postgres"));
console.log("Local database reset: shim, migrations and seed applied.");
