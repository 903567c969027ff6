-- Search pools found day by day. search_jobs ranks the 300 newest matches of a question (see
-- 20261125190300_search_jobs.sql). It had two ways to find them: walk the listing order until 300
-- rows match (cheap when matches are dense), or gather every match through the GIN index and keep
-- the newest (cheap when they are few). In between, both read tens of thousands of rows: "react" in
-- Germany walked 22,000 postings for its 300, a quoted phrase 73,000.
--
-- A third way, for that middle: one GIN index keyed by listing day, country, remote and employment
-- type, location trigrams and words answers "the matches listed on day d (in this country, at this
-- place, ...)", so a pool is gathered one day at a time, newest day first, and the search stops at
-- the day that fills it. It reads about the matches of the days it needs, not every match, nor
-- every posting. The index replaces the vector-only and location-only GIN indexes: it answers their
-- conditions without a day.
-- Which way a question takes is decided by a cost model over the planner's estimates (see
-- private.search_strategy).
--
-- Also cheaper per search, because at a few milliseconds per question planning and per-row work
-- show: the pool's statement returns the pool as one array and a static statement (its plan cached
-- for the session) ranks it and reads the page; the caller's hidden postings are a list, not an
-- anti-join in every branch; the own-imports branch is left out when the caller has none; the
-- first ranking tier matches a query restricted to weights A and B instead of filtering each
-- vector (private.title_tier_query).

-- Section: extensions
create extension if not exists btree_gin with schema extensions;

-- Section: indexes
create index searchable_jobs_day_place_vector_idx on private.searchable_jobs
  using gin (((listed_at at time zone 'UTC')::date - '1970-01-01'::date), country_code, remote_type, employment_type,
    location_folded extensions.gin_trgm_ops, search_vector);
comment on index private.searchable_jobs_day_place_vector_idx is 'Matches by listing day (UTC, days since 1970-01-01), country, remote and employment type, location substring and words: search_jobs gathers a pool one day at a time.';
drop index private.searchable_jobs_search_vector_idx;
drop index private.searchable_jobs_location_trgm_idx;

-- Section: functions
-- The caller's own active imports as rows of private.searchable_jobs (SQL text for the dynamic
-- statements; caller_param is the number of the parameter holding the caller's id).
create or replace function private.own_searchable_jobs_source(caller_param integer)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select '(select r.* from public.jobs j cross join lateral private.searchable_job_row(j) as r where j.owner_id = $'
    || own_searchable_jobs_source.caller_param::text || ' and j.is_active)'
$$;
comment on function private.own_searchable_jobs_source(integer) is 'FROM item (SQL text) of the caller''s own active imports, projected like private.searchable_jobs.';

-- The shared postings plus those imports (see 20261125190200_searchable_jobs.sql), now built on the
-- function above, so the text of the imports' source is written once.
create or replace function private.searchable_jobs_source(include_own boolean, caller_param integer)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case when searchable_jobs_source.include_own
    then '(select * from private.searchable_jobs union all select * from '
      || private.own_searchable_jobs_source(searchable_jobs_source.caller_param) || ' as own)'
    else 'private.searchable_jobs' end
$$;

-- The WHERE clause of a search (see 20261125190300_search_jobs.sql), now writing a filter on one
-- remote type or one employment type as an equality, which the day/place/vector index answers
-- (GIN cannot answer = any (array)).
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
    || case coalesce(pg_catalog.cardinality(job_search_predicate.remote_types), 0)
         when 0 then '' when 1 then ' and {row}.remote_type = ($3)[1]' else ' and {row}.remote_type = any ($3)' end
    || case when job_search_predicate.location_pattern is not null then ' and {row}.location_folded like $4' else '' end
    || case when job_search_predicate.country is not null then ' and {row}.country_code = $5' else '' end
    || case when job_search_predicate.min_salary is not null then ' and {row}.salary_currency = $7 and {row}.salary_top_yearly >= $6' else '' end
    || case coalesce(pg_catalog.cardinality(job_search_predicate.employment_types), 0)
         when 0 then '' when 1 then ' and {row}.employment_type = ($8)[1]' else ' and {row}.employment_type = any ($8)' end
    || case when job_search_predicate.posted_since is not null then ' and {row}.listed_at >= $9' else '' end,
    -- column references are written {row}.<column>; the caller names the row
    '{row}', pg_catalog.quote_ident(job_search_predicate.alias))
