// Data for the search/match benchmark, generated inside the database with set-based SQL
// (INSERT ... SELECT over generate_series, vocabularies passed once as JSON), in parallel slices.
// Secondary indexes on jobs are dropped for the load and rebuilt from their own definitions.
import pg from "pg";
import {
  benefits,
  cities,
  companyPrefixes,
  companySuffixes,
  cultureLines,
  domains,
  legalForms,
  roleFamilies,
  seniorities,
  titleSuffixes,
} from "./vocabulary.ts";

export interface GenerateOptions {
  postings: number;
  users: number;
  /** share of postings that are a user's private import */
  privateShare: number;
  /** concurrent loader connections */
  parallel: number;
  seed: number;
  log(message: string): void;
}

export interface GenerateReport {
  postings: number;
  activePostings: number;
  privatePostings: number;
  users: number;
  preferences: number;
  seconds: { users: number; postings: number; indexes: number; preferences: number; analyze: number; total: number };
  tableSize: string;
  indexSize: string;
}

/** Splits a script on statement-ending semicolons (the scripts here have none inside literals). */
function statements(script: string): string[] {
  return script.split(/;\s*\n/).map((statement) => statement.trim()).filter(Boolean);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // JIT would compile each big generator statement for seconds and gain nothing here.
    await client.query("set jit = off");
    return await work(client);
  } finally {
    await client.end();
  }
}

export const vocabulary = {
  roles: roleFamilies,
  seniorities,
  titleSuffixes,
  cities,
  companyPrefixes,
  companySuffixes,
  legalForms,
  domains,
  benefits,
  cultureLines,
};

// Vocabulary tables in a scratch schema, readable by every loader connection; dropped at the end.
export const vocabularySql = `
create schema if not exists bench_gen;
drop table if exists bench_gen.roles, bench_gen.cities, bench_gen.words, bench_gen.skill_keys;
drop function if exists bench_gen.keys_of(text[]);
create table bench_gen.roles as
  select ordinality::int as id, r.*
  from rows from (jsonb_to_recordset($1::jsonb -> 'roles')
    as (weight int, titles text[], skills text[], responsibilities text[], team text, salary int)) with ordinality as r;
create table bench_gen.cities as
  select ordinality::int as id, c.*
  from rows from (jsonb_to_recordset($1::jsonb -> 'cities')
    as (city text, country text, currency text, pay float8, weight int)) with ordinality as c;
-- Skill keys of every spelling the vocabularies use, resolved once by the real resolver, so the
-- load can fill jobs.*_skill_keys set-based with its trigger disabled (checked after the load).
create table bench_gen.skill_keys as
  select s.name, private.skill_keys(array[s.name]) as keys
  from (select distinct unnest(skills) as name from bench_gen.roles) s;
-- What private.skill_keys() returns, from the table above: keys in first-seen order, de-duplicated.
create function bench_gen.keys_of(names text[]) returns text[] language sql stable as $$
  select coalesce(array_agg(x.key order by x.position), '{}')
  from (
    select distinct on (k.keys[1]) k.keys[1] as key, t.position
    from unnest(names) with ordinality as t (name, position)
    join bench_gen.skill_keys k on k.name = t.name
    order by k.keys[1], t.position
  ) x
$$;
create table bench_gen.words as
  select
    (select array_agg(id) from bench_gen.roles, generate_series(1, weight)) as role_picks,
    (select array_agg(id) from bench_gen.cities, generate_series(1, weight)) as city_picks,
    (select array_agg(s ->> 'prefix' order by o) from jsonb_array_elements($1::jsonb -> 'seniorities') with ordinality as t(s, o), generate_series(1, (s ->> 'weight')::int)) as seniority_prefixes,
    (select array_agg((s ->> 'pay')::float8 order by o) from jsonb_array_elements($1::jsonb -> 'seniorities') with ordinality as t(s, o), generate_series(1, (s ->> 'weight')::int)) as seniority_pay,
    array(select jsonb_array_elements_text($1::jsonb -> 'titleSuffixes')) as title_suffixes,
    array(select jsonb_array_elements_text($1::jsonb -> 'companyPrefixes')) as company_prefixes,
    array(select jsonb_array_elements_text($1::jsonb -> 'companySuffixes')) as company_suffixes,
    array(select jsonb_array_elements_text($1::jsonb -> 'legalForms')) as legal_forms,
    array(select jsonb_array_elements_text($1::jsonb -> 'domains')) as domains,
    array(select jsonb_array_elements_text($1::jsonb -> 'benefits')) as benefits,
    array(select jsonb_array_elements_text($1::jsonb -> 'cultureLines')) as culture_lines,
    array['full_time','full_time','full_time','full_time','full_time','full_time','full_time','full_time','full_time','full_time',
          'full_time','full_time','full_time','full_time','full_time','full_time','contract','contract','part_time','internship',
          'temporary','freelance']::public.employment_type[] as employment_picks,
    array['onsite','onsite','onsite','onsite','onsite','onsite','onsite','onsite','onsite','hybrid','hybrid','hybrid','hybrid',
          'hybrid','hybrid','remote','remote','remote','remote','remote']::public.remote_type[] as remote_picks;
`;

