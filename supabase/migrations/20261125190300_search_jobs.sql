-- Job search as one RPC: websearch syntax over the weighted, accent-folded vector, filters, the
-- caller's hidden postings left out, favorites flagged, ranking with a recency boost, keyset
-- pagination through an opaque cursor, and a typo-tolerant fallback on titles and companies.
--
-- How a page is found (and why it stays fast at a million postings): candidates come from the
-- search projection (private.searchable_jobs: shared postings, where GIN indexes work under RLS) and
-- the caller's own imports. Matches are ranked in pools of the 300 most recent matching postings:
-- a query with fewer matches has one pool, ranked exactly; a broad one ("engineer") is ranked within
-- its freshest 300 first, then the next 300, and so on, so the cost of a page is bounded by the
-- pool, not by the number of matches. The pool bounds travel in the cursor, so paging visits every
-- match exactly once. Rows shown are read back from public.jobs under RLS.

-- Section: functions
-- Cursors are base64url JSON. They carry only a position in the caller's own result list (RLS still
-- decides what is visible), so they need no signature; a malformed one is rejected with 22023.
create or replace function private.encode_cursor(payload jsonb)
returns text
language sql
immutable
strict
parallel safe
set search_path = ''
as $$
  select pg_catalog.rtrim(
    pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(encode_cursor.payload::text, 'UTF8'), 'base64'), E'+/\n', '-_'),
    '=')
$$;
comment on function private.encode_cursor(jsonb) is 'Opaque page cursor: base64url of a small JSON document.';

create or replace function private.decode_cursor(cursor text, expected_kind text)
returns jsonb
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  payload jsonb;
begin
  if decode_cursor.cursor is null or decode_cursor.cursor = '' then
    return null;
  end if;
  begin
    if pg_catalog.length(decode_cursor.cursor) > 2000 or decode_cursor.cursor !~ '^[A-Za-z0-9_-]+$' then
      raise exception 'not base64url';
    end if;
    payload := pg_catalog.convert_from(
      pg_catalog.decode(
        pg_catalog.translate(decode_cursor.cursor, '-_', '+/')
          || pg_catalog.repeat('=', (4 - pg_catalog.length(decode_cursor.cursor) % 4) % 4),
        'base64'),
      'UTF8')::jsonb;
    if pg_catalog.jsonb_typeof(payload) <> 'object' or payload ->> 'v' is distinct from '1' or payload ->> 'k' is distinct from decode_cursor.expected_kind then
      raise exception 'not a % cursor', decode_cursor.expected_kind;
    end if;
  exception when others then
    raise exception 'invalid cursor'
      using errcode = '22023', hint = 'Pass back, unchanged, a cursor returned by the same function.';
  end;
  return payload;
end;
$$;
comment on function private.decode_cursor(text, text) is 'Decodes a page cursor made by private.encode_cursor for the given function; anything else raises 22023 (invalid_parameter_value).';

-- Microseconds since the epoch: exact, so a cursor position compares equal to the row it came from.
create or replace function private.epoch_us(value timestamptz)
returns bigint
language sql
immutable
strict
parallel safe
set search_path = ''
as $$
  select (extract(epoch from epoch_us.value) * 1000000)::bigint
$$;
comment on function private.epoch_us(timestamptz) is 'A timestamp as whole microseconds since 1970-01-01 UTC, for cursors.';

create or replace function private.from_epoch_us(value bigint)
returns timestamptz
language sql
immutable
strict
parallel safe
set search_path = ''
as $$
  select '1970-01-01 00:00:00+00'::timestamptz + from_epoch_us.value * '1 microsecond'::interval
$$;
comment on function private.from_epoch_us(bigint) is 'Inverse of private.epoch_us.';

grant execute on function private.encode_cursor(jsonb), private.decode_cursor(text, text), private.epoch_us(timestamptz),
  private.from_epoch_us(bigint)
  to authenticated, service_role;


