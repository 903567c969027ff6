-- Deleting an auth user (account deletion, GDPR erasure) removes every row of theirs in every table,
-- and nothing of anyone else's.
begin;
\ir helpers.psql
select plan(25);

-- == setup (as postgres): a full set of rows for alice and for bob ==
select tests.create_supabase_user('alice');
select tests.create_supabase_user('bob');
-- Captured now: once alice is deleted, tests.get_supabase_uid('alice') returns null.
select tests.get_supabase_uid('alice') as alice_id, tests.get_supabase_uid('bob') as bob_id \gset

insert into public.jobs (id, owner_id, title, company) values
  ('c0000008-0000-4000-8000-000000000001', null, 'Shared posting', 'Shared Corp'),
  ('a0000008-0000-4000-8000-000000000001', :'alice_id', 'Alice''s private posting', 'Alice Co'),
  ('b0000008-0000-4000-8000-000000000001', :'bob_id', 'Bob''s private posting', 'Bob Co');

insert into public.projects (id, user_id, name) values
  ('a0000008-0000-4000-8000-000000000007', :'alice_id', 'Alice''s project'),
  ('b0000008-0000-4000-8000-000000000007', :'bob_id', 'Bob''s project');

insert into public.cv_templates (id, owner_id, name, body) values
  ('c0000008-0000-4000-8000-000000000002', null, 'JT test system template', '# {{basics.name}}'),
  ('a0000008-0000-4000-8000-000000000002', :'alice_id', 'Alice''s template', '# A'),
  ('b0000008-0000-4000-8000-000000000002', :'bob_id', 'Bob''s template', '# B');

insert into public.generated_cvs (id, user_id, job_id, template_id, content) values
  ('a0000008-0000-4000-8000-000000000003', :'alice_id', 'c0000008-0000-4000-8000-000000000001', 'a0000008-0000-4000-8000-000000000002', '{}'),
  ('a0000008-0000-4000-8000-000000000013', :'alice_id', 'a0000008-0000-4000-8000-000000000001', 'c0000008-0000-4000-8000-000000000002', '{}'),
  ('b0000008-0000-4000-8000-000000000003', :'bob_id', 'c0000008-0000-4000-8000-000000000001', 'b0000008-0000-4000-8000-000000000002', '{}');

insert into public.cover_letters (id, user_id, job_id, body) values
  ('a0000008-0000-4000-8000-000000000004', :'alice_id', 'c0000008-0000-4000-8000-000000000001', 'Dear Shared Corp (A)'),
  ('a0000008-0000-4000-8000-000000000014', :'alice_id', 'a0000008-0000-4000-8000-000000000001', 'Dear Alice Co'),
  ('b0000008-0000-4000-8000-000000000004', :'bob_id', 'c0000008-0000-4000-8000-000000000001', 'Dear Shared Corp (B)');

insert into public.applications (id, user_id, job_id, cv_id, cover_letter_id) values
  ('a0000008-0000-4000-8000-000000000005', :'alice_id', 'c0000008-0000-4000-8000-000000000001',
   'a0000008-0000-4000-8000-000000000003', 'a0000008-0000-4000-8000-000000000004'),
  ('a0000008-0000-4000-8000-000000000015', :'alice_id', 'a0000008-0000-4000-8000-000000000001',
   'a0000008-0000-4000-8000-000000000013', 'a0000008-0000-4000-8000-000000000014'),
  ('b0000008-0000-4000-8000-000000000005', :'bob_id', 'c0000008-0000-4000-8000-000000000001',
   'b0000008-0000-4000-8000-000000000003', 'b0000008-0000-4000-8000-000000000004');

insert into public.application_events (application_id, user_id, kind, note) values
  ('a0000008-0000-4000-8000-000000000005', :'alice_id', 'note', 'A1'),
  ('a0000008-0000-4000-8000-000000000015', :'alice_id', 'note', 'A2'),
  ('b0000008-0000-4000-8000-000000000005', :'bob_id', 'note', 'B1');

insert into public.user_job_preferences (user_id, job_id, is_favorite) values
  (:'alice_id', 'c0000008-0000-4000-8000-000000000001', true),
  (:'alice_id', 'a0000008-0000-4000-8000-000000000001', true),
  (:'bob_id', 'c0000008-0000-4000-8000-000000000001', true);

-- Every table of public that references auth.users, with the number of rows pointing at the user.
create function pg_temp.rows_referencing_user(target uuid)
returns table (table_name text, row_count integer)
language sql
as $$
  select format('%s.%s', t.relname, a.attname),
         (xpath('/row/n/text()', query_to_xml(
           format('select count(*) as n from %s where %I = %L', c.conrelid::regclass, a.attname, target), false, true, '')))[1]::text::integer
    from pg_catalog.pg_constraint c
    join pg_catalog.pg_class t on t.oid = c.conrelid
    join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
   where c.contype = 'f' and c.confrelid = 'auth.users'::regclass and c.connamespace = 'public'::regnamespace
$$;