// Bench users: auth.users rows (the signup trigger creates profiles), then profile content.
const usersSql = `
insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select
  ('00000000-0000-4000-8000-' || lpad(to_hex(g.i), 12, '0'))::uuid,
  'authenticated', 'authenticated', 'bench-user-' || g.i || '@bench.jobtrail.dev',
  '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', 'Bench User ' || g.i),
  now() - (random() * 400) * interval '1 day', now()
from generate_series(1, $1::int) as g(i);

update public.profiles p set
  headline = x.role_title,
  skills = x.skills,
  target_roles = x.target_roles,
  target_locations = array[x.city],
  remote_preferences = x.remote_preferences,
  salary_min = x.salary_min,
  salary_max = (x.salary_min * 1.3)::int,
  salary_currency = x.currency
from (
  select u.id, r.titles[1] as role_title, c.city, c.currency,
    -- 5 to 12 skills from the family, sometimes written as aliases, plus one from a neighbour
    (select array_agg(distinct s) from (
       (select s from unnest(r.skills) s order by random() limit 5 + (random() * 7)::int)
       union all
       (select s from unnest((select skills from bench_gen.roles where id = 1 + ((r.id + u.n) % (select count(*) from bench_gen.roles))::int)) s
         order by random() limit 1)
     ) t) as skills,
    (select array_agg(t) from (select t from unnest(r.titles) t order by random() limit 1 + (u.n % 2)) q) as target_roles,
    case u.n % 5 when 0 then '{remote}' when 1 then '{remote,hybrid}' when 2 then '{}' when 3 then '{hybrid,onsite}' else '{onsite,hybrid,remote}' end::public.remote_type[] as remote_preferences,
    ((r.salary * c.pay * (0.8 + random() * 0.5)) / 1000)::int * 1000 as salary_min
  from (select id, row_number() over (order by id) as n from auth.users where email like 'bench-user-%') u
  cross join lateral (select w.role_picks[1 + floor(random() * cardinality(w.role_picks))::int + (u.n * 0)::int] as role_id,
                             w.city_picks[1 + floor(random() * cardinality(w.city_picks))::int] as city_id
                      from bench_gen.words w) pick
  join bench_gen.roles r on r.id = pick.role_id
  join bench_gen.cities c on c.id = pick.city_id
) x
where p.id = x.id;
`;

