-- Check: policy_always_true
-- What: a permissive policy on a `public` table that applies to anon or authenticated (directly or
--   through PUBLIC) whose USING or WITH CHECK is always true: `true`, `1 = 1`, `not false`.
-- Why: such a policy hands every signed-in user (or everyone) the whole table. On a table of
--   personal rows that is a data leak, whatever the other policies say: permissive policies are
--   OR-ed. The advisors' rls_policy_always_true skips SELECT policies on purpose (public read
--   access is often intended), which is exactly the leak that matters most here.
-- Fix: restrict the policy to the caller's rows, e.g. using ((select auth.uid()) = user_id); or,
--   when the table really is shared reference data, add it to the allow-list below with the reason.
-- Allow-list: tables that are deliberately public reference data (same rows for every user, no
--   personal data, written only by migrations or the service role).
with allowed (object, reason) as (
  values
    ('public.application_status_transitions',
     'The state machine: the legal (from, to) status moves, identical for every user and read by clients to offer the next step. Written by migrations only.'),
    ('public.skills',
     'The canonical skill dictionary (PostgreSQL, Kubernetes, ...): public knowledge shared by everyone, written by the service role only.'),
    ('public.skill_aliases',
     'Alias -> canonical skill dictionary ("k8s" -> Kubernetes): public knowledge shared by everyone, written by the service role only.')
),
policies as (
  select
    pg_catalog.format('%I.%I', n.nspname, c.relname) as table_name,
    p.polname,
    case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE' else 'ALL' end as command,
    pg_catalog.regexp_replace(pg_catalog.lower(coalesce(pg_catalog.pg_get_expr(p.polqual, p.polrelid), '')), '[\s()]', '', 'g') as using_expression,
    pg_catalog.regexp_replace(pg_catalog.lower(coalesce(pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid), '')), '[\s()]', '', 'g') as check_expression,
    (
      select pg_catalog.string_agg(case when r = 0 then 'public' else r::pg_catalog.regrole::text end, ', ')
      from pg_catalog.unnest(p.polroles) as r
    ) as roles
  from pg_catalog.pg_policy p
  join pg_catalog.pg_class c on c.oid = p.polrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public'
    and p.polpermissive
    and exists (
      select from pg_catalog.unnest(p.polroles) as r
      where r = 0 or r::pg_catalog.regrole::text in ('anon', 'authenticated')
    )
)
select
  pg_catalog.format('policy "%s" on %s', p.polname, p.table_name) as object,
  pg_catalog.format(
    '%s policy for %s is always true (%s): every such caller gets every row of %s',
    p.command, p.roles,
    pg_catalog.concat_ws(' and ',
      case when p.using_expression in ('true', '1=1', 'notfalse') then 'USING' end,
      case when p.check_expression in ('true', '1=1', 'notfalse') then 'WITH CHECK' end),
    p.table_name
  ) as problem,
  pg_catalog.format(
    'scope it to the caller: alter policy "%s" on %s using ((select auth.uid()) = user_id); or, for shared reference data, allow-list %s in scripts/sql/lint/policy_always_true.sql with the reason',
    p.polname, p.table_name, p.table_name
  ) as fix,
  a.reason as allowed
from policies p
left join allowed a on a.object = p.table_name
where p.using_expression in ('true', '1=1', 'notfalse')
   or p.check_expression in ('true', '1=1', 'notfalse')
order by 1;