-- Typo tolerance: each word of the query missing from the vocabulary of shared titles and
-- companies (private.search_terms) is replaced by its closest word there by trigram similarity
-- ("postgress" -> "postgresql", "kubernets" -> "kubernetes"); stop words and short words are kept.
-- Returns null when no word changed. The vocabulary is small (a few thousand words at a million
-- postings), so this costs well under a millisecond per word.
create or replace function private.correct_search_words(words text)
returns text
language plpgsql
stable
parallel safe
set search_path = ''
set pg_trgm.similarity_threshold = 0.3
as $$
declare
  word text;
  best text;
  corrected text[] := '{}'::text[];
  changed boolean := false;
begin
  foreach word in array pg_catalog.regexp_split_to_array(pg_catalog.btrim(correct_search_words.words), '\s+') loop
    continue when word = '';
    best := null;
    if pg_catalog.length(word) between 3 and 40
      and pg_catalog.length(pg_catalog.to_tsvector('private.english_unaccent'::regconfig, word)) > 0
      and not exists (select from private.search_terms t where t.term = word)
    then
      select t.term into best
      from private.search_terms t
      where t.term operator(extensions.%) word
      order by extensions.similarity(t.term, word) desc, t.term
      limit 1;
    end if;
    corrected := corrected || coalesce(best, word);
    changed := changed or best is not null;
  end loop;
  return case when changed then pg_catalog.array_to_string(corrected, ' ') end;
end;
$$;
comment on function private.correct_search_words(text) is 'Replaces each query word unknown to the vocabulary of shared titles and companies by its closest known word (trigram similarity >= 0.3); null when nothing changed.';

-- The WHERE clause of a search over rows `s` of private.searchable_jobs, from constant fragments
-- only: user values are always the statement's parameters $1 tsquery, $2 fuzzy text, $3 remote
-- types, $4 location pattern, $5 country, $6 min salary, $7 currency, $8 employment types, $9 posted
-- since, $11 caller. Only the filters in use are written, so each statement is planned for its
-- actual question.
create or replace function private.job_search_predicate(
  mode text, remote_types public.remote_type[], location_pattern text, country text, min_salary integer,
  employment_types public.employment_type[], posted_since timestamptz, with_hidden_check boolean default true,
  alias text default 's'
)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select pg_catalog.replace(
    '({row}.expires_at is null or {row}.expires_at > pg_catalog.now())'
    || case when job_search_predicate.with_hidden_check
         then ' and not exists (select from public.user_job_preferences h where h.user_id = $11 and h.job_id = {row}.job_id and h.is_hidden)'
         else '' end
    || case when job_search_predicate.mode in ('fulltext', 'fuzzy') then ' and {row}.search_vector @@ $1' else '' end
    || case when pg_catalog.cardinality(job_search_predicate.remote_types) > 0 then ' and {row}.remote_type = any ($3)' else '' end
    || case when job_search_predicate.location_pattern is not null then ' and {row}.location_folded like $4' else '' end
    || case when job_search_predicate.country is not null then ' and {row}.country_code = $5' else '' end
    || case when job_search_predicate.min_salary is not null then ' and {row}.salary_currency = $7 and {row}.salary_top_yearly >= $6' else '' end
    || case when pg_catalog.cardinality(job_search_predicate.employment_types) > 0 then ' and {row}.employment_type = any ($8)' else '' end
    || case when job_search_predicate.posted_since is not null then ' and {row}.listed_at >= $9' else '' end,
    -- column references are written {row}.<column>; the caller names the row
    '{row}', pg_catalog.quote_ident(job_search_predicate.alias))
$$;
comment on function private.job_search_predicate(text, public.remote_type[], text, text, integer, public.employment_type[], timestamptz, boolean, text) is
  'WHERE clause of search_jobs over private.searchable_jobs rows `s` for the mode and filters in use, with parameters $1..$11; never embeds a value.';

-- The planner's row estimate for a search: cheap (a single-table plan, no rows read), over the
-- shared postings (own imports are few) and without the hidden check (a handful of rows). Volatile
-- because EXPLAIN may not run inside a stable function; invoker.
create or replace function private.estimate_job_matches(
  mode text, tsq tsquery, fuzzy_text text, remote_types public.remote_type[], location_pattern text, country text,
  min_salary integer, currency text, employment_types public.employment_type[], posted_since timestamptz, caller uuid
)
returns bigint
language plpgsql
volatile
set search_path = ''
as $$
declare
  plan jsonb;
