-- Explainable matching: active postings ranked for the caller's profile, each with the breakdown a
-- UI needs to say why (matched and missing skills, every component's contribution).
--
-- Score (0..1) = 0.40 required-skill coverage + 0.10 preferred-skill coverage + 0.20 target-role fit
--              + 0.15 remote/location fit + 0.10 salary fit + 0.05 recency
--   required / preferred coverage: share of the posting's skills the profile has, compared by
--     normalised key (JS = JavaScript, Postgres = PostgreSQL, k8s = Kubernetes); a posting listing none
--     gets half credit.
--   role fit: the best share of a target role's words (stemmed, accents folded) found in the title;
--     "Backend Engineer" vs "Senior Backend Engineer" = 1, vs "Backend Developer" = 0.5.
--   remote/location fit: the mean of the work arrangement (remote type in the profile's preferences, or
--     no preference) and the place (a remote posting, or a location containing a target location;
--     half credit when open to relocation or when the profile names no location).
--   salary fit: the posting's top of range, made yearly, over the profile's minimum, capped at 1, in
--     the same currency; half credit when either side has no figure or the currencies differ.
--   recency: halves every 30 days since posting.
-- Missing information on either side is neutral (half credit), never a penalty or a bonus.
--
-- Candidates are active postings that fit a target role (all its words in the title) or share a
-- skill with the profile, from the search projection (private.searchable_jobs, where the GIN
-- indexes on skill keys and title vectors work under RLS) and the caller's own imports; they are
-- ranked in pools of the 500 newest, like search_jobs.

-- Section: functions
-- The caller's profile as matching needs it, every text already normalised. Parameters of the
-- matching statements: $1 skill keys, $2 role words (one single-lexeme tsquery each), $3 role query
-- (any role with all its words), $4 remote preferences, $5 location patterns, $6 open to
-- relocation, $7 salary minimum, $8 salary currency, $9 as of, $10 caller.
create or replace function private.match_profile(
  caller uuid,
  out skill_keys text[],
  out role_words tsquery[],
  out role_query tsquery,
  out role_fit_sql text,
  out remote_preferences public.remote_type[],
  out location_patterns text[],
  out open_to_relocation boolean,
  out salary_min integer,
  out salary_currency text
)
language plpgsql
stable
set search_path = ''
as $$
declare
  profile record;
  target_role text;
  words text[];
  word text;
  word_query tsquery;
  role_all tsquery;
  terms text[];
  position integer;
  fits text[] := '{}'::text[];
begin
  select p.skills, p.target_roles, p.target_locations, p.remote_preferences, p.open_to_relocation, p.salary_min, p.salary_currency
    into profile
  from public.profiles p
  where p.id = match_profile.caller;
  if not found then
    return;
  end if;
  skill_keys := private.skill_keys(profile.skills);
  remote_preferences := profile.remote_preferences;
  open_to_relocation := profile.open_to_relocation;
  salary_min := profile.salary_min;
  salary_currency := profile.salary_currency;
  select coalesce(pg_catalog.array_agg(
           '%' || pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(private.fold_text(t), '\', '\\'), '%', '\%'), '_', '\_') || '%'),
         '{}')
    into location_patterns
  from pg_catalog.unnest(profile.target_locations) as t;

  -- Each target role becomes its stemmed words; the SQL below scores a title by the best share of
  -- one role's words it contains (words are referenced by position in $2, never embedded).
  role_words := '{}';
  foreach target_role in array profile.target_roles loop
    words := pg_catalog.tsvector_to_array(pg_catalog.to_tsvector('private.english_unaccent'::regconfig, target_role));
    continue when pg_catalog.cardinality(words) = 0;
    role_all := null;
    terms := '{}';
    foreach word in array words loop
      word_query := ('''' || pg_catalog.replace(pg_catalog.replace(word, '\', '\\'), '''', '''''') || '''')::tsquery;
      position := pg_catalog.array_position(role_words, word_query);
      if position is null then
        role_words := role_words || word_query;
        position := pg_catalog.cardinality(role_words);
      end if;
      terms := terms || pg_catalog.format('(s.title_vector @@ $2[%s])::integer', position);
      role_all := case when role_all is null then word_query else role_all && word_query end;
    end loop;
    role_query := case when role_query is null then role_all else role_query || role_all end;
    fits := fits || pg_catalog.format('(%s)::double precision / %s', pg_catalog.array_to_string(terms, ' + '), pg_catalog.cardinality(terms));
  end loop;
  role_fit_sql := case when pg_catalog.cardinality(fits) = 0 then '0.5::double precision'
                       when pg_catalog.cardinality(fits) = 1 then fits[1]
                       else 'greatest(' || pg_catalog.array_to_string(fits, ', ') || ')' end;
end;
$$;
comment on function private.match_profile(uuid) is 'The caller''s profile prepared for matching: skill keys, target-role words and query, the role-fit expression over them, location patterns and salary.';

-- The breakdown of one posting, as a select list over `s` (a private.searchable_jobs row); shared
-- by match_jobs and match_job so the two always agree.
create or replace function private.match_breakdown_sql(role_fit_sql text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select $sql$
    case when pg_catalog.cardinality(s.required_skill_keys) = 0 then 0.5::double precision
         else (pg_catalog.cardinality(s.required_skill_keys)
               - pg_catalog.jsonb_array_length(pg_catalog.to_jsonb(s.required_skill_keys) operator(pg_catalog.-) $1))::double precision
              / pg_catalog.cardinality(s.required_skill_keys) end as required_fit,
    case when pg_catalog.cardinality(s.preferred_skill_keys) = 0 then 0.5::double precision
         else (pg_catalog.cardinality(s.preferred_skill_keys)
               - pg_catalog.jsonb_array_length(pg_catalog.to_jsonb(s.preferred_skill_keys) operator(pg_catalog.-) $1))::double precision
              / pg_catalog.cardinality(s.preferred_skill_keys) end as preferred_fit,
    $sql$ || match_breakdown_sql.role_fit_sql || $sql$ as role_fit,
    ((case when s.remote_type is null then 0.5 when pg_catalog.cardinality($4) = 0 or s.remote_type = any ($4) then 1 else 0 end)
     + (case when s.remote_type = 'remote' then 1
             when pg_catalog.cardinality($5) = 0 then 0.5
             when s.location_folded like any ($5) then 1
             when $6 then 0.5
             else 0 end))::double precision / 2 as location_fit,
    case when $7 is null or $8 is null or s.salary_currency is distinct from $8 or s.salary_top_yearly is null
           then 0.5::double precision
         else least(1, s.salary_top_yearly::double precision / greatest($7, 1)) end as salary_fit,
    pg_catalog.power(2::double precision, -greatest(pg_catalog.date_part('epoch', $9 - s.listed_at), 0) / 2592000) as recency_fit
  $sql$
$$;
comment on function private.match_breakdown_sql(text) is 'Select list computing the six 0..1 match components of a posting `s` (private.searchable_jobs row) for the prepared profile parameters $1..$9.';

-- Display names for the breakdown: the posting's own canonical spellings, split by the caller's keys.
create or replace function private.match_skill_lists(
  required_skills text[], preferred_skills text[], skill_keys text[],
  out matched_skills text[], out missing_required_skills text[], out missing_preferred_skills text[]
)
language plpgsql
stable
set search_path = ''
as $$
declare
  resolved record;
begin
  matched_skills := '{}';
  missing_required_skills := '{}';
  missing_preferred_skills := '{}';
  resolved := private.resolve_skills(match_skill_lists.required_skills);
  for i in 1 .. coalesce(pg_catalog.cardinality(resolved.keys), 0) loop
    if resolved.keys[i] = any (match_skill_lists.skill_keys) then
      matched_skills := matched_skills || resolved.names[i];
    else
      missing_required_skills := missing_required_skills || resolved.names[i];
    end if;
  end loop;
  resolved := private.resolve_skills(match_skill_lists.preferred_skills);
  for i in 1 .. coalesce(pg_catalog.cardinality(resolved.keys), 0) loop
    if resolved.keys[i] = any (match_skill_lists.skill_keys) then
      matched_skills := matched_skills || resolved.names[i];
    else
      missing_preferred_skills := missing_preferred_skills || resolved.names[i];
    end if;
  end loop;
end;
$$;
comment on function private.match_skill_lists(text[], text[], text[]) is 'Splits a posting''s skills (canonical names) into matched, missing required and missing preferred for the given skill keys.';

grant execute on function private.match_profile(uuid), private.match_breakdown_sql(text),
  private.match_skill_lists(text[], text[], text[])
  to authenticated, service_role;

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
               0.40 * pool.required_fit + 0.10 * pool.preferred_fit + 0.20 * pool.role_fit
               + 0.15 * pool.location_fit + 0.10 * pool.salary_fit + 0.05 * pool.recency_fit as score
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
             coalesce(f.is_favorite, false) as is_favorite, p.required_fit, p.preferred_fit, p.role_fit, p.location_fit,
             p.salary_fit, p.recency_fit, p.score, p.score_key, p.pool_rows, p.edge_at, p.edge_id
      from page p
      join public.jobs j on j.id = p.job_id
      left join public.user_job_preferences f on f.user_id = $10 and f.job_id = p.job_id
      order by p.score_key desc, p.job_id desc
    $sql$,
      private.match_breakdown_sql(profile.role_fit_sql),
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
        required_skills_contribution := 0.40 * pending.required_fit;
        preferred_skills_contribution := 0.10 * pending.preferred_fit;
        role_contribution := 0.20 * pending.role_fit;
        location_contribution := 0.15 * pending.location_fit;
        salary_contribution := 0.10 * pending.salary_fit;
        recency_contribution := 0.05 * pending.recency_fit;
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
    required_skills_contribution := 0.40 * pending.required_fit;
    preferred_skills_contribution := 0.10 * pending.preferred_fit;
    role_contribution := 0.20 * pending.role_fit;
    location_contribution := 0.15 * pending.location_fit;
    salary_contribution := 0.10 * pending.salary_fit;
    recency_contribution := 0.05 * pending.recency_fit;
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
    $sql$, private.match_breakdown_sql(profile.role_fit_sql))
    using profile.skill_keys, profile.role_words, profile.role_query, profile.remote_preferences, profile.location_patterns,
      profile.open_to_relocation, profile.salary_min, profile.salary_currency, pg_catalog.now(), caller, match_job.job_id
  loop
    lists := private.match_skill_lists(rec.required_skills, rec.preferred_skills, profile.skill_keys);
    id := rec.id; title := rec.title; company := rec.company; location := rec.location; country_code := rec.country_code;
    remote_type := rec.remote_type; employment_type := rec.employment_type; salary_min := rec.salary_min;
    salary_max := rec.salary_max; salary_currency := rec.salary_currency; salary_period := rec.salary_period;
    posted_at := rec.posted_at; is_active := rec.is_active; is_private := rec.owner_id is not null;
    is_favorite := rec.is_favorite; is_hidden := rec.is_hidden;
    required_skills_contribution := 0.40 * rec.required_fit;
    preferred_skills_contribution := 0.10 * rec.preferred_fit;
    role_contribution := 0.20 * rec.role_fit;
    location_contribution := 0.15 * rec.location_fit;
    salary_contribution := 0.10 * rec.salary_fit;
    recency_contribution := 0.05 * rec.recency_fit;
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
