-- The small helpers search_jobs and match_jobs call on every request, now in PL/pgSQL.
--
-- They were one-line SQL functions. Each carries `set search_path`, so the planner never inlines
-- it, and a SQL function that is not inlined is parsed, analysed and planned again the first time
-- each calling expression runs in a transaction (its cached plan lives in that expression's state,
-- which PL/pgSQL rebuilds per transaction). Every API request is a transaction of its own, so
-- search_jobs paid that for each helper on every request: 7.4% of the backend's CPU in a profile of
-- the search benchmark (perf, 1,650 requests), about 1 ms a search. A PL/pgSQL function is compiled
-- once per session and keeps its plans; the same call now costs microseconds. Row by row inside a
-- statement it is also no slower (fold_text over 200,000 titles: 1.5 s against 1.9 s).
--
-- Behaviour is unchanged: same names, arguments, results, volatility, strictness and grants.

-- Section: functions
create or replace function private.fold_text(value text)
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return pg_catalog.lower(extensions.unaccent('extensions.unaccent'::regdictionary, fold_text.value));
end;
$$;

create or replace function private.encode_cursor(payload jsonb)
returns text
language plpgsql
immutable
strict
parallel safe
set search_path = ''
as $$
begin
  return pg_catalog.rtrim(
    pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(encode_cursor.payload::text, 'UTF8'), 'base64'), E'+/\n', '-_'),
    '=');
end;
$$;

create or replace function private.epoch_us(value timestamptz)
returns bigint
language plpgsql
immutable
strict
parallel safe
set search_path = ''
as $$
begin
  return (extract(epoch from epoch_us.value) * 1000000)::bigint;
end;
$$;

create or replace function private.from_epoch_us(value bigint)
returns timestamptz
language plpgsql
immutable
strict
parallel safe
set search_path = ''
as $$
begin
  return '1970-01-01 00:00:00+00'::timestamptz + from_epoch_us.value * '1 microsecond'::interval;
end;
$$;

create or replace function private.own_searchable_jobs_source(caller_param integer)
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return '(select r.* from public.jobs j cross join lateral private.searchable_job_row(j) as r where j.owner_id = $'
    || own_searchable_jobs_source.caller_param::text || ' and j.is_active)';
end;
$$;

create or replace function private.searchable_jobs_source(include_own boolean, caller_param integer)
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return case when searchable_jobs_source.include_own
    then '(select * from private.searchable_jobs union all select * from '
      || private.own_searchable_jobs_source(searchable_jobs_source.caller_param) || ' as own)'
    else 'private.searchable_jobs' end;
end;
$$;

create or replace function private.job_search_predicate(
  mode text, remote_types public.remote_type[], location_pattern text, country text, min_salary integer,
  employment_types public.employment_type[], posted_since timestamptz, with_hidden_check boolean default true,
  alias text default 's'
)
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return pg_catalog.replace(
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
    '{row}', pg_catalog.quote_ident(job_search_predicate.alias));
end;
$$;

create or replace function private.title_tier_query(query tsquery)
returns tsquery
language plpgsql
immutable
strict
parallel safe
set search_path = ''
as $$
begin
  -- websearch_to_tsquery writes words as 'lexeme' (quotes doubled inside), without weights or
  -- prefix marks, so each gets :AB appended.
  return pg_catalog.regexp_replace(title_tier_query.query::text, '(''(?:[^'']|'''')*'')', '\1:AB', 'g')::tsquery;
end;
$$;