$$;

-- Section: types
create type private.search_pool_row as (job_id uuid, listed_at timestamptz, relevance real, tier integer);
comment on type private.search_pool_row is 'A posting of a search pool as search_jobs ranks it: relevance (ts_rank_cd) and tier (1 when the title, company or listed skills match).';
create type private.search_page_row as (
  id uuid, title text, company text, location text, country_code text, remote_type public.remote_type,
  employment_type public.employment_type, salary_min integer, salary_max integer, salary_currency text,
  salary_period public.salary_period, posted_at timestamptz, owner_id uuid, is_favorite boolean, relevance real,
  score double precision, score_key bigint
);
comment on type private.search_page_row is 'A row of a search_jobs page as its statements read it, before the cursor is made: score_key is the position the cursor carries.';

-- Section: functions
-- The query with every word restricted to weights A and B (title, company, listed skills): a match
-- is search_jobs' first ranking tier. Matching it costs a lookup per word, where filtering the
-- vector to those weights first (ts_filter) built a new vector per row.
create or replace function private.title_tier_query(query tsquery)
returns tsquery
language sql
immutable
strict
parallel safe
set search_path = ''
as $$
  -- websearch_to_tsquery writes words as 'lexeme' (quotes doubled inside), without weights or
  -- prefix marks, so each gets :AB appended.
  select pg_catalog.regexp_replace(title_tier_query.query::text, '(''(?:[^'']|'''')*'')', '\1:AB', 'g')::tsquery
$$;
comment on function private.title_tier_query(tsquery) is 'A websearch query with every word restricted to weights A and B: matching it is the same as matching the vector filtered to those weights.';

-- How search_jobs finds a pool of its pool_size newest matches, by estimated cost (microseconds;
-- the constants were fitted to each strategy's measured time on the 50 benchmark questions over
-- 243,000 active postings, with each strategy forced in turn):
--   walk    read postings in listing order until pool_size match: ~1.2 per posting read;
--   days    gather the matches of one listing day at a time through the day/place/vector GIN
--           index, newest day first, until the pool is full: ~120 per day probed, and for the
--           postings of the days gathered ~0.1 per posting-list item read and ~3 per match of the
--           indexed conditions (words, country, location, one remote or employment type) read
--           from the heap;
--   gather  every match at once, then the newest: ~500 fixed, ~0.1 per posting-list item read
--           (building the bitmap: about the rarest word's list once per word), ~3 per match of the
--           conditions indexes answer (all but remote type and salary) read from the heap.
-- Inputs: the planner's estimates of the matches of every condition (estimate) and of the indexed
-- ones alone, and the statistics the planner reads (pg_stats of private.searchable_jobs): the
-- listed_at histogram (how many days the newest postings span) and the words' frequencies. Words
-- of postings are correlated ("climate tech"), so the planner's estimate of an AND (the product of
-- the words' frequencies) can be far too low while the rarest word's is an upper bound: a query
-- without OR is judged by the geometric mean of the two, except that gathering, which reads every
-- match, is judged by the upper bound. A phrase ("engineering manager") is
-- estimated like an AND of its words, but adjacent words are rarer than co-occurring ones: its
-- estimate is divided by 10 per phrase operator, at most twice (measured on the benchmark: 23,000
-- postings hold both words, 1,067 the phrase). jobtrail.search_strategy forces a strategy (tests
-- page through each on a handful of rows).
create or replace function private.search_strategy(
  mode text, tsq tsquery, estimate bigint, pool_size integer, remote_types public.remote_type[], location_pattern text,
  country text, min_salary integer, employment_types public.employment_type[], posted_since timestamptz, caller uuid
)
returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  forced text := nullif(pg_catalog.current_setting('jobtrail.search_strategy', true), '');
  postings double precision := greatest((select c.reltuples from pg_catalog.pg_class c where c.oid = 'private.searchable_jobs'::regclass), 1);
  matches double precision := greatest(coalesce(search_strategy.estimate, 0), 1);
  indexed double precision;
  gathered double precision;
  correction double precision := 1;
  bounds timestamptz[];
  lexemes text[];
  frequencies real[];
  word_frequencies double precision[];
  posting_items double precision;
  buckets integer;
  newest_day_start timestamptz;
  first_day_share double precision := 1;
  rows_needed double precision;
  covered double precision;
  days_needed double precision := 1;
  walk_cost double precision;
  days_cost double precision;
  gather_cost double precision;
begin
  if forced in ('walk', 'days', 'gather') then
    return forced;
  end if;
  if search_strategy.mode = 'recent' then
    return 'walk';
  end if;
  select s.histogram_bounds::text::timestamptz[] into bounds
  from pg_catalog.pg_stats s
  where s.schemaname = 'private' and s.tablename = 'searchable_jobs' and s.attname = 'listed_at';

  -- Matches of the conditions the day/place/vector index answers (all but salary, listing date and
  -- a choice of several remote or employment types): what days reads from the heap.
  indexed := case
    when search_strategy.min_salary is null and search_strategy.posted_since is null
      and coalesce(pg_catalog.cardinality(search_strategy.remote_types), 0) <= 1
      and coalesce(pg_catalog.cardinality(search_strategy.employment_types), 0) <= 1 then matches
    else greatest(private.estimate_job_matches(search_strategy.mode, search_strategy.tsq, null,
      case when pg_catalog.cardinality(search_strategy.remote_types) = 1 then search_strategy.remote_types end,
      search_strategy.location_pattern, search_strategy.country, null, null,
      case when pg_catalog.cardinality(search_strategy.employment_types) = 1 then search_strategy.employment_types end,
      null, search_strategy.caller), 1) end;
  -- The frequency of each positive word of the query (as its text shows them: 'word', quotes
  -- doubled inside), as the planner takes it: from the most common elements, else half the least
  -- common one's (at most 0.5%). Only a query of several words without OR needs them.
  if pg_catalog.numnode(search_strategy.tsq) > 1 and pg_catalog.strpos(search_strategy.tsq::text, '|') = 0 then
    select s.most_common_elems::text::text[], s.most_common_elem_freqs into lexemes, frequencies
    from pg_catalog.pg_stats s
    where s.schemaname = 'private' and s.tablename = 'searchable_jobs' and s.attname = 'search_vector';
  end if;
  if lexemes is not null then
    select pg_catalog.array_agg(coalesce(frequencies[pg_catalog.array_position(lexemes, m[2])],
             least(0.005, frequencies[pg_catalog.cardinality(lexemes) + 1] / 2)))
    into word_frequencies
    from pg_catalog.regexp_matches(search_strategy.tsq::text, '(!?)''((?:[^'']|'''')*)''', 'g') as m
    where m[1] = '';
  end if;
  if pg_catalog.cardinality(word_frequencies) > 1 then
    -- the rarest word against the AND of all of them, whatever else the estimates filter on
    correction := pg_catalog.sqrt(greatest(1, (
      select min(f) / pg_catalog.exp(sum(pg_catalog.ln(greatest(f, 1e-9)))) from pg_catalog.unnest(word_frequencies) as f)));
  end if;
  -- The index intersects the words' posting lists led by the rarest one (GIN skips through the
  -- others), so building the bitmap costs about the rarest list (indexed x correction squared)
  -- once per word.
  posting_items := greatest(coalesce(pg_catalog.cardinality(word_frequencies), 0), 1) * indexed * correction * correction;
  indexed := indexed * correction;
  -- Gathering also narrows by employment types and listing date through their own indexes (a
  -- BitmapAnd), so it reads fewer rows: all but salary and a choice of several remote types. It
  -- reads every match, so it is judged by the upper bound (the rarest word's estimate): a wrong
  -- guess of few matches would otherwise send a broad question to read thousands of rows.
  gathered := correction * correction * case
    when search_strategy.min_salary is null and coalesce(pg_catalog.cardinality(search_strategy.remote_types), 0) <= 1 then matches
    else greatest(private.estimate_job_matches(search_strategy.mode, search_strategy.tsq, null,
      case when pg_catalog.cardinality(search_strategy.remote_types) = 1 then search_strategy.remote_types end,
      search_strategy.location_pattern, search_strategy.country, null, null, search_strategy.employment_types,
      search_strategy.posted_since, search_strategy.caller), 1) end;
  matches := matches * correction
    / pg_catalog.power(10, least(2, pg_catalog.length(search_strategy.tsq::text) - pg_catalog.length(pg_catalog.replace(search_strategy.tsq::text, '<', ''))));

  rows_needed := least(postings, search_strategy.pool_size * postings / matches);
  -- How many listing days the newest rows_needed postings span, and the newest day's share, from
  -- the histogram (equal-frequency buckets); without statistics, one day holding everything.
  buckets := coalesce(pg_catalog.cardinality(bounds), 0) - 1;
  if buckets >= 2 then
    newest_day_start := (bounds[buckets + 1] at time zone 'UTC')::date::timestamp at time zone 'UTC';
    first_day_share := greatest(1, (select count(*) from pg_catalog.unnest(bounds) as b where b >= newest_day_start) - 1)::double precision / buckets;
    days_needed := (bounds[buckets + 1] at time zone 'UTC')::date
      - (bounds[greatest(1, pg_catalog.ceil(buckets + 1 - rows_needed / postings * buckets)::integer)] at time zone 'UTC')::date + 1;
  end if;

  walk_cost := 1.2 * rows_needed;
  -- the postings of the days gathered: at least the whole newest day
  covered := greatest(rows_needed, first_day_share * postings);
  days_cost := 120 * days_needed + (0.1 * posting_items + 3 * indexed) * covered / postings;
  gather_cost := 500 + 0.1 * posting_items + 3 * gathered;
  return case
    when walk_cost <= days_cost and walk_cost <= gather_cost then 'walk'
    when days_cost <= gather_cost then 'days'
    else 'gather' end;
end;
$$;
comment on function private.search_strategy(text, tsquery, bigint, integer, public.remote_type[], text, text, integer, public.employment_type[], timestamptz, uuid) is
  'How search_jobs should find a pool: walk the listing order, gather day by day, or gather every match (by estimated cost).';

grant execute on function private.own_searchable_jobs_source(integer), private.title_tier_query(tsquery),
  private.search_strategy(text, tsquery, bigint, integer, public.remote_type[], text, text, integer, public.employment_type[], timestamptz, uuid)
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
  max_hidden_list constant integer := 200;
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
  strategy text;
  start_day integer;
  end_day integer;
  newest_day integer;
  oldest_day integer;
  pool_rows_sql text;
  pool_limit text;
  hidden_ids uuid[];
  pool private.search_pool_row[];
  pool_rows integer;
  page_rows refcursor;
  hidden_check text;
  bitmap_setting text;
  seqscan_setting text;
  condition text;
  sql text;
  wanted integer;
  rec private.search_page_row;
  pending private.search_page_row;
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

  -- Candidates: the shared postings, plus the caller's own imports unless left out (or none).
  with_private := with_private and exists (select from public.jobs j where j.owner_id = caller and j.is_active);
  source := private.searchable_jobs_source(with_private, 11);
  -- The caller's hidden postings are left out by a list ($21) when it is short: one condition
  -- rather than an anti-join per branch of the statements, which costs planning time.
  hidden_ids := array(select p.job_id from public.user_job_preferences p where p.user_id = caller and p.is_hidden limit max_hidden_list + 1);
  hidden_check := case
    when pg_catalog.cardinality(hidden_ids) = 0 then ''
    when pg_catalog.cardinality(hidden_ids) <= max_hidden_list then ' and {row}.job_id <> all ($21)'
    else ' and not exists (select from public.user_job_preferences h where h.user_id = $11 and h.job_id = {row}.job_id and h.is_hidden)' end;

  -- How to find a pool: see private.search_strategy. The estimate is also total_estimate.
  if total is null then
    total := private.estimate_job_matches(mode, tsq, fuzzy_text, search_jobs.remote_types, location_pattern,
      country_filter, search_jobs.min_salary, search_jobs.currency, search_jobs.employment_types, search_jobs.posted_since,
      caller);
  end if;
  strategy := private.search_strategy(mode, tsq, total, pool_size, search_jobs.remote_types, location_pattern,
    country_filter, search_jobs.min_salary, search_jobs.employment_types, search_jobs.posted_since, caller);

  -- Parameters of the statements below: $1..$9 and $11 as in private.job_search_predicate, $10 as
  -- of, $12/$13 position after (score key, id), $14 rows wanted, $15/$16 pool upper bound
  -- (exclusive), $17/$18 pool lower bound (inclusive), $19/$20 first and last listing day gathered
  -- (days strategy), $21 the caller's hidden postings, $22 the query on weights A and B only.
  wanted := page_limit + 1;
  <<pages>>
  loop
    if mode = 'recent' then
      -- Newest first: the index order is the keyset, no pools needed.
      sql := pg_catalog.format($sql$
        with page as (
          select s.job_id, null::real as relevance, null::double precision as score,
                 (extract(epoch from s.listed_at) * 1000000)::bigint as score_key
          from %1$s s
          where %2$s %3$s
          order by s.listed_at desc, s.job_id desc
          limit $14
        )
        select j.id, j.title, j.company, j.location, j.country_code, j.remote_type, j.employment_type, j.salary_min,
               j.salary_max, j.salary_currency, j.salary_period, j.posted_at, j.owner_id, coalesce(f.is_favorite, false) as is_favorite,
               p.relevance, p.score, p.score_key
        from page p
        join public.jobs j on j.id = p.job_id
        left join public.user_job_preferences f on f.user_id = $11 and f.job_id = p.job_id
        order by p.score_key desc, p.job_id desc
      $sql$,
        source,
        private.job_search_predicate(mode, search_jobs.remote_types, location_pattern, country_filter, search_jobs.min_salary,
          search_jobs.employment_types, search_jobs.posted_since, with_hidden_check => false) || pg_catalog.replace(hidden_check, '{row}', 's'),
        case when after_key is null then '' else 'and (s.listed_at, s.job_id) < (private.from_epoch_us($12), $13)' end);
    else
      condition := private.job_search_predicate(mode, search_jobs.remote_types, location_pattern, country_filter,
          search_jobs.min_salary, search_jobs.employment_types, search_jobs.posted_since, with_hidden_check => false, alias => 'c')
        || pg_catalog.replace(hidden_check, '{row}', 'c')
        || case when hi_at is null then '' else ' and (c.listed_at, c.job_id) < ($15, $16)' end
        || case when pool_known and lo_at is not null then ' and (c.listed_at, c.job_id) >= ($17, $18)' else '' end;
      pool_limit := case when pool_known then '' else pg_catalog.format('limit %s', pool_size) end;
      if strategy = 'days' then
        if newest_day is null then
          select (max(s.listed_at) at time zone 'UTC')::date - '1970-01-01'::date, (min(s.listed_at) at time zone 'UTC')::date - '1970-01-01'::date
          into newest_day, oldest_day
          from private.searchable_jobs s;
        end if;
        start_day := coalesce((hi_at at time zone 'UTC')::date - '1970-01-01'::date, newest_day);
        -- At most 120 days one by one: postings listed before them (few: most expire sooner) come
        -- from one more branch, so a years-old posting does not cost a probe per empty day.
        end_day := greatest(oldest_day, start_day - 120, (search_jobs.posted_since at time zone 'UTC')::date - '1970-01-01'::date,
          case when pool_known then (lo_at at time zone 'UTC')::date - '1970-01-01'::date end);
      end if;
      -- One pool: the pool_size newest matches below the upper bound (a new pool), or the matches
      -- between the bounds (a pool the cursor already knows); ranked, then the page after the position.
      -- pool_rows_sql finds the pool's rows, newest first (see private.search_strategy):
      --   walk:   the listing order, stopping at pool_size; about pool_size / (share of postings
      --           matching) rows read, in listing (and so physical) order;
      --   gather: every match through the indexes (the candidates CTE), then the newest;
      --   days:   the matches of one listing day at a time, newest day first, through the
      --           day/country/vector index; the nested loop stops at the day that fills the pool.
      --           Postings listed before the window of days ($20) follow in one more branch, and the
      --           caller's own imports are merged in.
      -- Relevance is computed for the pool's rows only.
      pool_rows_sql := case strategy
        -- every match, through the indexes (no order asked: materialized), then the newest
        when 'gather' then pg_catalog.format(
          'with candidates as materialized (select c.job_id, c.listed_at, c.search_vector from %s c where %s)'
            || ' select c.job_id, c.listed_at, c.search_vector from candidates c order by c.listed_at desc, c.job_id desc %s',
          source, condition, pool_limit)
        when 'days' then pg_catalog.format($days$
            select c.job_id, c.listed_at, c.search_vector
            from (
              select c.job_id, c.listed_at, c.search_vector
              from pg_catalog.generate_series($19, $20, -1) as d (day)
              cross join lateral (
                select c.job_id, c.listed_at, c.search_vector
                from private.searchable_jobs c
                where (c.listed_at at time zone 'UTC')::date - '1970-01-01'::date = d.day and %1$s
                order by c.listed_at desc, c.job_id desc
              ) as c
              union all
              (select c.job_id, c.listed_at, c.search_vector
               from private.searchable_jobs c
               where c.listed_at < ('1970-01-01'::date + $20)::timestamp at time zone 'UTC' and %1$s
               order by c.listed_at desc, c.job_id desc)
              %2$s
            ) as c
            %3$s
            order by listed_at desc, job_id desc
            %2$s
          $days$,
          condition, pool_limit,
          case when with_private then pg_catalog.format(
            'union all (select c.job_id, c.listed_at, c.search_vector from %s c where %s order by c.listed_at desc, c.job_id desc %s)',
            private.own_searchable_jobs_source(11), condition, pool_limit) else '' end)
        else pg_catalog.format(
          'select c.job_id, c.listed_at, c.search_vector from %s c where %s order by c.listed_at desc, c.job_id desc %s',
          source, condition, pool_limit) end;
      -- The pool as one array in listing order, oldest first: its lower edge is element 1.
      sql := pg_catalog.format($sql$
        select pg_catalog.array_agg(row(c.job_id, c.listed_at,
                 pg_catalog.ts_rank_cd('{0.1, 0.2, 0.4, 1.0}'::real[], c.search_vector, $1, 32),
                 -- Tier 1: the title, company or listed skills match on their own ($22: the query
                 -- with every word restricted to weights A and B).
                 (c.search_vector @@ $22)::integer)::private.search_pool_row
               order by c.listed_at, c.job_id)
        from (%s) as c
      $sql$,
        pool_rows_sql);
    end if;

    if mode = 'recent' then
      open page_rows for execute sql using tsq, fuzzy_text, search_jobs.remote_types, location_pattern, country_filter,
        search_jobs.min_salary, search_jobs.currency, search_jobs.employment_types, search_jobs.posted_since, as_of,
        caller, after_key, after_id, wanted, hi_at, hi_id, lo_at, lo_id, start_day, end_day, hidden_ids;
    else
      -- Walking: the planner, trusting an estimate that correlated words make far too low, would
      -- rather gather the matches through the GIN index, or scan the whole table; keep it on the
      -- listing order. Restored below.
      if strategy = 'walk' then
        bitmap_setting := pg_catalog.current_setting('enable_bitmapscan');
        seqscan_setting := pg_catalog.current_setting('enable_seqscan');
        perform pg_catalog.set_config('enable_bitmapscan', 'off', true), pg_catalog.set_config('enable_seqscan', 'off', true);
      end if;
      execute sql into pool
        using tsq, fuzzy_text, search_jobs.remote_types, location_pattern, country_filter,
          search_jobs.min_salary, search_jobs.currency, search_jobs.employment_types, search_jobs.posted_since, as_of,
          caller, after_key, after_id, wanted, hi_at, hi_id, lo_at, lo_id, start_day, end_day, hidden_ids,
          private.title_tier_query(tsq);
      if bitmap_setting is not null then
        perform pg_catalog.set_config('enable_bitmapscan', bitmap_setting, true), pg_catalog.set_config('enable_seqscan', seqscan_setting, true);
        bitmap_setting := null;
      end if;
      pool_rows := coalesce(pg_catalog.cardinality(pool), 0);
      if not pool_known then
        -- A new pool: remember where it ends (null when it reaches the oldest match).
        if pool_rows >= pool_size then
          lo_at := pool[1].listed_at;
          lo_id := pool[1].job_id;
        else
          lo_at := null;
          lo_id := null;
        end if;
        pool_known := true;
        if lo_at is null and hi_at is null and search_jobs.cursor is null then
          -- Every match fit the first pool: the count is exact.
          total := pool_rows;
        end if;
      end if;
      -- Ranked, then the page after the position. Static SQL: its plan is cached for the session.
      open page_rows for
        with pool as (
          select p.job_id, p.listed_at, p.relevance, p.tier
          from pg_catalog.unnest(pool) as p
        ), scored as (
          -- tier + relevance x recency: the relevance part stays below 1, so a better tier always
          -- ranks first; recency halves the relevance of a posting every 30 days, down to half of it.
          select pool.job_id, pool.relevance,
                 pool.tier + pool.relevance * (1 + pg_catalog.power(2::double precision,
                   -greatest(pg_catalog.date_part('epoch', as_of - pool.listed_at), 0) / 2592000)) / 2 as score
          from pool
        ), keyed as (
          select s.job_id, s.relevance, s.score, (pg_catalog.round(s.score * 1e12))::bigint as score_key
          from scored s
        ), page as (
          select k.job_id, k.relevance, k.score, k.score_key
          from keyed k
          where after_key is null or (k.score_key, k.job_id) < (after_key, after_id)
          order by k.score_key desc, k.job_id desc
          limit wanted
        )
        select j.id, j.title, j.company, j.location, j.country_code, j.remote_type, j.employment_type, j.salary_min,
               j.salary_max, j.salary_currency, j.salary_period, j.posted_at, j.owner_id, coalesce(f.is_favorite, false) as is_favorite,
               p.relevance, p.score, p.score_key
        from page p
        join public.jobs j on j.id = p.job_id
        left join public.user_job_preferences f on f.user_id = caller and f.job_id = p.job_id
        order by p.score_key desc, p.job_id desc;
    end if;
    loop
      fetch page_rows into rec;
      exit when not found;
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
      exit when emitted = page_limit;
      pending := rec;
      has_pending := true;
      pending_mode := mode;
      pending_hi_at := hi_at;
      pending_hi_id := hi_id;
      pending_lo_at := lo_at;
      pending_lo_id := lo_id;
    end loop;
    close page_rows;
    exit pages when emitted = page_limit;

    -- The statement ran out of rows before the page was full.
    if mode = 'fulltext' and pool_rows = 0 and search_jobs.cursor is null and hi_at is null
      and pg_catalog.array_length(pg_catalog.regexp_split_to_array(fuzzy_text, ' '), 1) <= 8 then
      -- Nothing matched the words as written: correct misspelt words against the vocabulary of
      -- titles and companies and search again (typo tolerance).
      tsq := pg_catalog.websearch_to_tsquery('private.english_unaccent'::regconfig, coalesce(private.correct_search_words(fuzzy_text), ''));
      exit pages when pg_catalog.numnode(tsq) = 0;
      mode := 'fuzzy';
      pool_known := false;
      total := private.estimate_job_matches(mode, tsq, fuzzy_text, search_jobs.remote_types, location_pattern,
        country_filter, search_jobs.min_salary, search_jobs.currency, search_jobs.employment_types, search_jobs.posted_since,
        caller);
      strategy := private.search_strategy(mode, tsq, total, pool_size, search_jobs.remote_types, location_pattern,
        country_filter, search_jobs.min_salary, search_jobs.employment_types, search_jobs.posted_since, caller);
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

-- Replaced by private.search_strategy.
drop function private.search_collects_all(text, tsquery, bigint, integer, public.remote_type[], text, text, integer, text, public.employment_type[], timestamptz, uuid);
