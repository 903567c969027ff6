-- Bulk ingest of board postings into the shared board, set-based: one statement per batch holds
-- the comparison with what is stored, the INSERT ... ON CONFLICT (source, external_id) DO UPDATE
-- and the full-refresh deactivation; one more re-links duplicates. Called by the import-jobs
-- function as the service role and by the ingest benchmark (bench/suites/ingest); never by users.
--
-- What a call does, for postings of one source (and optionally one board within it):
--   * a new (source, external_id) is inserted, active, first and last seen now;
--   * a known one is updated only when something actually changed: a field of the posting, its
--     board, its coming back after being inactive (is_active again, times_reposted + 1), or
--     last_seen_at being more than an hour old (then it moves to now). Re-ingesting the same feed
--     within the hour therefore writes nothing at all; later, each posting is touched at most
--     once an hour, which is the precision last_seen_at promises. Unchanged postings are left
--     out before the INSERT, which would otherwise build each new row (tsvector, fingerprint,
--     skill keys, checks) only to discard it at the conflict;
--   * first_seen_at is never changed;
--   * with full_refresh, the board's active postings missing from the batch become inactive
--     (never deleted: applications and documents point at them, and they may come back);
--   * a new posting of a job the board already has is linked to its earliest posting as it is
--     inserted; then the groups of the postings inserted, or whose fingerprint changed, are
--     re-checked (private.link_duplicate_postings; the rule is in 20261125220000_job_freshness.sql).

-- Section: functions
create or replace function public.ingest_postings(
  source text,
  board text,
  postings jsonb,
  full_refresh boolean default false
)
-- One row: PostgREST and the generated types see the counts' names and types.
returns table (
  received integer,
  inserted integer,
  updated integer,
  unchanged integer,
  reactivated integer,
  deactivated integer,
  linked integer
)
language plpgsql
volatile
security invoker
set search_path = ''
as $$
-- Parameters are always written qualified (ingest_postings.source); bare names are columns.
#variable_conflict use_column
declare
  touched text[];
  upserted_count integer;
