// Small command-line helpers shared by the scripts.

/** `--db-url <url>` or `--db-url=<url>`, else SUPABASE_DB_URL, else undefined (use a throwaway cluster). */
export function dbUrlArgument(argv: string[] = process.argv.slice(2)): string | undefined {
  const index = argv.findIndex((arg) => arg === "--db-url" || arg.startsWith("--db-url="));
  if (index >= 0) return argv[index].includes("=") ? argv[index].slice("--db-url=".length) : argv[index + 1];
  return process.env.SUPABASE_DB_URL || undefined;
}

export function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)}s`;
}
