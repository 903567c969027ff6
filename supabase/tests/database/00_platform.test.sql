-- The platform Jobtrail runs on: what a fresh Supabase database provides and the migrations rely on.
-- These hold on real Supabase too; here they prove the shim is faithful.
begin;
\ir helpers.psql
select plan(14);

-- Roles PostgREST switches to.
select has_role('anon');
select has_role('authenticated');
select has_role('service_role');
select ok((select rolbypassrls from pg_roles where rolname = 'service_role'), 'service_role bypasses RLS');
select ok(not (select rolbypassrls from pg_roles where rolname = 'authenticated'), 'authenticated does not bypass RLS');

-- Supabase grants every new public table to the API roles: only RLS protects data.
create table public.shim_probe (id int);
select ok(
  has_table_privilege('anon', 'public.shim_probe', 'select, insert, update, delete, truncate, references, trigger'),
  'anon holds every default privilege on a new public table'
);
select ok(
  has_table_privilege('authenticated', 'public.shim_probe', 'select, insert, update, delete, truncate, references, trigger'),
  'authenticated holds every default privilege on a new public table'
);
drop table public.shim_probe;

-- JWT helpers read the request claims the way PostgREST sets them.
select tests.create_supabase_user('platform_user');
select tests.authenticate_as('platform_user');
select is(auth.uid(), tests.get_supabase_uid('platform_user'), 'auth.uid() reads sub from request.jwt.claims');
select is(auth.role(), 'authenticated', 'auth.role() reads role from request.jwt.claims');
select is(auth.jwt() ->> 'aud', 'authenticated', 'auth.jwt() returns the whole claims document');
select is(current_user::text, 'authenticated', 'authenticate_as switches to the authenticated role');
select tests.act_as_postgres();
select set_config('request.jwt.claim.sub', '00000000-0000-0000-0000-00000000beef', true);
select is(auth.uid(), '00000000-0000-0000-0000-00000000beef'::uuid, 'auth.uid() honours the legacy request.jwt.claim.sub');

-- Extensions live outside the exposed schema.
select is((select extnamespace::regnamespace::text from pg_extension where extname = 'pg_trgm'), 'extensions', 'pg_trgm is installed in the extensions schema');
select tests.rls_enabled('public');

select * from finish();
rollback;
