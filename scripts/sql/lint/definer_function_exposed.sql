-- Check: definer_function_exposed
-- What: a `security definer` function, in any schema of the project, that anon or authenticated may
--   execute (granted directly or through PUBLIC, in a schema the role may use) and that is not in
--   the allow-list of intended entry points.
-- Why: a definer function runs with its owner's rights and bypasses RLS; executable by an API role it
--   is a door around every policy, reachable through PostgREST when it sits in `public` and from
--   any SQL the role runs (invoker functions, views) when it sits elsewhere. Each one must be meant,
--   must check the caller itself, and must say so here. This CLI's advisors have no lint for it
--   (splinter's 0028/0029 are newer) and would look at `public` only.
--   Trigger functions are left out: PostgreSQL refuses to call them except as triggers.
-- Fix: make the function `security invoker`; or `revoke execute on function ... from anon,
--   authenticated` and call it from a server-side job; or, when it is a deliberate entry point that
--   checks `(select auth.uid())` itself, add it to the allow-list below with the reason.
-- Allow-list: by schema-qualified name (every overload of an allow-listed name is covered).
--   The private definer helpers outside the check's scope, for the record (2026-11-25):
--   * trigger functions, definer so a rule holds whoever writes the row or sees every row it must
--     count: handle_new_user (creates the profile from GoTrue's insert), trigger_ensure_job_visible,
--     trigger_ensure_template_visible, trigger_assign_document_version,
--     trigger_enforce_generation_quota, trigger_register_canonical_alias,
--     trigger_refresh_job_skill_keys; none is executable by an API role;
--   * delete_user: deletes an auth user; executable by service_role only (the delete-account
--     function), never by anon or authenticated.
with allowed (object, reason) as (
  values
    ('private.issue_calendar_token',
     'Issues a calendar feed token from server randomness (a client must not choose its own); refuses any user id but (select auth.uid()). Reached through public.rotate_calendar_token().'),
    ('private.append_application_event',
     'The only writer of the append-only timeline, which users cannot insert into; re-checks that the application is the caller''s (or that the caller is the service role). Reached through transition_application, add_application_note, schedule_interview and record_follow_up.'),
    ('private.apply_status_change',
     'Writes an application''s status and its side columns, which users cannot update; re-checks ownership, and the guard trigger still refuses illegal moves. Reached through transition_application.')
)
select
  pg_catalog.format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)) as object,
  pg_catalog.format(
    'security definer function executable by %s: it runs as %s and bypasses row-level security',
    pg_catalog.array_to_string(exposed.roles, ' and '), p.proowner::pg_catalog.regrole
  ) as problem,
  pg_catalog.format(
    'make it security invoker, or revoke execute on function %1$s.%2$I from %3$s; if it is a deliberate entry point that checks (select auth.uid()) itself, allow-list %1$s.%2$s in scripts/sql/lint/definer_function_exposed.sql with the reason',
    pg_catalog.quote_ident(n.nspname), p.proname, pg_catalog.array_to_string(exposed.roles, ', ')
  ) as fix,
  a.reason as allowed
from pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
-- Executable means both: execute on the function and usage on its schema.
cross join lateral (
  select pg_catalog.array_agg(r.role_name order by r.role_name) as roles
  from (values ('anon'), ('authenticated')) as r (role_name)
  where pg_catalog.has_function_privilege(r.role_name, p.oid, 'EXECUTE')
    and pg_catalog.has_schema_privilege(r.role_name, n.oid, 'USAGE')
) as exposed
left join allowed a on a.object = pg_catalog.format('%s.%s', n.nspname, p.proname)
where p.prosecdef
  and exposed.roles is not null
  and p.prorettype not in ('pg_catalog.trigger'::pg_catalog.regtype, 'pg_catalog.event_trigger'::pg_catalog.regtype)
  and n.nspname not in (
    'pg_catalog', 'information_schema', 'pg_toast', 'auth', 'extensions', 'storage', 'realtime', 'graphql',
    'graphql_public', 'vault', 'pgsodium', 'pgsodium_masks', 'net', 'cron', 'pgbouncer', 'pgmq', 'pgtle',
    'supabase_functions', 'supabase_migrations', '_realtime', '_analytics', '_supavisor'
  )
  and n.nspname not like 'pg\_temp\_%'
  and n.nspname not like 'pg\_toast\_temp\_%'
  and not exists (
    select from pg_catalog.pg_depend d
    where d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass and d.objid = p.oid and d.deptype = 'e'
  )
order by 1;
