// `supabase gen types typescript` without Docker: the same generator (postgrest-typegen, which
// postgres-meta and the CLI use) run over a plain connection to the migrated database.
import { introspect } from "@supabase/postgrest-typegen/introspection";
import { generateTypescript, sortGeneratorMetadata } from "@supabase/postgrest-typegen/generation";
import { join } from "node:path";
import pg from "pg";
import { projectRoot } from "./database.ts";

export const typesFile = join(projectRoot, "types", "database.ts");

export async function generateTypes(url: string): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const metadata = await introspect(pool, { includedSchemas: ["public"] });
    return await generateTypescript(sortGeneratorMetadata(metadata), {
      detectOneToOneRelationships: true,
      postgrestVersion: "13",
    });
  } finally {
    await pool.end();
  }
}
