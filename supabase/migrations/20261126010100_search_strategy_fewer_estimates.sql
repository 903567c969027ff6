-- private.search_strategy (see 20261126000000_search_by_listing_day.sql), same cost model and the
-- same choices, cheaper to run:
--   - with a salary filter or several remote types, the planner estimate of the conditions
--     gathering narrows by was asked even when they are the conditions the index answers, whose
--     estimate it already had: now asked only when they differ (a strategy with a salary filter
--     went from 1.8 to 1.3 ms a request);
--   - the listed_at histogram is read as text[], and only the handful of bounds the model looks at
--     become timestamps (there are 101);
--   - the query's words are looked up and combined in one loop, not two statements over arrays.

-- Section: functions
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
  -- Only a query of several words without OR is judged by its words' frequencies.
  by_words boolean := pg_catalog.numnode(search_strategy.tsq) > 1 and pg_catalog.strpos(search_strategy.tsq::text, '|') = 0;
  one_remote_type public.remote_type[] := case when pg_catalog.cardinality(search_strategy.remote_types) = 1 then search_strategy.remote_types end;
  one_employment_type public.employment_type[] := case when pg_catalog.cardinality(search_strategy.employment_types) = 1 then search_strategy.employment_types end;
  postings double precision := 1;
  matches double precision := greatest(coalesce(search_strategy.estimate, 0), 1);
  indexed double precision;
  gathered double precision;
  correction double precision := 1;
  bounds text[];
  lexemes text[];
  frequencies real[];
  word record;
  word_frequency double precision;
  words integer := 0;
  rarest double precision;
  log_product double precision := 0;
  posting_items double precision;
  buckets integer;
  newest timestamptz;
  newest_day_start timestamptz;
  first_day_share double precision := 1;
  rows_needed double precision;
  covered double precision;
  days_needed double precision := 1;
  walk_cost double precision;
  days_cost double precision;
  gather_cost double precision;
  k integer;
begin
  if forced in ('walk', 'days', 'gather') then
    return forced;
  end if;
  if search_strategy.mode = 'recent' then
    return 'walk';
  end if;
  select greatest(c.reltuples, 1) into postings from pg_catalog.pg_class c where c.oid = 'private.searchable_jobs'::regclass;
  select s.histogram_bounds::text::text[] into bounds
  from pg_catalog.pg_stats s
  where s.schemaname = 'private' and s.tablename = 'searchable_jobs' and s.attname = 'listed_at';
  if by_words then
    select s.most_common_elems::text::text[], s.most_common_elem_freqs into lexemes, frequencies
    from pg_catalog.pg_stats s
    where s.schemaname = 'private' and s.tablename = 'searchable_jobs' and s.attname = 'search_vector';
  end if;

  -- Matches of the conditions the day/place/vector index answers (all but salary, listing date and
  -- a choice of several remote or employment types): what days reads from the heap.
  indexed := case
    when search_strategy.min_salary is null and search_strategy.posted_since is null
      and coalesce(pg_catalog.cardinality(search_strategy.remote_types), 0) <= 1
      and coalesce(pg_catalog.cardinality(search_strategy.employment_types), 0) <= 1 then matches
    else greatest(private.estimate_job_matches(search_strategy.mode, search_strategy.tsq, null, one_remote_type,
      search_strategy.location_pattern, search_strategy.country, null, null, one_employment_type, null, search_strategy.caller), 1) end;
  -- The frequency of each positive word of the query (as its text shows them: 'word', quotes
  -- doubled inside), as the planner takes it: from the most common elements, else half the least
  -- common one's (at most 0.5%).
  if lexemes is not null then
    for word in
      select m[2] as lexeme from pg_catalog.regexp_matches(search_strategy.tsq::text, '(!?)''((?:[^'']|'''')*)''', 'g') as m where m[1] = ''
    loop
      k := pg_catalog.array_position(lexemes, word.lexeme);
      word_frequency := coalesce(frequencies[k], least(0.005, frequencies[pg_catalog.cardinality(lexemes) + 1] / 2));
      words := words + 1;
      rarest := least(rarest, word_frequency);
      log_product := log_product + pg_catalog.ln(greatest(word_frequency, 1e-9));
    end loop;
  end if;
  if words > 1 then
    -- the rarest word against the AND of all of them, whatever else the estimates filter on
    correction := pg_catalog.sqrt(greatest(1, rarest / pg_catalog.exp(log_product)));
  end if;
  -- The index intersects the words' posting lists led by the rarest one (GIN skips through the
  -- others), so building the bitmap costs about the rarest list (indexed x correction squared)
  -- once per word.
  posting_items := greatest(words, 1) * indexed * correction * correction;
  -- Gathering also narrows by employment types and listing date through their own indexes (a
  -- BitmapAnd), so it reads fewer rows: all but salary and a choice of several remote types. It
  -- reads every match, so it is judged by the upper bound (the rarest word's estimate): a wrong
  -- guess of few matches would otherwise send a broad question to read thousands of rows.
  gathered := correction * correction * case
    when search_strategy.min_salary is null and coalesce(pg_catalog.cardinality(search_strategy.remote_types), 0) <= 1 then matches
    -- the same conditions as the indexed estimate: no second estimate
    when search_strategy.posted_since is null and coalesce(pg_catalog.cardinality(search_strategy.employment_types), 0) <= 1 then indexed
    else greatest(private.estimate_job_matches(search_strategy.mode, search_strategy.tsq, null, one_remote_type,
      search_strategy.location_pattern, search_strategy.country, null, null, search_strategy.employment_types,
      search_strategy.posted_since, search_strategy.caller), 1) end;
  indexed := indexed * correction;
  matches := matches * correction
    / pg_catalog.power(10, least(2, pg_catalog.length(search_strategy.tsq::text) - pg_catalog.length(pg_catalog.replace(search_strategy.tsq::text, '<', ''))));

  rows_needed := least(postings, search_strategy.pool_size * postings / matches);
  -- How many listing days the newest rows_needed postings span, and the newest day's share, from
  -- the histogram (equal-frequency buckets); without statistics, one day holding everything.
  buckets := coalesce(pg_catalog.cardinality(bounds), 0) - 1;
  if buckets >= 2 then
    newest := bounds[buckets + 1]::timestamptz;
    newest_day_start := (newest at time zone 'UTC')::date::timestamp at time zone 'UTC';
    -- bounds at or after the newest day's start, counted from the end
    k := buckets + 1;
    while k > 1 and bounds[k - 1]::timestamptz >= newest_day_start loop
      k := k - 1;
    end loop;
    first_day_share := greatest(1, buckets + 1 - k)::double precision / buckets;
    days_needed := (newest at time zone 'UTC')::date
      - (bounds[greatest(1, pg_catalog.ceil(buckets + 1 - rows_needed / postings * buckets)::integer)]::timestamptz at time zone 'UTC')::date + 1;
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
