// The README's supabase-js snippet, compiled by `npm test` (tsc --noEmit) against the generated
// types, so the documented call and the schema cannot drift apart.
import { createClient } from "@supabase/supabase-js";
import type { Database } from "../types/database.ts";

export async function listMyApplications(supabaseUrl: string, anonKey: string, accessToken: string) {
  const supabase = createClient<Database>(supabaseUrl, anonKey, {
    global: { headers: { Authorization: `Bearer ${accessToken}` } },
  });

  // RLS returns only the caller's applications; the job comes embedded through the foreign key.
  const { data, error } = await supabase
    .from("applications")
    .select("id, status, applied_at, follow_up_at, job:jobs(title, company)")
    .order("created_at", { ascending: false });
  if (error) throw error;

  return data.map((application) => ({
    id: application.id,
    status: application.status, // "draft" | "applied" | "interviewing" | ...
    title: application.job.title, // string: many-to-one, so `job` is one object
    company: application.job.company,
  }));
}

// Compile-time checks of the shapes above.
type Listed = Awaited<ReturnType<typeof listMyApplications>>[number];
const statusIsTheEnum: Listed["status"] extends Database["public"]["Enums"]["application_status"] ? true : never = true;
const titleIsText: Listed["title"] extends string ? true : never = true;
export const typeChecks = [statusIsTheEnum, titleIsText];
