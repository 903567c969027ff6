-- The search projection: every active shared posting, with the columns search and matching read
-- already derived (listing time, accent-folded location, the title's own vector, the yearly top of
-- the salary range), kept by triggers on public.jobs in the same transaction; and the vocabulary of
-- shared titles and companies that typo-tolerant search corrects words against.
--
-- Why a projection and not indexes on public.jobs: under row-level security, a query's own
-- conditions may only become index conditions when their operators are leakproof, so that no row
-- the policy hides can reach them first. Full text (@@), array overlap (&&) and trigram similarity
-- (<%) are not leakproof: as `authenticated`, every GIN index on jobs is unusable and each search
-- filters every active posting one by one (seconds at a million postings). Shared postings are
-- readable by every signed-in user, so a table holding only them needs no row-level security, and
-- its indexes work for everyone. A user's own private imports are few and are read from public.jobs
-- by owner_id (uuid equality is leakproof), under RLS.

-- Section: tables
create table private.search_terms (
  term text primary key check (pg_catalog.length(term) between 3 and 40)
);
comment on table private.search_terms is 'Words (accent-folded, lower-case) of shared postings'' titles and companies: the vocabulary a misspelt query word is corrected to ("postgress" -> "postgresql"). Only grows; a stale word costs nothing.';

create table private.searchable_jobs (
  job_id uuid primary key references public.jobs (id) on delete cascade,
  listed_at timestamptz not null,
  expires_at timestamptz,
  search_vector tsvector not null,
  title_vector tsvector not null,
  location_folded text not null,
  country_code text,
  remote_type public.remote_type,
  employment_type public.employment_type,
  salary_currency text,
  salary_top_yearly numeric,
  required_skill_keys text[] not null,
  preferred_skill_keys text[] not null
);
-- Vectors stay in the row: filtering and ranking then read one page, not the TOAST table too.
alter table private.searchable_jobs alter column search_vector set storage main;
comment on table private.searchable_jobs is 'Active shared postings (owner_id null) as search_jobs and match_jobs read them; maintained by triggers on public.jobs. No RLS: every signed-in user may read shared postings.';
comment on column private.searchable_jobs.listed_at is 'posted_at, or created_at when the posting has no date: the listing order.';
comment on column private.searchable_jobs.title_vector is 'The title alone, for target-role matching.';
comment on column private.searchable_jobs.location_folded is 'Location, lower-cased and accent-free, for substring filters.';
comment on column private.searchable_jobs.salary_top_yearly is 'Top of the salary range (max, else min) made yearly from its period: month x12, week x52, day x220, hour x1760.';

-- Section: indexes
create index searchable_jobs_listed_at_idx on private.searchable_jobs (listed_at desc, job_id desc);
create index searchable_jobs_search_vector_idx on private.searchable_jobs using gin (search_vector);
create index searchable_jobs_title_vector_idx on private.searchable_jobs using gin (title_vector);
create index searchable_jobs_location_trgm_idx on private.searchable_jobs using gin (location_folded extensions.gin_trgm_ops);
create index searchable_jobs_country_code_idx on private.searchable_jobs (country_code);
create index searchable_jobs_employment_type_idx on private.searchable_jobs (employment_type);
create index search_terms_trgm_idx on private.search_terms using gin (term extensions.gin_trgm_ops);
create index searchable_jobs_required_skill_keys_idx on private.searchable_jobs using gin (required_skill_keys);
create index searchable_jobs_preferred_skill_keys_idx on private.searchable_jobs using gin (preferred_skill_keys);

-- Section: grants
-- Read by the invoker RPCs as the caller; written only by the definer trigger below.
revoke all on table private.searchable_jobs, private.search_terms from public, anon, authenticated;
grant select on table private.searchable_jobs, private.search_terms to authenticated, service_role;

-- Section: functions
create or replace function private.yearly_salary(amount integer, period public.salary_period)
returns numeric
language sql
immutable
parallel safe
set search_path = ''
as $$
  select yearly_salary.amount::numeric * case yearly_salary.period
    when 'month' then 12 when 'week' then 52 when 'day' then 220 when 'hour' then 1760 else 1 end
$$;
comment on function private.yearly_salary(integer, public.salary_period) is 'A salary figure made yearly from its period (a missing period counts as yearly).';

