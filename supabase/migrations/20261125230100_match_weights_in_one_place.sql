-- Match weights in one place. The six weights of the match score were written four times
-- (match_jobs' score, the contributions it reported, twice, and match_job's); a change to one copy
-- would have made the reported breakdown disagree with the ranking. private.match_breakdown now
-- writes the weighted contributions once, as the select list both RPCs use; the score is their
-- sum. Results, scores and cursors are unchanged (same arithmetic in the same order).

-- Section: functions
create or replace function private.match_breakdown(role_fit_sql text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select $sql$
    0.40 * (case when pg_catalog.cardinality(s.required_skill_keys) = 0 then 0.5::double precision
                 else (pg_catalog.cardinality(s.required_skill_keys)
                       - pg_catalog.jsonb_array_length(pg_catalog.to_jsonb(s.required_skill_keys) operator(pg_catalog.-) $1))::double precision
                      / pg_catalog.cardinality(s.required_skill_keys) end) as required_contribution,
    0.10 * (case when pg_catalog.cardinality(s.preferred_skill_keys) = 0 then 0.5::double precision
                 else (pg_catalog.cardinality(s.preferred_skill_keys)
                       - pg_catalog.jsonb_array_length(pg_catalog.to_jsonb(s.preferred_skill_keys) operator(pg_catalog.-) $1))::double precision
                      / pg_catalog.cardinality(s.preferred_skill_keys) end) as preferred_contribution,
    0.20 * ($sql$ || match_breakdown.role_fit_sql || $sql$) as role_contribution,
    0.15 * (((case when s.remote_type is null then 0.5 when pg_catalog.cardinality($4) = 0 or s.remote_type = any ($4) then 1 else 0 end)
             + (case when s.remote_type = 'remote' then 1
                     when pg_catalog.cardinality($5) = 0 then 0.5
                     when s.location_folded like any ($5) then 1
                     when $6 then 0.5
                     else 0 end))::double precision / 2) as location_contribution,
    0.10 * (case when $7 is null or $8 is null or s.salary_currency is distinct from $8 or s.salary_top_yearly is null
                   then 0.5::double precision
                 else least(1, s.salary_top_yearly::double precision / greatest($7, 1)) end) as salary_contribution,
    0.05 * pg_catalog.power(2::double precision, -greatest(pg_catalog.date_part('epoch', $9 - s.listed_at), 0) / 2592000)
      as recency_contribution
  $sql$
$$;
comment on function private.match_breakdown(text) is 'Select list computing the six weighted contributions to the match score of a posting `s` (private.searchable_jobs row; the score is their sum) for the prepared profile parameters $1..$9. The only place the weights are written.';

grant execute on function private.match_breakdown(text) to authenticated, service_role;

create or replace function public.match_jobs(result_limit integer default 20, cursor text default null)
returns table (
  id uuid,
  title text,
  company text,
  location text,
  country_code text,
  remote_type public.remote_type,
  employment_type public.employment_type,
  salary_min integer,
  salary_max integer,
  salary_currency text,
  salary_period public.salary_period,
  posted_at timestamptz,
  is_private boolean,
  is_favorite boolean,
  score double precision,
  required_skills_contribution double precision,
  preferred_skills_contribution double precision,
  role_contribution double precision,
  location_contribution double precision,
  salary_contribution double precision,
  recency_contribution double precision,
  matched_skills text[],
  missing_required_skills text[],
  missing_preferred_skills text[],
  next_cursor text
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  pool_size constant integer := greatest(1, coalesce(nullif(pg_catalog.current_setting('jobtrail.match_pool_size', true), '')::integer, 500));
  max_limit constant integer := 100;
  caller uuid := auth.uid();
  page_limit integer := coalesce(match_jobs.result_limit, 20);
  profile record;
  state jsonb;
  as_of timestamptz;
  hi_at timestamptz;
  hi_id uuid;
  lo_at timestamptz;
  lo_id uuid;
  pool_known boolean := false;
  after_key bigint;
  after_id uuid;
  candidate text;
  sql text;
  wanted integer;
  fetched integer;
  rec record;
  pending record;
  has_pending boolean := false;
  pending_hi_at timestamptz;
  pending_hi_id uuid;
  pending_lo_at timestamptz;
  pending_lo_id uuid;
  emitted integer := 0;
  lists record;
begin
  if page_limit < 1 then
    raise exception 'result_limit must be at least 1 (got %)', page_limit
      using errcode = '22023', hint = pg_catalog.format('Ask for 1 to %s rows; larger limits are capped at %s.', max_limit, max_limit);
  end if;
  page_limit := least(page_limit, max_limit);
  profile := private.match_profile(caller);
  if profile.skill_keys is null then
    return;
  end if;

  state := private.decode_cursor(match_jobs.cursor, 'match_jobs');
  if state is null then
    as_of := pg_catalog.now();
  else
    begin
      as_of := private.from_epoch_us((state ->> 't')::bigint);
      hi_at := private.from_epoch_us((state ->> 'ha')::bigint);
      hi_id := (state ->> 'hi')::uuid;
      lo_at := private.from_epoch_us((state ->> 'la')::bigint);
      lo_id := (state ->> 'li')::uuid;
      after_key := (state ->> 'ak')::bigint;
      after_id := (state ->> 'ai')::uuid;
    exception when others then
      raise exception 'invalid cursor' using errcode = '22023';
    end;
    if as_of is null or after_key is null or after_id is null then
      raise exception 'invalid cursor' using errcode = '22023';
    end if;
    pool_known := true;
  end if;

  -- Candidates: a target role fits the title, or the posting lists a skill the profile has. A
  -- profile with neither gets every active posting (ranked by place, salary and recency).
  candidate := case
    when profile.role_query is null and pg_catalog.cardinality(profile.skill_keys) = 0 then 'true'
    -- The array tests first: they are cheap, and an OR stops at the first true.
    else '(' || concat_ws(' or ',
      case when pg_catalog.cardinality(profile.skill_keys) > 0
        then 's.required_skill_keys operator(pg_catalog.&&) $1 or s.preferred_skill_keys operator(pg_catalog.&&) $1' end,
      case when profile.role_query is not null then 's.title_vector @@ $3' end) || ')'
  end;

  wanted := page_limit + 1;
  <<pages>>
  loop
    sql := pg_catalog.format($sql$
      with pool as materialized (
        select s.job_id, s.listed_at, %1$s
        from %7$s s
        where (s.expires_at is null or s.expires_at > pg_catalog.now())
          and not exists (select from public.user_job_preferences h where h.user_id = $10 and h.job_id = s.job_id and h.is_hidden)
          and %2$s %3$s %4$s
        order by s.listed_at desc, s.job_id desc
        %5$s
      ), edge as (
        select (select count(*) from pool) as pool_rows, p.listed_at as lo_at, p.job_id as lo_id
        from pool p order by p.listed_at, p.job_id limit 1
      ), scored as (
        select pool.*,
               pool.required_contribution + pool.preferred_contribution + pool.role_contribution
               + pool.location_contribution + pool.salary_contribution + pool.recency_contribution as score
        from pool
      ), page as (
        select s.*, (pg_catalog.round(s.score * 1e12))::bigint as score_key,
               e.pool_rows, (extract(epoch from e.lo_at) * 1000000)::bigint as edge_at, e.lo_id as edge_id
        from scored s cross join edge e
        where %6$s
        order by (pg_catalog.round(s.score * 1e12))::bigint desc, s.job_id desc
        limit $13
      )
      select j.id, j.title, j.company, j.location, j.country_code, j.remote_type, j.employment_type, j.salary_min, j.salary_max,
             j.salary_currency, j.salary_period, j.posted_at, j.owner_id, j.required_skills, j.preferred_skills,
             coalesce(f.is_favorite, false) as is_favorite, p.required_contribution, p.preferred_contribution,
             p.role_contribution, p.location_contribution, p.salary_contribution, p.recency_contribution, p.score,
             p.score_key, p.pool_rows, p.edge_at, p.edge_id
      from page p
      join public.jobs j on j.id = p.job_id
      left join public.user_job_preferences f on f.user_id = $10 and f.job_id = p.job_id
      order by p.score_key desc, p.job_id desc
    $sql$,
      private.match_breakdown(profile.role_fit_sql),
      candidate,
      case when hi_at is null then '' else 'and (s.listed_at, s.job_id) < ($14, $15)' end,
      case when pool_known and lo_at is not null then 'and (s.listed_at, s.job_id) >= ($16, $17)' else '' end,
      case when pool_known then '' else pg_catalog.format('limit %s', pool_size) end,
      case when after_key is null then 'true' else '((pg_catalog.round(s.score * 1e12))::bigint, s.job_id) < ($11, $12)' end,
      private.searchable_jobs_source(true, 10)
    );

    fetched := 0;
    for rec in execute sql using profile.skill_keys, profile.role_words, profile.role_query, profile.remote_preferences,
      profile.location_patterns, profile.open_to_relocation, profile.salary_min, profile.salary_currency, as_of, caller,
      after_key, after_id, wanted, hi_at, hi_id, lo_at, lo_id
    loop
      fetched := fetched + 1;
      if fetched = 1 and not pool_known then
        -- A new pool: remember where it ends (null when it reaches the oldest candidate).
        if rec.pool_rows >= pool_size then
          lo_at := private.from_epoch_us(rec.edge_at);
          lo_id := rec.edge_id;
        else
          lo_at := null;
          lo_id := null;
        end if;
        pool_known := true;
      end if;
      -- Emit the previous row now that another follows it; the page's last row carries the cursor.
      if has_pending then
        lists := private.match_skill_lists(pending.required_skills, pending.preferred_skills, profile.skill_keys);
        id := pending.id; title := pending.title; company := pending.company; location := pending.location;
        country_code := pending.country_code; remote_type := pending.remote_type; employment_type := pending.employment_type;
        salary_min := pending.salary_min; salary_max := pending.salary_max; salary_currency := pending.salary_currency;
        salary_period := pending.salary_period; posted_at := pending.posted_at; is_private := pending.owner_id is not null;
        is_favorite := pending.is_favorite;
        score := pending.score;
        required_skills_contribution := pending.required_contribution;
        preferred_skills_contribution := pending.preferred_contribution;
        role_contribution := pending.role_contribution;
        location_contribution := pending.location_contribution;
        salary_contribution := pending.salary_contribution;
        recency_contribution := pending.recency_contribution;
        matched_skills := lists.matched_skills;
        missing_required_skills := lists.missing_required_skills;
        missing_preferred_skills := lists.missing_preferred_skills;
        next_cursor := case when emitted + 1 = page_limit then private.encode_cursor(pg_catalog.jsonb_build_object(
          'v', 1, 'k', 'match_jobs', 't', private.epoch_us(as_of),
          'ha', private.epoch_us(pending_hi_at), 'hi', pending_hi_id, 'la', private.epoch_us(pending_lo_at), 'li', pending_lo_id,
          'ak', pending.score_key, 'ai', pending.id)) end;
        return next;
        emitted := emitted + 1;
      end if;
      exit pages when emitted = page_limit;
      pending := rec;
      has_pending := true;
      pending_hi_at := hi_at;
      pending_hi_id := hi_id;
      pending_lo_at := lo_at;
      pending_lo_id := lo_id;
    end loop;

    exit pages when lo_at is null;
    -- Next pool: older than this one, ranked from its top.
    hi_at := lo_at;
    hi_id := lo_id;
    lo_at := null;
    lo_id := null;
    pool_known := false;
    after_key := null;
    after_id := null;
  end loop pages;

  if has_pending and emitted < page_limit then
    -- The last row of all: no cursor, there is nothing after it.
    lists := private.match_skill_lists(pending.required_skills, pending.preferred_skills, profile.skill_keys);
    id := pending.id; title := pending.title; company := pending.company; location := pending.location;
    country_code := pending.country_code; remote_type := pending.remote_type; employment_type := pending.employment_type;
    salary_min := pending.salary_min; salary_max := pending.salary_max; salary_currency := pending.salary_currency;
    salary_period := pending.salary_period; posted_at := pending.posted_at; is_private := pending.owner_id is not null;
    is_favorite := pending.is_favorite;
    score := pending.score;
    required_skills_contribution := pending.required_contribution;
    preferred_skills_contribution := pending.preferred_contribution;
    role_contribution := pending.role_contribution;
    location_contribution := pending.location_contribution;
    salary_contribution := pending.salary_contribution;
    recency_contribution := pending.recency_contribution;
    matched_skills := lists.matched_skills;
    missing_required_skills := lists.missing_required_skills;
    missing_preferred_skills := lists.missing_preferred_skills;
    next_cursor := null;
    return next;
  end if;
end;
$$;
comment on function public.match_jobs(integer, text) is
$$Active postings ranked for the caller's profile, best first, hidden postings left out, each with the breakdown that explains it.

score (0..1) = required_skills_contribution (0.40 x share of the posting's required skills the profile has) + preferred_skills_contribution (0.10 x the same for preferred skills) + role_contribution (0.20 x the best share of a target role's words in the title) + location_contribution (0.15 x mean of remote-type fit and place fit) + salary_contribution (0.10 x the posting's yearly top of range over the profile's minimum, capped at 1, same currency) + recency_contribution (0.05, halving every 30 days). Skills compare by normalised name (JS = JavaScript, Postgres = PostgreSQL, k8s = Kubernetes); information missing on either side counts half. matched_skills, missing_required_skills and missing_preferred_skills use canonical names.

Candidates are postings that fit a target role or list one of the profile's skills (every active posting when the profile has neither), ranked in pools of the 500 newest candidates (then the next 500, and so on) so a page costs about the same at any board size. The last row of a page carries next_cursor when more rows follow (null otherwise); pass it back to continue. result_limit defaults to 20 and is capped at 100; below 1, or a malformed cursor, raises 22023 (HTTP 400).$$;
grant execute on function public.match_jobs(integer, text) to authenticated, service_role;

create or replace function public.match_job(job_id uuid)
returns table (
  id uuid,
  title text,
  company text,
  location text,
  country_code text,
  remote_type public.remote_type,
  employment_type public.employment_type,
  salary_min integer,
  salary_max integer,
  salary_currency text,
  salary_period public.salary_period,
  posted_at timestamptz,
  is_active boolean,
  is_private boolean,
  is_favorite boolean,
  is_hidden boolean,
  score double precision,
  required_skills_contribution double precision,
  preferred_skills_contribution double precision,
  role_contribution double precision,
  location_contribution double precision,
  salary_contribution double precision,
  recency_contribution double precision,
  matched_skills text[],
  missing_required_skills text[],
  missing_preferred_skills text[]
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  profile record;
  rec record;
  lists record;
begin
  profile := private.match_profile(caller);
  if profile.skill_keys is null then
    return;
  end if;
  for rec in execute pg_catalog.format($sql$
      select j.id, j.title, j.company, j.location, j.country_code, j.remote_type, j.employment_type, j.salary_min, j.salary_max,
             j.salary_currency, j.salary_period, j.posted_at, j.is_active, j.owner_id, j.required_skills, j.preferred_skills,
             coalesce(f.is_favorite, false) as is_favorite, coalesce(f.is_hidden, false) as is_hidden, %s
      from public.jobs j
      cross join lateral private.searchable_job_row(j) as s
      left join public.user_job_preferences f on f.user_id = $10 and f.job_id = j.id
      where j.id = $11
    $sql$, private.match_breakdown(profile.role_fit_sql))
    using profile.skill_keys, profile.role_words, profile.role_query, profile.remote_preferences, profile.location_patterns,
      profile.open_to_relocation, profile.salary_min, profile.salary_currency, pg_catalog.now(), caller, match_job.job_id
  loop
    lists := private.match_skill_lists(rec.required_skills, rec.preferred_skills, profile.skill_keys);
    id := rec.id; title := rec.title; company := rec.company; location := rec.location; country_code := rec.country_code;
    remote_type := rec.remote_type; employment_type := rec.employment_type; salary_min := rec.salary_min;
    salary_max := rec.salary_max; salary_currency := rec.salary_currency; salary_period := rec.salary_period;
    posted_at := rec.posted_at; is_active := rec.is_active; is_private := rec.owner_id is not null;
    is_favorite := rec.is_favorite; is_hidden := rec.is_hidden;
    required_skills_contribution := rec.required_contribution;
    preferred_skills_contribution := rec.preferred_contribution;
    role_contribution := rec.role_contribution;
    location_contribution := rec.location_contribution;
    salary_contribution := rec.salary_contribution;
    recency_contribution := rec.recency_contribution;
    score := required_skills_contribution + preferred_skills_contribution + role_contribution + location_contribution
      + salary_contribution + recency_contribution;
    matched_skills := lists.matched_skills;
    missing_required_skills := lists.missing_required_skills;
    missing_preferred_skills := lists.missing_preferred_skills;
    return next;
  end loop;
end;
$$;
comment on function public.match_job(uuid) is
$$The match breakdown of one posting for the caller's profile, computed exactly as match_jobs does (see its comment for the weights). Works for any posting the caller can see, active or not, hidden or not (is_active and is_hidden say which); returns no row for a posting they cannot see.$$;
grant execute on function public.match_job(uuid) to authenticated, service_role;

drop function private.match_breakdown_sql(text);
