-- Check: rls_without_policy
-- What: a table in `public` with row-level security on and no policy at all, or with a command
--   (select, insert, update, delete) granted to anon or authenticated that no permissive policy for
--   that role covers.
-- Why: with RLS on and no matching policy, PostgREST answers every read with [] and every write with
--   42501: the feature looks broken rather than insecure, so nobody notices until a user does. A
--   grant that no policy can ever use is also dead privilege the style guide says to revoke.
--   The advisors only report the first case, at INFO level, for plain (not partitioned) tables, and
--   never the second.
-- Fix: add one policy per command `to authenticated` using `(select auth.uid())`, or revoke the
--   grant, or move a table no client should touch out of `public` (the `private` schema).
-- Allow-list: none; a table that really must stay closed to clients has no grants, so it is
--   reported only when it has no policy at all, and then belongs in `private`.
with tables as (
  select c.oid, pg_catalog.format('%I.%I', n.nspname, c.relname) as object
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public'
    and c.relkind in ('r', 'p')
    and c.relrowsecurity
    and not exists (
      select from pg_catalog.pg_depend d
      where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e'
    )
),
commands (command, policy_command) as (
  values ('SELECT', 'r'), ('INSERT', 'a'), ('UPDATE', 'w'), ('DELETE', 'd')
),
api_roles (role_name) as (
  values ('anon'), ('authenticated')
)
select
  t.object,
  'row-level security is enabled but the table has no policy: clients read nothing and write nothing' as problem,
  pg_catalog.format(
    'add policies per command, e.g. create policy "Users can view their own rows" on %s for select to authenticated using ((select auth.uid()) = user_id); or move the table to the private schema',
    t.object
  ) as fix,
  null::text as allowed
from tables t
where not exists (select from pg_catalog.pg_policy p where p.polrelid = t.oid)
union all
select
  t.object,
  pg_catalog.format('%s is granted %s but no permissive policy for %s covers %s, so the grant can never be used', r.role_name, c.command, r.role_name, c.command),
  pg_catalog.format(
    'add create policy "..." on %1$s for %2$s to %3$s ...; or revoke %2$s on %1$s from %3$s',
    t.object, pg_catalog.lower(c.command), r.role_name
  ),
  null::text
from tables t
cross join commands c
cross join api_roles r
where exists (select from pg_catalog.pg_policy p where p.polrelid = t.oid)
  and case c.command
    when 'DELETE' then pg_catalog.has_table_privilege(r.role_name, t.oid, 'DELETE')
    else pg_catalog.has_any_column_privilege(r.role_name, t.oid, c.command)
  end
  and not exists (
    select from pg_catalog.pg_policy p
    where p.polrelid = t.oid
      and p.polpermissive
      and p.polcmd in (c.policy_command, '*')
      and (
        0::pg_catalog.oid = any (p.polroles)
        or (select ro.oid from pg_catalog.pg_roles ro where ro.rolname = r.role_name) = any (p.polroles)
      )
  )
order by 1, 2;
