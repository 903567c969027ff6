-- The small helpers search_jobs and match_jobs call on every request, now in PL/pgSQL: text
-- folding, cursor encoding, the search statement builders, and skill-key resolution.
--
-- They were SQL functions. Each carries `set search_path`, so the planner never inlines it, and a
-- SQL function that is not inlined is parsed, analysed and planned again the first time each
-- calling expression runs in a transaction (its plan lives in that expression's state, which
-- PL/pgSQL rebuilds per transaction). Every API request is a transaction of its own, so each
-- request paid that for every helper: in profiles of the benchmark (perf, over 800 requests each)
-- 7.4% of the backend's CPU for search_jobs, about 1 ms a search, and 7.9% for match_jobs. A
-- PL/pgSQL function is compiled once per session and keeps its plans. Row by row inside a statement
-- it is no slower either (fold_text over 200,000 titles: 1.5 s against 1.9 s).
--
-- Behaviour is unchanged: same names, arguments, results, volatility, strictness, comments and
-- grants. match_breakdown holds the match score's weights (20261125230100_match_weights_in_one_place.sql):
-- their current text is the one below, so a change to the weights starts from here.

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

create or replace function private.skill_keys(raws text[])
returns text[]
language plpgsql
stable
strict
parallel safe
set search_path = ''
as $$
begin
  return (private.resolve_skills(skill_keys.raws)).keys;
end;
$$;

create or replace function private.match_breakdown(role_fit_sql text)
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return $sql$
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
  $sql$;
end;
$$;

create or replace function private.collapse_whitespace(vals text[])
returns text[]
language plpgsql
immutable
strict
parallel safe
set search_path = ''
as $$
begin
  return (
    select pg_catalog.array_agg(
      pg_catalog.regexp_replace(
        pg_catalog.regexp_replace(item.value,
          '^[\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$',
          '', 'g'),
        '[\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', ' ', 'g')
      order by item.position)
    from pg_catalog.unnest(collapse_whitespace.vals) with ordinality as item (value, position));
end;
$$;