begin
  execute 'explain (format json) select from private.searchable_jobs s where '
    || private.job_search_predicate(estimate_job_matches.mode, estimate_job_matches.remote_types, estimate_job_matches.location_pattern,
         estimate_job_matches.country, estimate_job_matches.min_salary, estimate_job_matches.employment_types,
         estimate_job_matches.posted_since, with_hidden_check => false)
    into plan
    using estimate_job_matches.tsq, estimate_job_matches.fuzzy_text, estimate_job_matches.remote_types,
      estimate_job_matches.location_pattern, estimate_job_matches.country, estimate_job_matches.min_salary,
      estimate_job_matches.currency, estimate_job_matches.employment_types, estimate_job_matches.posted_since,
      null::timestamptz, estimate_job_matches.caller;
  return (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
end;
$$;
comment on function private.estimate_job_matches(text, tsquery, text, public.remote_type[], text, text, integer, text, public.employment_type[], timestamptz, uuid) is
  'Planner estimate of how many shared postings a search matches, for search_jobs.total_estimate when counting would be costly.';

grant execute on function
  private.correct_search_words(text),
  private.job_search_predicate(text, public.remote_type[], text, text, integer, public.employment_type[], timestamptz, boolean, text),
  private.estimate_job_matches(text, tsquery, text, public.remote_type[], text, text, integer, text, public.employment_type[], timestamptz, uuid)
  to authenticated, service_role;

-- How search_jobs finds a pool. Walking the listing order reads about pool_size x postings / matches
-- rows, in physical order (postings are stored as they are listed); gathering every match through
-- the GIN index reads each match's page at random, about 14 times dearer per row (measured on the
-- benchmark machine). So gather when matches <= sqrt(pool_size x postings / 14), walk otherwise.
-- Words of job postings are strongly correlated ("climate tech", "product manager"), so the
-- planner's estimate of an AND of words (the product of their shares) can be far too low, while the
-- rarest single word's estimate is an upper bound; a query without OR is judged by the geometric
-- mean of the two (measured: it picks the cheaper strategy for every question of the benchmark mix
-- where either one alone picked the dearer).
create or replace function private.search_collects_all(
  mode text, tsq tsquery, estimate bigint, pool_size integer, remote_types public.remote_type[], location_pattern text,
  country text, min_salary integer, currency text, employment_types public.employment_type[], posted_since timestamptz,
  caller uuid
)
returns boolean
language plpgsql
volatile
set search_path = ''
as $$
declare
  matches double precision := coalesce(search_collects_all.estimate, 0);
  word text;
  rarest double precision;