begin
  if ingest_postings.source is null or ingest_postings.source !~ '^[a-z0-9_-]{1,40}$' then
    raise exception 'source must match ^[a-z0-9_-]{1,40}$'
      using errcode = '22023', hint = 'Pass the postings'' source, e.g. greenhouse or lever.';
  end if;
  if pg_catalog.jsonb_typeof(ingest_postings.postings) is distinct from 'array' then
    raise exception 'postings must be a JSON array of normalised postings'
      using errcode = '22023';
  end if;
  if coalesce(ingest_postings.full_refresh, false) and ingest_postings.board is null then
    raise exception 'a full refresh needs a board'
      using errcode = '22023', hint = 'Without a board every posting of the source would count as missing.';
  end if;
  -- A posting without an external id could not be recognised on the next run (re-ingest would
  -- duplicate it), and one of another source would be filed under the wrong key.
  if exists (
    select from pg_catalog.jsonb_array_elements(ingest_postings.postings) as e (value)
    where pg_catalog.jsonb_typeof(e.value) is distinct from 'object'
       or coalesce(e.value ->> 'external_id', '') = ''
       or coalesce(e.value ->> 'source', ingest_postings.source) <> ingest_postings.source
  ) then
    raise exception 'every posting must be an object with an external_id, of source %', ingest_postings.source
      using errcode = '22023';
  end if;

  received := pg_catalog.jsonb_array_length(ingest_postings.postings);

  with input as (
    -- The last occurrence of an external id in the batch wins (ON CONFLICT may touch a row once).
    select distinct on (p.external_id)
      p.external_id, p.source_url, p.title, p.company, p.company_url, p.location, p.country_code, p.remote_type,
      p.employment_type, p.description, p.requirements, p.responsibilities, p.salary_min, p.salary_max,
      p.salary_currency, p.salary_period, coalesce(p.required_skills, '{}') as required_skills,
      coalesce(p.preferred_skills, '{}') as preferred_skills, p.posted_at, p.expires_at
    from rows from (
      pg_catalog.jsonb_to_recordset(ingest_postings.postings) as (
        external_id text, source_url text, title text, company text, company_url text, location text,
        country_code text, remote_type public.remote_type, employment_type public.employment_type,
        description text, requirements text, responsibilities text, salary_min integer, salary_max integer,
        salary_currency text, salary_period public.salary_period, required_skills text[], preferred_skills text[],
        posted_at timestamptz, expires_at timestamptz
      )
    ) with ordinality as p (
      external_id, source_url, title, company, company_url, location, country_code, remote_type, employment_type,
      description, requirements, responsibilities, salary_min, salary_max, salary_currency, salary_period,
      required_skills, preferred_skills, posted_at, expires_at, position
    )
    order by p.external_id, p.position desc
  ),
  known as (
    -- The batch's postings already on the board, as they were before this statement (one snapshot
    -- for the whole statement), and whether this sighting changes anything at all.
    select
      i.external_id, j.id, j.is_active, j.fingerprint,
      j.is_active
        and j.last_seen_at > pg_catalog.now() - interval '1 hour'
        and (ingest_postings.board is null or ingest_postings.board is not distinct from j.source_board)
        and (
          j.source_url, j.title, j.company, j.company_url, j.location, j.country_code, j.remote_type,
          j.employment_type, j.description, j.requirements, j.responsibilities, j.salary_min, j.salary_max,
          j.salary_currency, j.salary_period, j.required_skills, j.preferred_skills, j.posted_at, j.expires_at
        ) is not distinct from (
          i.source_url, i.title, i.company, i.company_url, i.location, i.country_code, i.remote_type,
          i.employment_type, i.description, i.requirements, i.responsibilities, i.salary_min, i.salary_max,
          i.salary_currency, i.salary_period, i.required_skills, i.preferred_skills, i.posted_at, i.expires_at
        ) as is_unchanged
    from input i
    join public.jobs j
      on j.owner_id is null and j.external_id is not null
     and j.source = ingest_postings.source and j.external_id = i.external_id
  ),
  upserted as (
    insert into public.jobs as j (
      owner_id, source, source_board, external_id, source_url, title, company, company_url, location, country_code,
      remote_type, employment_type, description, requirements, responsibilities, salary_min, salary_max,
      salary_currency, salary_period, required_skills, preferred_skills, posted_at, expires_at, is_active,
      first_seen_at, last_seen_at, canonical_job_id
    )
    select
      null, ingest_postings.source, ingest_postings.board, i.external_id, i.source_url, i.title, i.company,
      i.company_url, i.location, i.country_code, i.remote_type, i.employment_type, i.description, i.requirements,
      i.responsibilities, i.salary_min, i.salary_max, i.salary_currency, i.salary_period,
      i.required_skills, i.preferred_skills, i.posted_at, i.expires_at, true, pg_catalog.now(), pg_catalog.now(),
      -- A new posting of a job the board already has is linked as it is inserted: linking it
      -- afterwards would write every duplicate twice. (Ignored when the row exists: DO UPDATE.)
      (select c.id from public.jobs c
        where c.owner_id is null and c.fingerprint = private.job_fingerprint(i.company, i.title, i.location)
        order by c.first_seen_at, c.id limit 1)
    from input i
    -- An unchanged posting never reaches the INSERT: ON CONFLICT would first build the whole new
    -- row (vectors, fingerprint, skill keys, checks) only to throw it away.
    where not exists (select from known k where k.external_id = i.external_id and k.is_unchanged)
    on conflict (source, external_id) where owner_id is null and external_id is not null
    do update set
      source_board = coalesce(excluded.source_board, j.source_board),
      source_url = excluded.source_url,
      title = excluded.title,
      company = excluded.company,
      company_url = excluded.company_url,
      location = excluded.location,
      country_code = excluded.country_code,
      remote_type = excluded.remote_type,
      employment_type = excluded.employment_type,
      description = excluded.description,
      requirements = excluded.requirements,
      responsibilities = excluded.responsibilities,
      salary_min = excluded.salary_min,
      salary_max = excluded.salary_max,
      salary_currency = excluded.salary_currency,
      salary_period = excluded.salary_period,
      required_skills = excluded.required_skills,
      preferred_skills = excluded.preferred_skills,
      posted_at = excluded.posted_at,
      expires_at = excluded.expires_at,
      is_active = true,
      times_reposted = j.times_reposted + case when j.is_active then 0 else 1 end,
      last_seen_at = case
        when j.last_seen_at <= pg_catalog.now() - interval '1 hour' then pg_catalog.now()
        else j.last_seen_at
      end
    -- The same test as known.is_unchanged, for rows another transaction wrote since the snapshot.
    where not j.is_active
       or j.last_seen_at <= pg_catalog.now() - interval '1 hour'
       or (excluded.source_board is not null and excluded.source_board is distinct from j.source_board)
       or (
         j.source_url, j.title, j.company, j.company_url, j.location, j.country_code, j.remote_type,
         j.employment_type, j.description, j.requirements, j.responsibilities, j.salary_min, j.salary_max,
         j.salary_currency, j.salary_period, j.required_skills, j.preferred_skills, j.posted_at, j.expires_at
       ) is distinct from (
         excluded.source_url, excluded.title, excluded.company, excluded.company_url, excluded.location,
         excluded.country_code, excluded.remote_type, excluded.employment_type, excluded.description,
         excluded.requirements, excluded.responsibilities, excluded.salary_min, excluded.salary_max,
         excluded.salary_currency, excluded.salary_period, excluded.required_skills, excluded.preferred_skills,
         excluded.posted_at, excluded.expires_at
       )
    returning j.id, j.fingerprint, j.canonical_job_id
  ),
  gone as (
    -- Disjoint from the upserted rows: those are in the batch, these are not.
    update public.jobs j
    set is_active = false
    where coalesce(ingest_postings.full_refresh, false)
      and j.owner_id is null
      and j.source = ingest_postings.source
      and j.source_board = ingest_postings.board
      and j.is_active
      and not exists (select from input i where i.external_id = j.external_id)
    returning j.id
  )
  select
    pg_catalog.count(*) filter (where k.id is null)::integer,
    pg_catalog.count(*) filter (where k.id is not null)::integer,
    pg_catalog.count(*) filter (where k.id is not null and not k.is_active)::integer,
    pg_catalog.count(*)::integer,
    pg_catalog.count(*) filter (where k.id is null and u.canonical_job_id is not null)::integer,
    (select pg_catalog.count(*) from gone)::integer,
    (select pg_catalog.count(*) from input)::integer,
    -- New postings, and both groups of a posting whose company, title or location changed.
    pg_catalog.array_cat(
      pg_catalog.array_agg(u.fingerprint) filter (where k.id is null or k.fingerprint <> u.fingerprint),
      pg_catalog.array_agg(k.fingerprint) filter (where k.fingerprint <> u.fingerprint)
    )
  into inserted, updated, reactivated, upserted_count, linked, deactivated, unchanged, touched
  from upserted u
  left join known k on k.id = u.id;

  unchanged := unchanged - upserted_count;
  -- Links the insert could not know: duplicates within this batch, groups whose earliest posting
  -- changed its company, title or location. Usually nothing to change.
  if touched is not null then
    linked := linked + private.link_duplicate_postings(touched);
  end if;
  return next;
end;
$$;
comment on function public.ingest_postings(text, text, jsonb, boolean) is
  $$Upserts a batch of normalised postings (a JSON array of NormalizedPosting objects, each with an external_id) of one source, optionally one board, into the shared board in one statement: new ones inserted, changed ones updated, unchanged ones not written (last_seen_at moves at most once an hour); postings that come back after being inactive are reactivated and counted as re-posts; with full_refresh, the board's postings missing from the batch are marked inactive, never deleted; duplicates are linked by fingerprint. Returns the counts. Service role only.$$;

revoke execute on function public.ingest_postings(text, text, jsonb, boolean) from public, anon, authenticated;
grant execute on function public.ingest_postings(text, text, jsonb, boolean) to service_role;
