// Data for the pipeline benchmark: users with 100 applications each (1,000,000 at full scale),
// their timelines and CV versions, generated in the database with set-based SQL. Triggers are off
// during the load (session_replication_role = replica): the rows are consistent by construction, and
// per-row trigger work would measure the loader, not the pipeline page.
import pg from "pg";

export interface PipelineDataOptions {
  users: number;
  applicationsPerUser: number;
  jobs: number;
  log(message: string): void;
}

export interface PipelineDataReport {
  users: number;
  applications: number;
  events: number;
  cvs: number;
  seconds: number;
}

const load = (options: PipelineDataOptions) => [
  "set session_replication_role = replica",
  `insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
   select extensions.uuid_generate_v5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'bench-user-' || u), 'authenticated', 'authenticated',
          'bench' || u || '@example.test', '{"provider":"email"}', '{}', now() - interval '200 days', now()
     from generate_series(1, ${options.users}) as u`,
  `insert into public.profiles (id, full_name, email)
   select extensions.uuid_generate_v5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'bench-user-' || u), 'Bench User ' || u, 'bench' || u || '@example.test'
     from generate_series(1, ${options.users}) as u`,
  `insert into public.jobs (id, owner_id, source, external_id, title, company, location, remote_type, posted_at)
   select extensions.uuid_generate_v5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'bench-job-' || j), null, 'bench', 'job-' || j,
          (array['Backend Engineer','Data Engineer','Frontend Developer','Platform Engineer','Product Manager','SRE'])[1 + j % 6] || ' ' || (j % 97),
          'Company ' || (j % 2000), (array['Berlin','London','Stockholm','Remote','Zürich'])[1 + j % 5],
          (array['onsite','hybrid','remote'])[1 + j % 3]::public.remote_type, now() - make_interval(days => j % 90)
     from generate_series(0, ${options.jobs - 1}) as j`,
  // Each user applies to 100 distinct postings; the status follows a fixed, realistic spread.
  `create temporary table bench_applications as
   select extensions.uuid_generate_v5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'bench-app-' || u || '-' || k) as id,
          extensions.uuid_generate_v5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'bench-user-' || u) as user_id,
          extensions.uuid_generate_v5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'bench-job-' || ((u * 37 + k * 499) % ${options.jobs})) as job_id,
          (array['draft','draft','applied','applied','applied','interviewing','interviewing','offered','rejected','rejected','withdrawn','accepted'])
            [1 + (u * 7 + k * 13) % 12]::public.application_status as status,
          now() - make_interval(days => 180 - (k * 180 / ${options.applicationsPerUser}), hours => u % 24) as created_at,
          (u + k) % 10 < 6 as has_cv
     from generate_series(1, ${options.users}) as u, generate_series(0, ${options.applicationsPerUser - 1}) as k`,
  `insert into public.generated_cvs (id, user_id, job_id, version, content, match_score, generator, created_at)
   select extensions.uuid_generate_v5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'bench-cv-' || id), user_id, job_id, 1,
          '{"basics": {}}', 40 + (abs(hashtext(id::text)) % 60), 'deterministic', created_at
     from bench_applications where has_cv`,
  `insert into public.applications (id, user_id, job_id, status, cv_id, applied_at, follow_up_at, created_at, updated_at)
   select id, user_id, job_id, status,
          case when has_cv then extensions.uuid_generate_v5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'bench-cv-' || id) end,
          case when status <> 'draft' then created_at + interval '1 day' end,
          case when status in ('applied', 'interviewing', 'offered') then created_at + interval '8 days' end,
          created_at, created_at
     from bench_applications`,
  // The timeline: one status_change per step along the path to the current status.
  `insert into public.application_events (application_id, user_id, kind, from_status, to_status, occurred_at, created_at)
   select a.id, a.user_id, 'status_change', step.from_status::public.application_status, step.to_status::public.application_status,
          a.created_at + make_interval(days => step.n * 5), a.created_at + make_interval(days => step.n * 5)
     from bench_applications a
     cross join lateral (
       select n, path[n] as from_status, path[n + 1] as to_status
         from (select case a.status
                 when 'applied' then array['draft','applied']
                 when 'interviewing' then array['draft','applied','interviewing']
                 when 'offered' then array['draft','applied','interviewing','offered']
                 when 'accepted' then array['draft','applied','interviewing','offered','accepted']
                 when 'rejected' then array['draft','applied','rejected']
                 when 'withdrawn' then array['draft','withdrawn']
                 else array['draft'] end as path) p,
              generate_series(1, cardinality(p.path) - 1) as n
     ) step`,
  "set session_replication_role = origin",
  "vacuum (analyze) auth.users, public.profiles, public.jobs, public.applications, public.application_events, public.generated_cvs",
];

export async function generatePipelineData(url: string, options: PipelineDataOptions): Promise<PipelineDataReport> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of load(options)) {
      const stepStarted = Date.now();
      await client.query(statement);
      options.log(`  ${statement.split("\n")[0].slice(0, 70).trim()}... ${((Date.now() - stepStarted) / 1000).toFixed(1)}s`);
    }
    const { rows } = await client.query(
      `select (select count(*) from public.applications)::int as applications,
              (select count(*) from public.application_events)::int as events,
              (select count(*) from public.generated_cvs)::int as cvs`,
    );
    return { users: options.users, ...rows[0], seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
