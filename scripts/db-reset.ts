// npm run db:reset: what `supabase db reset` does, for the no-Docker local database: drop the
// database, recreate it, then shim + migrations + seed. The server must not be in use by `npm start`.
import { join } from "node:path";
import pg from "pg";
import { projectRoot, resetDatabase } from "./lib/database.ts";
import { connectionUrl, startPersistentServer } from "./lib/postgres.ts";
import { ensureSystemPackages } from "./lib/prerequisites.ts";

ensureSystemPackages();
const dataDir = process.env.JOBTRAIL_DATA_DIR ?? join(projectRoot, ".jobtrail", "postgres");
const server = await startPersistentServer(dataDir, { port: Number(process.env.DB_PORT ?? 54322) });
const admin = new pg.Client({ connectionString: connectionUrl(server.port, "template1") });
await admin.connect();
await admin.query("drop database if exists postgres with (force)");
await admin.query("create database postgres");
await admin.end();
await resetDatabase(server.url);
console.log("Local database reset: shim, migrations and seed applied.");
