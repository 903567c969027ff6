-- Freshness and dedup signals on postings: which board a shared posting came from, when it was
-- first and last seen there, how often it came back after disappearing, which earlier posting it
-- duplicates, and likely_stale, the one flag users filter ghost jobs with.
--
-- Dedup rule: postings on the shared board (owner_id null) with the same fingerprint (normalised
-- company + title + location, private.job_fingerprint) are one job seen several times, on several
-- boards or under several ids. The earliest of them (first_seen_at, then id) is canonical: its
-- canonical_job_id is null and every other one points at it, so links are never chained. Inactive
-- postings take part too: a job that comes back under a new id still points at its first sighting.
-- Links are set by public.ingest_postings (20261125220100) for the fingerprints a batch touched.
-- Private imports (owner_id set) are never linked: the import-jobs function returns the shared
-- posting instead of creating a private duplicate.
--
-- Freshness rule (public.likely_stale): a posting is likely stale when any of
--   * it is not active (closed, or missing from its board's last full refresh);
--   * it has expired (expires_at in the past);
--   * it was posted more than 60 days ago (first seen, when the source gives no date);
--   * it has been re-posted 3 or more times (gone from its board and back again, a ghost-job tell).

-- Section: tables
alter table public.jobs
  add column source_board text
    check (source_board = pg_catalog.btrim(source_board) and pg_catalog.length(source_board) between 1 and 200),
  add column first_seen_at timestamptz not null default pg_catalog.now(),
  add column last_seen_at timestamptz not null default pg_catalog.now(),
  add column times_reposted integer not null default 0 check (times_reposted >= 0),
  add column canonical_job_id uuid references public.jobs (id) on delete set null,
  add constraint jobs_canonical_not_self_check check (canonical_job_id <> id),
  add constraint jobs_seen_ordered_check check (last_seen_at >= first_seen_at);
comment on column public.jobs.source_board is 'The board within the source a shared posting came from: a Greenhouse board token, a Lever company. A full refresh of that board deactivates its postings missing from the feed.';
comment on column public.jobs.first_seen_at is 'When ingest (or the importing user) first saw this posting; kept on every later sighting.';
comment on column public.jobs.last_seen_at is 'When ingest last saw this posting in its feed; advanced at most once an hour, so re-ingesting an unchanged feed writes nothing.';
comment on column public.jobs.times_reposted is 'How often the posting came back after being inactive (missing from a full refresh, closed): 3 or more makes it likely stale.';
comment on column public.jobs.canonical_job_id is 'For a shared posting whose fingerprint an earlier shared posting already has: that earliest posting (the canonical one, whose own link is null). Maintained by ingest.';

-- Section: backfill
-- Existing postings were first seen when they were created and last seen at their last change.
-- The updated_at trigger is paused so the backfill does not look like a change to every row.
alter table public.jobs disable trigger jobs_set_updated_at;
update public.jobs set first_seen_at = created_at, last_seen_at = greatest(created_at, updated_at);
alter table public.jobs enable trigger jobs_set_updated_at;

-- Section: indexes
-- The foreign key, and "which postings point at this one" when a canonical posting changes.
create index jobs_canonical_job_id_idx on public.jobs (canonical_job_id) where canonical_job_id is not null;
-- A full refresh finds the board's postings that are missing from the feed.
create index jobs_shared_source_board_idx on public.jobs (source, source_board) where owner_id is null;

-- Section: functions
-- Recomputes the canonical links of the shared postings in the given fingerprint groups. Invoker:
-- run by ingest (service role) and by this migration; users cannot write canonical_job_id at all.
create or replace function private.link_duplicate_postings(fingerprints text[])
returns integer
language sql
volatile
set search_path = ''
as $$
  with ranked as (
    select j.id,
           pg_catalog.first_value(j.id) over (partition by j.fingerprint order by j.first_seen_at, j.id) as root
    from public.jobs j
    where j.owner_id is null and j.fingerprint = any (link_duplicate_postings.fingerprints)
  ),
  changed as (
    update public.jobs j
    set canonical_job_id = nullif(r.root, r.id)
    from ranked r
    where j.id = r.id and j.canonical_job_id is distinct from nullif(r.root, r.id)
    returning 1
  )
  select pg_catalog.count(*)::integer from changed
$$;
comment on function private.link_duplicate_postings(text[]) is 'Points every shared posting of the given fingerprint groups at the group''s earliest posting (first_seen_at, then id), which itself gets null; returns how many links changed.';

revoke execute on function private.link_duplicate_postings(text[]) from public, anon, authenticated;
grant execute on function private.link_duplicate_postings(text[]) to service_role;

-- A PostgREST computed field: `select=*,likely_stale` and `likely_stale=is.false` on /jobs.
create or replace function public.likely_stale(job public.jobs)
returns boolean
language sql
stable
parallel safe
set search_path = ''
as $$
  select not (likely_stale.job).is_active
    or coalesce((likely_stale.job).expires_at < pg_catalog.now(), false)
    or coalesce((likely_stale.job).posted_at, (likely_stale.job).first_seen_at) < pg_catalog.now() - interval '60 days'
    or (likely_stale.job).times_reposted >= 3
$$;
comment on function public.likely_stale(public.jobs) is
  'True when a posting is probably a ghost: inactive (closed or vanished from its board), expired, posted (or first seen) more than 60 days ago, or re-posted 3 or more times. Exposed as a computed field of jobs.';

revoke execute on function public.likely_stale(public.jobs) from public, anon;
grant execute on function public.likely_stale(public.jobs) to authenticated, service_role;

-- Section: backfill of links
-- The shared postings already on the board get their canonical links once.
select private.link_duplicate_postings(array(
  select j.fingerprint from public.jobs j where j.owner_id is null group by j.fingerprint having pg_catalog.count(*) > 1
));
