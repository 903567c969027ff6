-- Check: missing_comment
-- What: a table (plain, partitioned or foreign), view or materialized view in `public`, or a
--   function in `public`, without `comment on`.
-- Why: `public` is the API. PostgREST publishes these comments as the OpenAPI descriptions that the
--   web app's developers read, `supabase gen types` and Studio show them, and a reviewer needs the
--   one-line "what and why" to judge a policy or a grant. The advisors do not look at comments.
--   Functions are included because each one in `public` is an RPC endpoint.
-- Fix: comment on table public.<name> is '<what one row is, who writes it>'; (view, function: the
--   same with `comment on view` / `comment on function`).
-- Allow-list: none.
select
  pg_catalog.format('%I.%I', n.nspname, c.relname) as object,
  pg_catalog.format('%s without a comment', case c.relkind
    when 'r' then 'table' when 'p' then 'partitioned table' when 'f' then 'foreign table'
    when 'v' then 'view' when 'm' then 'materialized view' end) as problem,
  pg_catalog.format('comment on %s %I.%I is ''...'';', case c.relkind
    when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end,
    n.nspname, c.relname) as fix,
  null::text as allowed
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where n.nspname = 'public'
  and c.relkind in ('r', 'p', 'f', 'v', 'm')
  and pg_catalog.obj_description(c.oid, 'pg_class') is null
  and not exists (
    select from pg_catalog.pg_depend d
    where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e'
  )
union all
select
  pg_catalog.format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)),
  'function (an RPC endpoint) without a comment',
  pg_catalog.format('comment on function %I.%I(%s) is ''...'';', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)),
  null::text
from pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
where n.nspname = 'public'
  and pg_catalog.obj_description(p.oid, 'pg_proc') is null
  and not exists (
    select from pg_catalog.pg_depend d
    where d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass and d.objid = p.oid and d.deptype = 'e'
  )
order by 1;