-- The test is only worth something if alice really owns rows everywhere before she goes.
select is(
  (select array_agg(table_name || '=' || row_count order by table_name)
     from pg_temp.rows_referencing_user(:'alice_id') where row_count > 0),
  array[
    'application_events.user_id=2', 'applications.user_id=2', 'cover_letters.user_id=2', 'cv_templates.owner_id=1',
    'generated_cvs.user_id=2', 'jobs.owner_id=1', 'profiles.id=1', 'projects.user_id=1', 'user_job_preferences.user_id=2'
  ],
  'before the deletion, alice has rows in every table'
);
select results_eq(
  format('select table_name, row_count from pg_temp.rows_referencing_user(%L) where row_count > 0 order by table_name', :'bob_id'),
  $$ values ('application_events.user_id', 1), ('applications.user_id', 1), ('cover_letters.user_id', 1), ('cv_templates.owner_id', 1),
            ('generated_cvs.user_id', 1), ('jobs.owner_id', 1), ('profiles.id', 1), ('projects.user_id', 1), ('user_job_preferences.user_id', 1) $$,
  'before the deletion, bob has rows in every table'
);

-- == delete alice ==
delete from auth.users where id = :'alice_id';

select is(tests.get_supabase_uid('alice'), null, 'alice is gone from auth.users');

-- == nothing of alice's is left ==
select is((select count(*)::int from public.profiles where id = :'alice_id'), 0, 'her profile is deleted');
select is(
  (select count(*)::int from public.projects where user_id = :'alice_id' or id = 'a0000008-0000-4000-8000-000000000007'),
  0,
  'her projects are deleted'
);
select is(
  (select count(*)::int from public.jobs where owner_id = :'alice_id' or id = 'a0000008-0000-4000-8000-000000000001'),
  0,
  'her private postings are deleted, not left behind as shared ones'
);
select is(
  (select count(*)::int from public.cv_templates where owner_id = :'alice_id' or id = 'a0000008-0000-4000-8000-000000000002'),
  0,
  'her templates are deleted, not left behind as system ones'
);
select is((select count(*)::int from public.generated_cvs where user_id = :'alice_id'), 0, 'her CVs are deleted');
select is((select count(*)::int from public.cover_letters where user_id = :'alice_id'), 0, 'her cover letters are deleted');
select is((select count(*)::int from public.applications where user_id = :'alice_id'), 0, 'her applications are deleted');
select is((select count(*)::int from public.application_events where user_id = :'alice_id'), 0, 'her timeline is deleted');
select is((select count(*)::int from public.user_job_preferences where user_id = :'alice_id'), 0, 'her preferences are deleted');
select is(
  (select count(*)::int from public.user_job_preferences where job_id = 'a0000008-0000-4000-8000-000000000001'),
  0,
  'no preference points at her deleted posting'
);
select is(
  (select array_agg(id order by id) from (
     select id from public.generated_cvs union all select id from public.cover_letters
     union all select id from public.applications union all select application_id from public.application_events
   ) as rows_left
   where id in ('a0000008-0000-4000-8000-000000000003', 'a0000008-0000-4000-8000-000000000013', 'a0000008-0000-4000-8000-000000000004',
                'a0000008-0000-4000-8000-000000000014', 'a0000008-0000-4000-8000-000000000005', 'a0000008-0000-4000-8000-000000000015')),
  null,
  'none of her documents, applications or events survives under any owner'
);
-- Catches tables added later too: anything referencing auth.users must go with the user.
select is(
  (select array_agg(table_name order by table_name) from pg_temp.rows_referencing_user(:'alice_id') where row_count > 0),
  null,
  'no row anywhere in public references the deleted user'
);

-- == everything of bob's and the shared data are intact ==
select results_eq(
  format('select table_name, row_count from pg_temp.rows_referencing_user(%L) where row_count > 0 order by table_name', :'bob_id'),
  $$ values ('application_events.user_id', 1), ('applications.user_id', 1), ('cover_letters.user_id', 1), ('cv_templates.owner_id', 1),
            ('generated_cvs.user_id', 1), ('jobs.owner_id', 1), ('profiles.id', 1), ('projects.user_id', 1), ('user_job_preferences.user_id', 1) $$,
  'bob still has every one of his rows'
);
select is((select count(*)::int from public.profiles where id = :'bob_id'), 1, 'bob''s profile is intact');
select is((select name from public.projects where user_id = :'bob_id'), 'Bob''s project', 'bob''s project is intact');
select is(
  (select title from public.jobs where id = 'b0000008-0000-4000-8000-000000000001'),
  'Bob''s private posting',
  'bob''s private posting is intact'
);
select is(
  (select array_agg(id order by id) from public.jobs where id in ('c0000008-0000-4000-8000-000000000001')),
  array['c0000008-0000-4000-8000-000000000001'::uuid],
  'the shared posting alice applied to is intact'
);
select is(
  (select count(*)::int from public.cv_templates where id = 'c0000008-0000-4000-8000-000000000002' and owner_id is null),
  1,
  'the system template alice used is intact'
);
select is(
  (select template_id from public.generated_cvs where id = 'b0000008-0000-4000-8000-000000000003'),
  'b0000008-0000-4000-8000-000000000002'::uuid,
  'bob''s CV still points at his template'
);
select is(
  (select (cv_id, cover_letter_id)::text from public.applications where id = 'b0000008-0000-4000-8000-000000000005'),
  '(b0000008-0000-4000-8000-000000000003,b0000008-0000-4000-8000-000000000004)',
  'bob''s application still has his CV and letter'
);
select is(
  (select note from public.application_events where user_id = :'bob_id'),
  'B1',
  'bob''s timeline is intact'
);
select is(
  (select is_favorite from public.user_job_preferences where user_id = :'bob_id' and job_id = 'c0000008-0000-4000-8000-000000000001'),
  true,
  'bob''s preference is intact'
);

select * from finish();
rollback;
