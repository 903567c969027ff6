-- Job postings. Shared postings (owner_id null) fill the board and are written by the service role
-- (ingest); a user's private postings (owner_id set) are the ones they import or type in themselves.

-- Section: types
create type public.employment_type as enum ('full_time', 'part_time', 'contract', 'temporary', 'internship', 'freelance');
comment on type public.employment_type is 'Kind of employment offered by a posting.';

create type public.salary_period as enum ('year', 'month', 'week', 'day', 'hour');
comment on type public.salary_period is 'What a posting''s salary figures are per.';

-- Section: functions used by generated columns
create or replace function private.normalize_for_fingerprint(value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  -- Accents, case, punctuation and legal suffixes do not make a different job.
  select pg_catalog.btrim(pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(
      pg_catalog.regexp_replace(private.fold_text(coalesce(value, '')), '[^a-z0-9]+', ' ', 'g'),
      '\m(inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|bv|plc|corp|corporation|co)\M', ' ', 'g'),
    '\s+', ' ', 'g'))
$$;
comment on function private.normalize_for_fingerprint(text) is 'Folds case, accents, punctuation and company legal suffixes so the same job posted on several boards normalises alike.';

create or replace function private.job_fingerprint(company text, title text, location text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select pg_catalog.md5(
    private.normalize_for_fingerprint(company) || '|' || private.normalize_for_fingerprint(title) || '|' || private.normalize_for_fingerprint(location)
  )
$$;
comment on function private.job_fingerprint(text, text, text) is 'Dedup key for a posting: md5 of normalised company, title and location.';

grant execute on function private.normalize_for_fingerprint(text), private.job_fingerprint(text, text, text)
  to authenticated, service_role;

-- Section: tables
create table public.jobs (
  id uuid primary key default extensions.gen_random_uuid(),
  owner_id uuid default auth.uid() references auth.users (id) on delete cascade,
  source text not null default 'manual' check (source ~ '^[a-z0-9_-]{1,40}$'),
  external_id text check (pg_catalog.length(external_id) between 1 and 200),
  source_url text check (private.is_http_url(source_url)),
  title text not null check (title = pg_catalog.btrim(title) and pg_catalog.length(title) between 1 and 300),
  company text not null check (company = pg_catalog.btrim(company) and pg_catalog.length(company) between 1 and 200),
  company_url text check (private.is_http_url(company_url)),
  location text check (pg_catalog.length(location) <= 300),
  country_code text check (country_code ~ '^[A-Z]{2}$'),
  remote_type public.remote_type,
  employment_type public.employment_type,
  description text check (pg_catalog.length(description) <= 100000),
  requirements text check (pg_catalog.length(requirements) <= 50000),
  responsibilities text check (pg_catalog.length(responsibilities) <= 50000),
  salary_min integer check (salary_min >= 0),
  salary_max integer check (salary_max >= 0),
  salary_currency text check (salary_currency ~ '^[A-Z]{3}$'),
  salary_period public.salary_period,
  required_skills text[] not null default '{}' check (private.is_clean_text_array(required_skills, 100, 100)),
  preferred_skills text[] not null default '{}' check (private.is_clean_text_array(preferred_skills, 100, 100)),
  posted_at timestamptz,
  expires_at timestamptz,
  is_active boolean not null default true,
  fingerprint text generated always as (private.job_fingerprint(company, title, location)) stored,
  search_vector tsvector generated always as (
    pg_catalog.setweight(pg_catalog.to_tsvector('private.english_unaccent'::regconfig, title), 'A')
    || pg_catalog.setweight(pg_catalog.to_tsvector('private.english_unaccent'::regconfig, company || ' ' || private.immutable_array_to_string(required_skills || preferred_skills)), 'B')
    || pg_catalog.setweight(pg_catalog.to_tsvector('private.english_unaccent'::regconfig,
         pg_catalog.left(coalesce(description, '') || ' ' || coalesce(requirements, '') || ' ' || coalesce(responsibilities, ''), 200000)), 'C')
  ) stored,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  constraint jobs_salary_range_check check (salary_min is null or salary_max is null or salary_min <= salary_max),
  constraint jobs_salary_needs_currency_check check ((salary_min is null and salary_max is null) or salary_currency is not null),
  constraint jobs_dates_ordered_check check (expires_at is null or posted_at is null or expires_at >= posted_at)
);
comment on table public.jobs is 'Job postings: shared board postings (owner_id null, written by ingest) and a user''s private imports (owner_id set).';
comment on column public.jobs.owner_id is 'Null for a shared posting; the importing user for a private one (the default for a signed-in caller).';
comment on column public.jobs.source is 'Where the posting came from: manual, url, greenhouse, lever, ...';
comment on column public.jobs.external_id is 'The posting''s id at its source; unique per source on the shared board and per source and owner for private imports.';
comment on column public.jobs.country_code is 'ISO 3166-1 alpha-2 country of the job''s location, when known.';
comment on column public.jobs.salary_min is 'Lower bound of the advertised salary, in salary_currency per salary_period.';
comment on column public.jobs.fingerprint is 'Dedup key (normalised company, title and location): the same job seen on several boards shares it.';
comment on column public.jobs.search_vector is 'Weighted full-text vector, accents folded: title (A), company and skills (B), body text (C).';

-- Section: indexes
create index jobs_owner_id_idx on public.jobs (owner_id);
create unique index jobs_shared_source_external_id_idx on public.jobs (source, external_id)
  where owner_id is null and external_id is not null;
create unique index jobs_private_source_external_id_idx on public.jobs (owner_id, source, external_id)
  where owner_id is not null and external_id is not null;
create index jobs_fingerprint_idx on public.jobs (fingerprint);
create index jobs_search_vector_idx on public.jobs using gin (search_vector);

-- Section: grants
-- Users read the board and manage their own imports; the shared board is the service role's.
revoke all on table public.jobs from anon, authenticated;
grant select, delete on table public.jobs to authenticated;
grant insert (
  owner_id, source, external_id, source_url, title, company, company_url, location, country_code, remote_type,
  employment_type, description, requirements, responsibilities, salary_min, salary_max, salary_currency, salary_period,
  required_skills, preferred_skills, posted_at, expires_at, is_active
) on table public.jobs to authenticated;
grant update (
  source_url, title, company, company_url, location, country_code, remote_type, employment_type, description,
  requirements, responsibilities, salary_min, salary_max, salary_currency, salary_period, required_skills,
  preferred_skills, posted_at, expires_at, is_active
) on table public.jobs to authenticated;

-- Section: row-level security
alter table public.jobs enable row level security;

create policy "Users can view shared postings and their own imports"
  on public.jobs for select
  to authenticated
  using (owner_id is null or owner_id = (select auth.uid()));

create policy "Users can add postings of their own"
  on public.jobs for insert
  to authenticated
  with check (owner_id = (select auth.uid()));

create policy "Users can update their own postings"
  on public.jobs for update
  to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

create policy "Users can delete their own postings"
  on public.jobs for delete
  to authenticated
  using (owner_id = (select auth.uid()));

-- Section: triggers
create trigger jobs_set_updated_at
  before update on public.jobs
  for each row execute function private.trigger_set_updated_at();

-- Rows of a user (applications, documents, preferences) may point only at postings that user can
-- see: a shared one or their own. Definer so the check holds whoever writes the row.
create or replace function private.trigger_ensure_job_visible()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (
    select from public.jobs
    where id = new.job_id and (owner_id is null or owner_id = new.user_id)
  ) then
    raise exception 'job % is not visible to user %', new.job_id, new.user_id
      using errcode = '23503', hint = 'Point at a shared posting or one of your own.';
  end if;
  return new;
end;
$$;
comment on function private.trigger_ensure_job_visible() is 'Rejects (23503) a row that points at another user''s private posting.';