-- A posting projected as a row of private.searchable_jobs: used by the triggers (shared postings)
-- and by the RPCs for the caller's own imports, so both are read alike.
create or replace function private.searchable_job_row(j public.jobs)
returns private.searchable_jobs
language plpgsql
stable
parallel safe
set search_path = ''
as $$
begin
  -- plpgsql rather than sql: its plan is cached for the session, so reading a user's few imports
  -- inside a search costs microseconds, not a fresh plan per search.
  return row(
    searchable_job_row.j.id,
    coalesce(searchable_job_row.j.posted_at, searchable_job_row.j.created_at),
    searchable_job_row.j.expires_at,
    searchable_job_row.j.search_vector,
    pg_catalog.to_tsvector('private.english_unaccent'::regconfig, searchable_job_row.j.title),
    coalesce(private.fold_text(searchable_job_row.j.location), ''),
    searchable_job_row.j.country_code,
    searchable_job_row.j.remote_type,
    searchable_job_row.j.employment_type,
    searchable_job_row.j.salary_currency,
    private.yearly_salary(coalesce(searchable_job_row.j.salary_max, searchable_job_row.j.salary_min), searchable_job_row.j.salary_period),
    searchable_job_row.j.required_skill_keys,
    searchable_job_row.j.preferred_skill_keys
  )::private.searchable_jobs;
end;
$$;
comment on function private.searchable_job_row(public.jobs) is 'A posting projected as a private.searchable_jobs row (derived columns computed).';

-- The rows a search or match reads, as SQL text for the RPCs' dynamic statements: the shared
-- postings, plus (unless left out) the caller's own active imports, read from public.jobs under RLS
-- by owner_id (uuid equality is leakproof, so the owner_id index serves it). caller_param is the
-- number of the statement parameter that holds the caller's id.
create or replace function private.searchable_jobs_source(include_own boolean, caller_param integer)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case when searchable_jobs_source.include_own
    then '(select * from private.searchable_jobs union all select r.* from public.jobs j'
      || ' cross join lateral private.searchable_job_row(j) as r where j.owner_id = $'
      || searchable_jobs_source.caller_param::text || ' and j.is_active)'
    else 'private.searchable_jobs' end
$$;
comment on function private.searchable_jobs_source(boolean, integer) is 'FROM item (SQL text) of the rows search_jobs and match_jobs read: shared postings, and the caller''s own imports when asked.';

-- Statement-level, so a batch import refreshes the projection in one pass. Definer: it writes the
-- projection whoever writes jobs (users may import postings; only shared ones are projected).
create or replace function private.trigger_refresh_searchable_jobs()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from private.searchable_jobs s
  using changed_jobs c
  where s.job_id = c.id and not (c.owner_id is null and c.is_active);
  insert into private.searchable_jobs
  select r.*
  from changed_jobs c
  cross join lateral private.searchable_job_row(c::public.jobs) as r
  where c.owner_id is null and c.is_active
  on conflict (job_id) do update set
    listed_at = excluded.listed_at, expires_at = excluded.expires_at, search_vector = excluded.search_vector,
    title_vector = excluded.title_vector, location_folded = excluded.location_folded, country_code = excluded.country_code, remote_type = excluded.remote_type,
    employment_type = excluded.employment_type, salary_currency = excluded.salary_currency,
    salary_top_yearly = excluded.salary_top_yearly, required_skill_keys = excluded.required_skill_keys,
    preferred_skill_keys = excluded.preferred_skill_keys;
  insert into private.search_terms (term)
  select distinct w.term
  from changed_jobs c
  cross join lateral pg_catalog.regexp_split_to_table(private.fold_text(c.title || ' ' || c.company), '[^[:alnum:]]+') as w (term)
  where c.owner_id is null and c.is_active and pg_catalog.length(w.term) between 3 and 40
  on conflict do nothing;
  return null;
end;
$$;
comment on function private.trigger_refresh_searchable_jobs() is 'Keeps private.searchable_jobs equal to the active shared postings after every insert or update of public.jobs (deletes cascade), and adds their title and company words to private.search_terms.';

grant execute on function private.yearly_salary(integer, public.salary_period), private.searchable_job_row(public.jobs),
  private.searchable_jobs_source(boolean, integer)
  to authenticated, service_role;

-- Section: backfill
insert into private.searchable_jobs
select r.*
from public.jobs j
cross join lateral private.searchable_job_row(j) as r
where j.owner_id is null and j.is_active;
insert into private.search_terms (term)
select distinct w.term
from public.jobs j
cross join lateral pg_catalog.regexp_split_to_table(private.fold_text(j.title || ' ' || j.company), '[^[:alnum:]]+') as w (term)
where j.owner_id is null and j.is_active and pg_catalog.length(w.term) between 3 and 40
on conflict do nothing;

-- Section: triggers
create trigger jobs_refresh_searchable_on_insert
  after insert on public.jobs
  referencing new table as changed_jobs
  for each statement execute function private.trigger_refresh_searchable_jobs();

create trigger jobs_refresh_searchable_on_update
  after update on public.jobs
  referencing new table as changed_jobs
  for each statement execute function private.trigger_refresh_searchable_jobs();