// One slice of postings [$1, $2]. Everything random is drawn per row (the lateral subqueries
// reference g.i so the planner cannot hoist them).
export const postingsSql = `
insert into public.jobs (
  owner_id, source, external_id, source_url, title, company, location, country_code, remote_type, employment_type,
  description, requirements, responsibilities, salary_min, salary_max, salary_currency, salary_period,
  required_skills, preferred_skills, required_skill_keys, preferred_skill_keys, posted_at, expires_at, is_active
)
select
  case when d.is_private then ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (d.rnd_owner * ($4::int - 1))::int), 12, '0'))::uuid end,
  case when d.is_private then 'manual' else (array['greenhouse','lever','workable','ashby','linkedin','indeed'])[1 + (g.i % 6)] end,
  'bench-' || g.i,
  'https://jobs.example.com/postings/' || g.i,
  d.title,
  d.company,
  case when d.remote = 'remote' then (case when d.rnd_loc < 0.5 then 'Remote' else 'Remote (' || c.city || ')' end) else c.city end,
  c.country,
  d.remote,
  p.employment,
  format('%s is a %s company. We are looking for a %s to join our %s team in %s. You will %s, %s and %s. Our stack includes %s. %s We offer %s, %s and %s.',
    d.company, d.domain, d.title, r.team, c.city, d.resp[1], d.resp[2], d.resp[3],
    array_to_string(d.shuffled[1:least(cardinality(d.shuffled), d.n_required + 2)], ', '), d.culture, d.benefit[1], d.benefit[2], d.benefit[3]),
  format('%s+ years of professional experience. Strong knowledge of %s and %s. Experience with %s is a plus. Fluent English%s.',
    1 + (d.rnd_years * 7)::int, d.shuffled[1], d.shuffled[2], coalesce(d.shuffled[d.n_required + 1], 'Docker'),
    case c.country when 'DE' then ' and German' when 'FR' then ' and French' when 'NL' then ', Dutch is a plus' else '' end),
  array_to_string(d.resp, '. ') || '.',
  d.salary_min,
  case when d.salary_min is not null then (d.salary_min * (1.15 + d.rnd_pay * 0.3))::int end,
  case when d.salary_min is not null then c.currency end,
  case when d.salary_min is not null then d.period end,
  d.shuffled[1:d.n_required],
  d.shuffled[d.n_required + 1:d.n_required + d.n_preferred],
  bench_gen.keys_of(d.shuffled[1:d.n_required]),
  bench_gen.keys_of(d.shuffled[d.n_required + 1:d.n_required + d.n_preferred]),
  d.posted_at,
  d.posted_at + (30 + d.rnd_expiry * 60) * interval '1 day',
  d.posted_at + (30 + d.rnd_expiry * 60) * interval '1 day' > now() and d.rnd_closed > 0.03
from generate_series($1::int, $2::int) as g(i)
cross join bench_gen.words w
cross join lateral (
  select w.role_picks[1 + floor(random() * cardinality(w.role_picks))::int] as role_id,
         w.city_picks[1 + floor(random() * cardinality(w.city_picks))::int] as city_id,
         floor(random() * cardinality(w.seniority_prefixes))::int + 1 as seniority,
         w.employment_picks[1 + floor(random() * cardinality(w.employment_picks))::int] as employment,
         random() as rnd_title, random() as rnd_suffix, random() as rnd_rate, g.i as i
) p0
cross join lateral (select p0.*, p0.employment in ('contract', 'freelance') and p0.rnd_rate < 0.5 as day_rate) p
join bench_gen.roles r on r.id = p.role_id
join bench_gen.cities c on c.id = p.city_id
cross join lateral (
  select
    random() < $3::float8 as is_private,
    random() as rnd_owner, random() as rnd_loc, random() as rnd_years, random() as rnd_pay, random() as rnd_expiry, random() as rnd_closed,
    w.seniority_prefixes[p.seniority] || r.titles[1 + floor(p.rnd_title * cardinality(r.titles))::int]
      || w.title_suffixes[1 + floor(p.rnd_suffix * cardinality(w.title_suffixes))::int] as title,
    w.company_prefixes[1 + floor(random() * cardinality(w.company_prefixes))::int] || ' '
      || w.company_suffixes[1 + floor(random() * cardinality(w.company_suffixes))::int]
      || w.legal_forms[1 + floor(random() * cardinality(w.legal_forms))::int] as company,
    w.remote_picks[1 + floor(random() * cardinality(w.remote_picks))::int] as remote,
    w.domains[1 + floor(random() * cardinality(w.domains))::int] as domain,
    w.culture_lines[1 + floor(random() * cardinality(w.culture_lines))::int] as culture,
    array(select b from unnest(w.benefits) b order by random() + p.i * 0 limit 3) as benefit,
    array(select x from unnest(r.responsibilities) x order by random() + p.i * 0 limit 3) as resp,
    array(select s from unnest(r.skills) s order by random() + p.i * 0) as shuffled,
    3 + floor(random() * 4)::int as n_required,
    floor(random() * 4)::int as n_preferred,
    case when random() >= 0.7 then null
      when p.day_rate then ((r.salary * w.seniority_pay[p.seniority] * c.pay * (0.85 + random() * 0.3)) / 200)::int * 10
      else (((r.salary * w.seniority_pay[p.seniority] * c.pay * (0.85 + random() * 0.3)) / 1000)::int * 1000)::int
    end as salary_min,
    case when p.day_rate then 'day' else 'year' end::public.salary_period as period,
    -- Oldest first (i ascending), as a board receives them, so storage order follows listing order;
    -- density grows towards today (quantile of the same skewed distribution), a few hours of jitter.
    now() - (540 * power(1 - (p.i - 0.5) / $5::float8, 1.6) + random() * 0.2) * interval '1 day' as posted_at
) d;
`;