begin
  if search_collects_all.mode = 'recent' then
    return false;
  end if;
  if pg_catalog.strpos(search_collects_all.tsq::text, '|') = 0 then
    -- The positive lexemes of the query, as its text shows them: 'word' (quotes doubled inside).
    for word in
      select m[2] from pg_catalog.regexp_matches(search_collects_all.tsq::text, '(!?)''((?:[^'']|'''')*)''', 'g') as m
      where m[1] = ''
    loop
      rarest := least(rarest, private.estimate_job_matches(search_collects_all.mode, ('''' || word || '''')::tsquery, null,
        search_collects_all.remote_types, search_collects_all.location_pattern, search_collects_all.country,
        search_collects_all.min_salary, search_collects_all.currency, search_collects_all.employment_types,
        search_collects_all.posted_since, search_collects_all.caller));
    end loop;
    matches := pg_catalog.sqrt(greatest(matches, 1) * greatest(coalesce(rarest, matches), matches, 1));
  end if;
  return matches <= pg_catalog.sqrt(search_collects_all.pool_size
    * greatest((select c.reltuples from pg_catalog.pg_class c where c.oid = 'private.searchable_jobs'::regclass), 1) / 14);
end;
$$;
comment on function private.search_collects_all(text, tsquery, bigint, integer, public.remote_type[], text, text, integer, text, public.employment_type[], timestamptz, uuid) is
  'Whether search_jobs should gather every match through the indexes (few matches) rather than walk the listing order (many).';

grant execute on function
  private.search_collects_all(text, tsquery, bigint, integer, public.remote_type[], text, text, integer, text, public.employment_type[], timestamptz, uuid)
  to authenticated, service_role;

create or replace function public.search_jobs(
  q text default null,
  remote_types public.remote_type[] default null,
  location_text text default null,
  country text default null,
  min_salary integer default null,
  currency text default null,
  employment_types public.employment_type[] default null,
  posted_since timestamptz default null,
  include_private boolean default true,
  result_limit integer default 20,
  cursor text default null
)
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
  matched_by text,
  relevance real,
  score double precision,
  next_cursor text,
  total_estimate bigint
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  -- jobtrail.search_pool_size exists for tests that page across pools with a handful of rows.
  pool_size constant integer := greatest(1, coalesce(nullif(pg_catalog.current_setting('jobtrail.search_pool_size', true), '')::integer, 300));
  max_limit constant integer := 100;
  max_query_length constant integer := 500;
  caller uuid := auth.uid();
  page_limit integer := coalesce(search_jobs.result_limit, 20);
  query_text text := pg_catalog.btrim(coalesce(search_jobs.q, ''));
  with_private boolean := coalesce(search_jobs.include_private, true);
  tsq tsquery;
  fuzzy_text text;
  location_pattern text;
  country_filter text;
  fingerprint text;
  state jsonb;
  mode text;
  as_of timestamptz;
  total bigint;
  hi_at timestamptz;
  hi_id uuid;
  lo_at timestamptz;
  lo_id uuid;
  pool_known boolean := false;
  after_key bigint;
  after_id uuid;
  source text;
  collect_all boolean;
  bitmap_setting text;
  seqscan_setting text;
  condition text;
  sql text;
  wanted integer;
  fetched integer;
  rec record;
  pending record;
  has_pending boolean := false;
  pending_mode text;
  pending_hi_at timestamptz;
  pending_hi_id uuid;
  pending_lo_at timestamptz;
  pending_lo_id uuid;
  emitted integer := 0;
begin
  -- == input: every bad value is a 22023 (invalid_parameter_value, HTTP 400) with a plain message ==
  if page_limit < 1 then
    raise exception 'result_limit must be at least 1 (got %)', page_limit
      using errcode = '22023', hint = pg_catalog.format('Ask for 1 to %s rows; larger limits are capped at %s.', max_limit, max_limit);
  end if;
  page_limit := least(page_limit, max_limit);
  if pg_catalog.length(query_text) > max_query_length then
    raise exception 'q is too long (% characters, at most %)', pg_catalog.length(query_text), max_query_length
      using errcode = '22023';
  end if;
  if search_jobs.country is not null and search_jobs.country !~ '^[A-Za-z]{2}$' then
    raise exception 'country must be an ISO 3166-1 alpha-2 code such as DE'
      using errcode = '22023';
  end if;
  country_filter := pg_catalog.upper(search_jobs.country);
  if search_jobs.min_salary is not null and (search_jobs.currency is null or search_jobs.currency !~ '^[A-Z]{3}$') then
    raise exception 'min_salary needs currency, an ISO 4217 code such as EUR'
      using errcode = '22023';
  end if;
  if search_jobs.min_salary < 0 then
    raise exception 'min_salary must not be negative' using errcode = '22023';
  end if;
  if pg_catalog.length(search_jobs.location_text) > 200 then
    raise exception 'location_text is too long (at most 200 characters)' using errcode = '22023';
  end if;
  if pg_catalog.btrim(coalesce(search_jobs.location_text, '')) <> '' then
    -- Accent-folded substring match; LIKE wildcards typed by the user are literal.
    location_pattern := '%' || pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
      private.fold_text(pg_catalog.btrim(search_jobs.location_text)), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;
  if query_text <> '' then
    -- websearch_to_tsquery never raises. A query without a searchable word (only operators or
    -- stop words) lists recent postings, like an empty one.
    tsq := pg_catalog.websearch_to_tsquery('private.english_unaccent'::regconfig, query_text);
    if pg_catalog.numnode(tsq) = 0 then
      tsq := null;
    end if;
    fuzzy_text := pg_catalog.btrim(pg_catalog.regexp_replace(private.fold_text(query_text), '[^[:alnum:]]+', ' ', 'g'));
  end if;

  -- == cursor: it belongs to one question (same query and filters) ==
  fingerprint := pg_catalog.left(pg_catalog.md5(pg_catalog.jsonb_build_array(
    query_text, search_jobs.remote_types, location_pattern, country_filter, search_jobs.min_salary, search_jobs.currency,
    search_jobs.employment_types, search_jobs.posted_since, with_private)::text), 16);
  state := private.decode_cursor(search_jobs.cursor, 'search_jobs');
  if state is null then
    mode := case when tsq is null then 'recent' else 'fulltext' end;
    as_of := pg_catalog.now();
  else
    if state ->> 'h' is distinct from fingerprint then
      raise exception 'cursor belongs to a different search'
        using errcode = '22023', hint = 'Start again without a cursor when the query or filters change.';
    end if;
    begin
      mode := state ->> 'm';
      as_of := private.from_epoch_us((state ->> 't')::bigint);
      total := (state ->> 'n')::bigint;
      hi_at := private.from_epoch_us((state ->> 'ha')::bigint);
      hi_id := (state ->> 'hi')::uuid;
      lo_at := private.from_epoch_us((state ->> 'la')::bigint);
      lo_id := (state ->> 'li')::uuid;
      after_key := (state ->> 'ak')::bigint;
      after_id := (state ->> 'ai')::uuid;
    exception when others then
      raise exception 'invalid cursor' using errcode = '22023';
    end;
    if mode is null or mode not in ('recent', 'fulltext', 'fuzzy') or as_of is null or after_key is null or after_id is null then
      raise exception 'invalid cursor' using errcode = '22023';
    end if;
    pool_known := mode <> 'recent';
    if mode = 'fuzzy' then
      tsq := pg_catalog.websearch_to_tsquery('private.english_unaccent'::regconfig, coalesce(private.correct_search_words(fuzzy_text), ''));
    end if;
  end if;

  -- Candidates: the shared postings, plus the caller's own imports unless left out.
  source := private.searchable_jobs_source(with_private, 11);

  -- How to find a pool: see private.search_collects_all. The estimate is also total_estimate.
  if total is null then
    total := private.estimate_job_matches(mode, tsq, fuzzy_text, search_jobs.remote_types, location_pattern,
      country_filter, search_jobs.min_salary, search_jobs.currency, search_jobs.employment_types, search_jobs.posted_since,
      caller);
  end if;
  collect_all := private.search_collects_all(mode, tsq, total, pool_size, search_jobs.remote_types, location_pattern,
    country_filter, search_jobs.min_salary, search_jobs.currency, search_jobs.employment_types, search_jobs.posted_since, caller);

  -- Parameters of the statements below: $1..$9 and $11 as in private.job_search_predicate, $10 as
  -- of, $12/$13 position after (score key, id), $14 rows wanted, $15/$16 pool upper bound
  -- (exclusive), $17/$18 pool lower bound (inclusive).
  wanted := page_limit + 1;
  <<pages>>
  loop
    if mode = 'recent' then
      -- Newest first: the index order is the keyset, no pools needed.
      sql := pg_catalog.format($sql$
        with page as (
          select s.job_id, null::real as relevance, null::double precision as score,
                 (extract(epoch from s.listed_at) * 1000000)::bigint as score_key, null::bigint as pool_rows, null::bigint as lo_at, null::uuid as lo_id
          from %1$s s
          where %2$s %3$s
          order by s.listed_at desc, s.job_id desc
          limit $14
        )
        select j.id, j.title, j.company, j.location, j.country_code, j.remote_type, j.employment_type, j.salary_min,
               j.salary_max, j.salary_currency, j.salary_period, j.posted_at, j.owner_id, coalesce(f.is_favorite, false) as is_favorite,
               p.relevance, p.score, p.score_key, p.pool_rows, p.lo_at, p.lo_id
        from page p
        join public.jobs j on j.id = p.job_id
        left join public.user_job_preferences f on f.user_id = $11 and f.job_id = p.job_id
        order by p.score_key desc, p.job_id desc
      $sql$,
        source,
        private.job_search_predicate(mode, search_jobs.remote_types, location_pattern, country_filter, search_jobs.min_salary,
          search_jobs.employment_types, search_jobs.posted_since),
        case when after_key is null then '' else 'and (s.listed_at, s.job_id) < (private.from_epoch_us($12), $13)' end);
    else
      condition := private.job_search_predicate(mode, search_jobs.remote_types, location_pattern, country_filter,
          search_jobs.min_salary, search_jobs.employment_types, search_jobs.posted_since, alias => 'c')
        || case when hi_at is null then '' else ' and (c.listed_at, c.job_id) < ($15, $16)' end
        || case when pool_known and lo_at is not null then ' and (c.listed_at, c.job_id) >= ($17, $18)' else '' end;
      -- One pool: the pool_size newest matches below the upper bound (a new pool), or the matches
      -- between the bounds (a pool the cursor already knows); ranked, then the page after the position.
      -- Few matches (see collect_all): gather them all through the indexes, then keep the newest.
      -- Many: walk the listing order and stop at pool_size, which reads about
      -- pool_size / (share of postings matching) rows, in listing (and so physical) order.
      -- Relevance is computed for the pool's rows only.
      sql := pg_catalog.format($sql$
        with candidates as materialized (
          -- collect_all only: every match, gathered through the indexes (no order asked)
          select c.job_id, c.listed_at, c.search_vector
          from %1$s c
          where %2$s
        ), pool as materialized (
          -- relevance for the pool's rows only: the sort and limit run first
          select c.job_id, c.listed_at, %3$s as relevance, %4$s as tier
          from (
            select c.job_id, c.listed_at, c.search_vector
            from %5$s c
            where %6$s
            order by c.listed_at desc, c.job_id desc
            %7$s
          ) as c
        ), edge as (
          select (select count(*) from pool) as pool_rows, p.listed_at as lo_at, p.job_id as lo_id
          from pool p order by p.listed_at, p.job_id limit 1
        ), scored as (
          -- tier + relevance x recency: the relevance part stays below 1, so a better tier always
          -- ranks first; recency halves the relevance of a posting every 30 days, down to half of it.
          select pool.job_id, pool.relevance,
                 pool.tier + pool.relevance * (1 + pg_catalog.power(2::double precision,
                   -greatest(pg_catalog.date_part('epoch', $10 - pool.listed_at), 0) / 2592000)) / 2 as score
          from pool
        ), page as (
          select s.job_id, s.relevance::real as relevance, s.score, (pg_catalog.round(s.score * 1e12))::bigint as score_key,
                 e.pool_rows, (extract(epoch from e.lo_at) * 1000000)::bigint as lo_at, e.lo_id
          from scored s cross join edge e
          where %8$s
          order by (pg_catalog.round(s.score * 1e12))::bigint desc, s.job_id desc
          limit $14
        )
        select j.id, j.title, j.company, j.location, j.country_code, j.remote_type, j.employment_type, j.salary_min,
               j.salary_max, j.salary_currency, j.salary_period, j.posted_at, j.owner_id, coalesce(f.is_favorite, false) as is_favorite,
               p.relevance, p.score, p.score_key, p.pool_rows, p.lo_at, p.lo_id
        from page p
        join public.jobs j on j.id = p.job_id
        left join public.user_job_preferences f on f.user_id = $11 and f.job_id = p.job_id
        order by p.score_key desc, p.job_id desc
      $sql$,
        source,
        case when collect_all then condition else 'false' end,
        'pg_catalog.ts_rank_cd(''{0.1, 0.2, 0.4, 1.0}''::real[], c.search_vector, $1, 32)',
        -- Tier 1: the title, company or listed skills match on their own (weights A and B).
        '(pg_catalog.ts_filter(c.search_vector, ''{a,b}''::"char"[]) @@ $1)::integer',
        case when collect_all then 'candidates' else source end,
        case when collect_all then 'true' else condition end,
        case when pool_known then '' else pg_catalog.format('limit %s', pool_size) end,
        case when after_key is null then 'true' else '((pg_catalog.round(s.score * 1e12))::bigint, s.job_id) < ($12, $13)' end
      );
    end if;

    -- Walking: the planner, trusting an estimate that correlated words make far too low, would
    -- rather gather the matches through the GIN index, or scan the whole table; keep it on the
    -- listing order. Restored below.
    if mode <> 'recent' and not collect_all then
      bitmap_setting := pg_catalog.current_setting('enable_bitmapscan');
      seqscan_setting := pg_catalog.current_setting('enable_seqscan');
      perform pg_catalog.set_config('enable_bitmapscan', 'off', true), pg_catalog.set_config('enable_seqscan', 'off', true);
    end if;
    fetched := 0;
    for rec in execute sql using tsq, fuzzy_text, search_jobs.remote_types, location_pattern, country_filter,
      search_jobs.min_salary, search_jobs.currency, search_jobs.employment_types, search_jobs.posted_since, as_of,
      caller, after_key, after_id, wanted, hi_at, hi_id, lo_at, lo_id
    loop
      fetched := fetched + 1;
      if fetched = 1 and not pool_known and mode <> 'recent' then
        -- A new pool: remember where it ends (null when it reaches the oldest match).
        if rec.pool_rows >= pool_size then
          lo_at := private.from_epoch_us(rec.lo_at);
          lo_id := rec.lo_id;
        else
          lo_at := null;
          lo_id := null;
        end if;
        pool_known := true;
        if lo_at is null and hi_at is null and search_jobs.cursor is null then
          -- Every match fit the first pool: the count is exact.
          total := rec.pool_rows;
        end if;
      end if;
      -- Emit the previous row now that another follows it; the page's last row carries the cursor.
      if has_pending then
        id := pending.id; title := pending.title; company := pending.company; location := pending.location;
        country_code := pending.country_code; remote_type := pending.remote_type; employment_type := pending.employment_type;
        salary_min := pending.salary_min; salary_max := pending.salary_max; salary_currency := pending.salary_currency;
        salary_period := pending.salary_period; posted_at := pending.posted_at; is_private := pending.owner_id is not null;
        is_favorite := pending.is_favorite; matched_by := pending_mode; relevance := pending.relevance;
        score := pending.score; total_estimate := total;
        next_cursor := case when emitted + 1 = page_limit then private.encode_cursor(pg_catalog.jsonb_build_object(
          'v', 1, 'k', 'search_jobs', 'h', fingerprint, 'm', pending_mode, 't', private.epoch_us(as_of), 'n', total,
          'ha', private.epoch_us(pending_hi_at), 'hi', pending_hi_id, 'la', private.epoch_us(pending_lo_at), 'li', pending_lo_id,
          'ak', pending.score_key, 'ai', pending.id)) end;
        return next;
        emitted := emitted + 1;
      end if;
      exit pages when emitted = page_limit;
      pending := rec;
      has_pending := true;
      pending_mode := mode;
      pending_hi_at := hi_at;
      pending_hi_id := hi_id;
      pending_lo_at := lo_at;
      pending_lo_id := lo_id;
    end loop;
    if bitmap_setting is not null then
      perform pg_catalog.set_config('enable_bitmapscan', bitmap_setting, true), pg_catalog.set_config('enable_seqscan', seqscan_setting, true);
      bitmap_setting := null;
    end if;

    -- The statement ran out of rows before the page was full.
    if mode = 'fulltext' and fetched = 0 and search_jobs.cursor is null and hi_at is null
      and pg_catalog.array_length(pg_catalog.regexp_split_to_array(fuzzy_text, ' '), 1) <= 8 then
      -- Nothing matched the words as written: correct misspelt words against the vocabulary of
      -- titles and companies and search again (typo tolerance).
      tsq := pg_catalog.websearch_to_tsquery('private.english_unaccent'::regconfig, coalesce(private.correct_search_words(fuzzy_text), ''));
      exit pages when pg_catalog.numnode(tsq) = 0;
      mode := 'fuzzy';
      total := private.estimate_job_matches(mode, tsq, fuzzy_text, search_jobs.remote_types, location_pattern,
        country_filter, search_jobs.min_salary, search_jobs.currency, search_jobs.employment_types, search_jobs.posted_since,
        caller);
      collect_all := private.search_collects_all(mode, tsq, total, pool_size, search_jobs.remote_types, location_pattern,
        country_filter, search_jobs.min_salary, search_jobs.currency, search_jobs.employment_types, search_jobs.posted_since, caller);
      continue pages;
    end if;
    exit pages when mode = 'recent' or lo_at is null;
    -- Next pool: older than this one, ranked from its top.
    hi_at := lo_at;
    hi_id := lo_id;
    lo_at := null;
    lo_id := null;
    pool_known := false;
    after_key := null;
    after_id := null;
  end loop pages;
  if bitmap_setting is not null then
    perform pg_catalog.set_config('enable_bitmapscan', bitmap_setting, true), pg_catalog.set_config('enable_seqscan', seqscan_setting, true);
  end if;

  if has_pending and emitted < page_limit then
    -- The last row of all: no cursor, there is nothing after it.
    id := pending.id; title := pending.title; company := pending.company; location := pending.location;
    country_code := pending.country_code; remote_type := pending.remote_type; employment_type := pending.employment_type;
    salary_min := pending.salary_min; salary_max := pending.salary_max; salary_currency := pending.salary_currency;
    salary_period := pending.salary_period; posted_at := pending.posted_at; is_private := pending.owner_id is not null;
    is_favorite := pending.is_favorite; matched_by := pending_mode; relevance := pending.relevance;
    score := pending.score; next_cursor := null; total_estimate := total;
    return next;
  end if;
end;
$$;
comment on function public.search_jobs(text, public.remote_type[], text, text, integer, text, public.employment_type[], timestamptz, boolean, integer, text) is
$$Searches active postings visible to the caller (shared ones and, unless include_private is false, their own imports), leaving out postings they hid.

q uses websearch syntax ("data engineer" -contract rust OR go), accents folded (Zurich = Zürich). Filters: remote_types, location_text (accent-folded substring of the location), country (ISO alpha-2), min_salary with currency (the posting's top of range in that currency, made yearly from its period; postings without a salary are left out), employment_types, posted_since.

Ranking (score): postings whose title, company or listed skills match come first; within that, ts_rank_cd on the weighted vector (title A, company and skills B, body C, normalised to 0..1) times a recency factor that halves the weight of a posting's age every 30 days, down to half. Matches are ranked in pools of the 300 newest matching postings (then the next 300, and so on), so a broad query costs about the same as a narrow one; a query with up to 300 matches is ranked exactly. When the words match nothing, each word unknown to the vocabulary of titles and companies is replaced by its closest known word by trigram similarity (Postgress -> postgresql, kubernets -> kubernetes) and the search runs again; matched_by says fulltext, fuzzy or recent. An empty q, or one with no searchable word, lists postings newest first.

Pagination: the last row of a page carries next_cursor when more rows follow (null on every other row, and on the very last page); pass it back to get the next page. result_limit defaults to 20 and is capped at 100. total_estimate is exact when every match fits the first pool, otherwise the planner's estimate.

Errors (SQLSTATE 22023, HTTP 400): result_limit below 1, q over 500 characters, a country that is not two letters, min_salary without currency or negative, location_text over 200 characters, a malformed cursor or one from a different search.$$;
grant execute on function public.search_jobs(text, public.remote_type[], text, text, integer, text, public.employment_type[], timestamptz, boolean, integer, text)
  to authenticated, service_role;
