-- Check: plpgsql_trigger_functions
-- Requires: plpgsql_check
-- What: errors plpgsql_check finds in a PL/pgSQL trigger function, checked against each table it
--   is attached to (its NEW/OLD row type and transition tables): a misspelt column of NEW, a
--   missing table, a type mismatch, a wrong number of parameters.
-- Why: `supabase db lint` runs plpgsql_check on every PL/pgSQL function except those returning
--   `trigger` (it has no table to check them against), and most of Jobtrail's PL/pgSQL is trigger
--   code: guards, version numbering, dictionary refreshes. PL/pgSQL is only parsed at `create`, so
--   such an error surfaces at the first write that fires the trigger, in production.
-- Fix: correct the statement at the reported line; the message and the query position say what
--   plpgsql_check could not resolve.
-- Allow-list: none; only `error` level is reported (warnings are printed by `supabase db lint`).
-- Each (function, table) pair is checked once, with every transition table any of its triggers on
-- that table declares: a function shared by an insert trigger (new table only) and a delete trigger
-- (old table only) branches on TG_OP, and static analysis reads both branches.
with attached as (
  select
    t.tgfoid,
    t.tgrelid,
    pg_catalog.string_agg(pg_catalog.quote_ident(t.tgname), ', ' order by t.tgname) as triggers,
    pg_catalog.max(t.tgoldtable) as oldtable,
    pg_catalog.max(t.tgnewtable) as newtable
  from pg_catalog.pg_trigger t
  join pg_catalog.pg_proc p on p.oid = t.tgfoid
  join pg_catalog.pg_language l on l.oid = p.prolang
  join pg_catalog.pg_class c on c.oid = t.tgrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where not t.tgisinternal
    and l.lanname = 'plpgsql'
    and n.nspname not in ('pg_catalog', 'information_schema', 'auth', 'storage', 'realtime', 'supabase_migrations', 'vault', 'pgsodium')
  group by t.tgfoid, t.tgrelid
)
select
  pg_catalog.format('%s on %s (%s), line %s', a.tgfoid::pg_catalog.regprocedure, a.tgrelid::pg_catalog.regclass, a.triggers, coalesce(r.lineno::text, '?')) as object,
  pg_catalog.concat_ws(': ', r.message, r.detail, case when r.query is not null then pg_catalog.format('in %s', r.query) end) as problem,
  coalesce(r.hint, pg_catalog.format('fix the %s statement at line %s of %s', coalesce(r.statement, 'failing'), coalesce(r.lineno::text, '?'), a.tgfoid::pg_catalog.regprocedure)) as fix,
  null::text as allowed
from attached a
cross join lateral plpgsql_check_function_tb(
  a.tgfoid, a.tgrelid,
  fatal_errors => false,
  oldtable => a.oldtable,
  newtable => a.newtable
) as r
where r.level = 'error'
order by 1;