// Favorites and hidden marks: $1 per user, on active shared postings picked deterministically.
const preferencesSql = `
create temporary table bench_picks as
  select id, row_number() over (order by id) as n from public.jobs where owner_id is null and is_active;
insert into public.user_job_preferences (user_id, job_id, is_favorite, is_hidden)
select distinct on (u.id, j.id) u.id, j.id, k % 3 = 0, k % 3 <> 0
from (select id, row_number() over (order by id) as n from auth.users where email like 'bench-user-%') u
cross join generate_series(1, $1::int) as k
join bench_picks j on j.n = 1 + ((u.n * 7919 + k * 104729) % (select count(*) from bench_picks));
`;

export async function generate(url: string, options: GenerateOptions): Promise<GenerateReport> {
  const started = Date.now();
  const seconds = { users: 0, postings: 0, indexes: 0, preferences: 0, analyze: 0, total: 0 };
  const since = (t: number) => (Date.now() - t) / 1000;

  await withClient(url, async (client) => {
    for (const statement of statements(vocabularySql)) {
      await client.query(statement, statement.includes("$1") ? [JSON.stringify(vocabulary)] : []);
    }
  });

  let t = Date.now();
  await withClient(url, async (client) => {
    await client.query(`select setseed(${(options.seed % 1000) / 1000})`);
    for (const statement of statements(usersSql)) {
      await client.query(statement, statement.includes("$1") ? [options.users] : []);
    }
  });
  seconds.users = since(t);
  options.log(`users: ${options.users} with profiles in ${seconds.users.toFixed(1)}s`);

  // Drop the secondary indexes of the tables the load writes (jobs, and the search projection its
  // triggers keep); keep their definitions to rebuild them verbatim afterwards.
  const indexes = await withClient(url, (client) =>
    client.query<{ schema: string; name: string; definition: string; constraint: string | null }>(`
      select n.nspname as schema, i.relname as name, pg_get_indexdef(i.oid) as definition, c.conname as constraint
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = i.relnamespace
      left join pg_constraint c on c.conindid = x.indexrelid
      where x.indrelid in ('public.jobs'::regclass, 'private.searchable_jobs'::regclass) and not x.indisprimary`),
  );
  const droppable = indexes.rows.filter((row) => row.constraint === null);
  await withClient(url, async (client) => {
    for (const index of droppable) await client.query(`drop index ${pg.escapeIdentifier(index.schema)}.${pg.escapeIdentifier(index.name)}`);
  });

  await withClient(url, (client) => client.query("alter table public.jobs disable trigger jobs_set_skill_keys"));
  t = Date.now();
  const sliceSize = 50_000;
  const slices: Array<[number, number]> = [];
  for (let start = 1; start <= options.postings; start += sliceSize) {
    slices.push([start, Math.min(options.postings, start + sliceSize - 1)]);
  }
  let done = 0;
  await Promise.all(
    Array.from({ length: options.parallel }, (_, worker) =>
      withClient(url, async (client) => {
        await client.query(`select setseed(${((options.seed + worker + 1) % 1000) / 1000})`);
        await client.query("set synchronous_commit = off");
        for (let index = worker; index < slices.length; index += options.parallel) {
          const [from, to] = slices[index];
          await client.query(postingsSql, [from, to, options.privateShare, options.users, options.postings]);
          done += to - from + 1;
          if (done % 200_000 < sliceSize || done === options.postings) {
            options.log(`postings: ${done}/${options.postings} (${(done / since(t)).toFixed(0)}/s)`);
          }
        }
      })
    ),
  );
  seconds.postings = since(t);
  await withClient(url, async (client) => {
    await client.query("alter table public.jobs enable trigger jobs_set_skill_keys");
    const { rows } = await client.query<{ wrong: string }>(`
      select count(*) as wrong from (select * from public.jobs tablesample system (1) limit 2000) j
      where j.required_skill_keys <> private.skill_keys(j.required_skills) or j.preferred_skill_keys <> private.skill_keys(j.preferred_skills)`);
    if (Number(rows[0].wrong) > 0) throw new Error(`${rows[0].wrong} sampled postings have skill keys that differ from private.skill_keys()`);
  });

  t = Date.now();
  // Rebuild in parallel, GIN first (the slowest); each connection builds one index at a time.
  const queue = [...droppable].sort((a, b) => Number(b.definition.includes("USING gin")) - Number(a.definition.includes("USING gin")));
  await Promise.all(
    Array.from({ length: options.parallel }, () =>
      withClient(url, async (client) => {
        await client.query(`set maintenance_work_mem = '${Math.floor(2048 / options.parallel)}MB'`);
        for (let next = queue.shift(); next; next = queue.shift()) await client.query(next.definition);
      })
    ),
  );
  seconds.indexes = since(t);
  options.log(`indexes: ${droppable.length} rebuilt in ${seconds.indexes.toFixed(1)}s`);

  t = Date.now();
  await withClient(url, async (client) => {
    for (const statement of statements(preferencesSql)) {
      await client.query(statement, statement.includes("$1") ? [10] : []);
    }
    await client.query("drop schema bench_gen cascade");
  });
  seconds.preferences = since(t);

  t = Date.now();
  await withClient(url, async (client) => {
    await client.query("vacuum (analyze) public.jobs");
    await client.query("vacuum (analyze) private.searchable_jobs");
    await client.query("vacuum (analyze) private.search_terms");
    await client.query("vacuum (analyze) public.profiles");
    await client.query("vacuum (analyze) public.user_job_preferences");
    await client.query("vacuum (analyze) public.skill_aliases");
    await client.query("vacuum (analyze) auth.users");
  });
  seconds.analyze = since(t);
  seconds.total = since(started);

  return await describeData(url, options.users, seconds);
}

/** What a database generated earlier holds (--reuse): the same report, with no generation time. */
export async function describeData(
  url: string,
  users: number,
  seconds: GenerateReport["seconds"] = { users: 0, postings: 0, indexes: 0, preferences: 0, analyze: 0, total: 0 },
): Promise<GenerateReport> {
  const [stats] = await withClient(url, async (client) =>
    (await client.query<{ postings: string; active: string; private: string; preferences: string; table_size: string; index_size: string }>(`
      select count(*) as postings, count(*) filter (where is_active) as active, count(*) filter (where owner_id is not null) as private,
             (select count(*) from public.user_job_preferences) as preferences,
             pg_size_pretty(pg_table_size('public.jobs')) as table_size,
             pg_size_pretty(pg_indexes_size('public.jobs')) as index_size
      from public.jobs`)).rows
  );
  return {
    postings: Number(stats.postings),
    activePostings: Number(stats.active),
    privatePostings: Number(stats.private),
    users,
    preferences: Number(stats.preferences),
    seconds,
    tableSize: stats.table_size,
    indexSize: stats.index_size,
  };
}
