-- Jobtrail platform setup: extensions, the private schema for internals, default privileges,
-- and the helpers every table migration uses.

-- Section: extensions
-- Supabase keeps extensions out of the exposed schema; pgcrypto and uuid-ossp are already there.
create extension if not exists pg_trgm with schema extensions;
create extension if not exists unaccent with schema extensions;

-- Section: schemas
-- Internals that must never be reachable through PostgREST (it exposes `public` only).
create schema if not exists private;
revoke all on schema private from public, anon;
grant usage on schema private to authenticated, service_role;
comment on schema private is 'Jobtrail internals: trigger functions, validators and definer helpers. Not exposed by the API.';

-- Section: default privileges
-- Supabase grants execute on every new function to anon and authenticated. Jobtrail grants it
-- back per function, so an internal helper never becomes an API by accident.
alter default privileges for role postgres revoke execute on functions from public;
alter default privileges for role postgres in schema public revoke execute on functions from anon, authenticated;
alter default privileges for role postgres in schema private revoke execute on functions from anon, authenticated;

-- Section: shared trigger functions
create or replace function private.trigger_set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end;
$$;
comment on function private.trigger_set_updated_at() is 'Keeps updated_at current on every update; one function shared by all tables.';

-- Section: shared validators
-- Used by CHECK constraints, so they must be immutable and total (never raise on odd input).
create or replace function private.is_http_url(value text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select value is null or (pg_catalog.length(value) <= 2048 and value ~* '^https?://[^\s/?#]+[^\s]*$')
$$;
comment on function private.is_http_url(text) is 'True for null or an absolute http(s) URL of at most 2048 characters: no javascript:, data: or file: links.';

create or replace function private.is_clean_text_array(value text[], max_items integer, max_length integer)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select value is null or (
    pg_catalog.cardinality(value) <= max_items
    and not exists (
      select from pg_catalog.unnest(value) as item
      where item is null or item <> pg_catalog.btrim(item) or item = '' or pg_catalog.length(item) > max_length
    )
  )
$$;
comment on function private.is_clean_text_array(text[], integer, integer) is 'True when an array has at most max_items entries, each non-empty, trimmed and at most max_length characters.';

create or replace function private.is_partial_date(value text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  -- JSON Resume dates: YYYY, YYYY-MM or YYYY-MM-DD.
  select value ~ '^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$'
$$;
comment on function private.is_partial_date(text) is 'True for a JSON Resume date: YYYY, YYYY-MM or YYYY-MM-DD.';

create or replace function private.is_date_range_ordered(start_date text, end_date text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  -- Compares at the precision both dates share, so '2021' may end a range that started '2021-06'.
  select start_date is null or end_date is null
    or pg_catalog.left(end_date, least(pg_catalog.length(start_date), pg_catalog.length(end_date)))
       >= pg_catalog.left(start_date, least(pg_catalog.length(start_date), pg_catalog.length(end_date)))
$$;
comment on function private.is_date_range_ordered(text, text) is 'True unless a JSON Resume end date lies before its start date.';

-- Field checks for JSON documents (JSON Resume sections). A missing key or JSON null is allowed
-- unless required; a present value must have the right type and size.
create or replace function private.is_jsonb_text(value jsonb, max_length integer, required boolean default false)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when value is null or value = 'null'::jsonb then not required
    when pg_catalog.jsonb_typeof(value) <> 'string' then false
    else pg_catalog.length(value #>> '{}') <= max_length
      and (not required or pg_catalog.btrim(value #>> '{}') <> '')
  end
$$;
comment on function private.is_jsonb_text(jsonb, integer, boolean) is 'True when a JSON value is absent (unless required) or a string of at most max_length characters.';

create or replace function private.is_jsonb_date(value jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when value is null or value = 'null'::jsonb then true
    when pg_catalog.jsonb_typeof(value) <> 'string' then false
    else private.is_partial_date(value #>> '{}')
  end
$$;
comment on function private.is_jsonb_date(jsonb) is 'True when a JSON value is absent or a JSON Resume date string.';

create or replace function private.is_jsonb_url(value jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when value is null or value = 'null'::jsonb then true
    when pg_catalog.jsonb_typeof(value) <> 'string' then false
    else private.is_http_url(value #>> '{}')
  end
$$;
comment on function private.is_jsonb_url(jsonb) is 'True when a JSON value is absent or an http(s) URL string.';

create or replace function private.is_jsonb_text_list(value jsonb, max_items integer, max_length integer)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when value is null or value = 'null'::jsonb then true
    when pg_catalog.jsonb_typeof(value) <> 'array' then false
    when pg_catalog.jsonb_array_length(value) > max_items then false
    else not exists (
      select from pg_catalog.jsonb_array_elements(value) as item
      where pg_catalog.jsonb_typeof(item) <> 'string' or pg_catalog.length(item #>> '{}') > max_length
    )
  end
$$;
comment on function private.is_jsonb_text_list(jsonb, integer, integer) is 'True when a JSON value is absent or an array of at most max_items strings of at most max_length characters.';

-- CHECK constraints call these as the writing role, so the API roles need execute.
grant execute on function
  private.is_http_url(text),
  private.is_clean_text_array(text[], integer, integer),
  private.is_partial_date(text),
  private.is_date_range_ordered(text, text),
  private.is_jsonb_text(jsonb, integer, boolean),
  private.is_jsonb_date(jsonb),
  private.is_jsonb_url(jsonb),
  private.is_jsonb_text_list(jsonb, integer, integer)
to authenticated, service_role;
