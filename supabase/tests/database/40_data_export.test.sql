-- export_my_data(): everything the caller owns, as one JSON document, and nothing of anyone else's.
begin;
\ir helpers.psql
select plan(30);

-- == setup (as postgres): a full set of rows for alice and for bob ==
select tests.create_supabase_user('export_alice');
select tests.create_supabase_user('export_bob');
select tests.get_supabase_uid('export_alice') as alice_id, tests.get_supabase_uid('export_bob') as bob_id \gset

update public.profiles set
  full_name = 'Alice Export', headline = 'Platform Engineer', location = 'Berlin, Germany',
  linkedin_url = 'https://www.linkedin.com/in/alice-export/', github_url = 'https://github.com/alice-export',
  skills = '{Go,PostgreSQL}',
  work_experience = '[{"name": "Acme", "position": "Engineer", "startDate": "2020-01"}]',
  education = '[{"institution": "TU Berlin", "area": "Computer Science"}]'
where id = :'alice_id';
update public.profiles set full_name = 'Bob Stranger', skills = '{Cobol}' where id = :'bob_id';

insert into public.jobs (id, owner_id, title, company) values
  ('c0000020-0000-4000-8000-000000000001', null, 'Shared posting', 'Shared Corp'),
  ('a0000020-0000-4000-8000-000000000001', :'alice_id', 'Alice''s private posting', 'Alice Co'),
  ('b0000020-0000-4000-8000-000000000001', :'bob_id', 'Bob''s private posting', 'Bob Co');

insert into public.projects (id, user_id, name, role, technologies, achievements) values
  ('a0000020-0000-4000-8000-000000000002', :'alice_id', 'Alice''s project', 'Lead', '{Go}', '{Cut p95 by 40%}'),
  ('b0000020-0000-4000-8000-000000000002', :'bob_id', 'Bob''s project', null, '{}', '{}');

insert into public.cv_templates (id, owner_id, name, body) values
  ('c0000020-0000-4000-8000-000000000003', null, 'JT export system template', '# {{basics.name}}'),
  ('a0000020-0000-4000-8000-000000000003', :'alice_id', 'Alice''s template', '# A'),
  ('b0000020-0000-4000-8000-000000000003', :'bob_id', 'Bob''s template', '# B');

insert into public.generated_cvs (id, user_id, job_id, template_id, content) values
  ('a0000020-0000-4000-8000-000000000004', :'alice_id', 'c0000020-0000-4000-8000-000000000001', 'a0000020-0000-4000-8000-000000000003', '{"basics": {"name": "Alice Export"}}'),
  ('b0000020-0000-4000-8000-000000000004', :'bob_id', 'c0000020-0000-4000-8000-000000000001', 'b0000020-0000-4000-8000-000000000003', '{"basics": {"name": "Bob Stranger"}}');

insert into public.cover_letters (id, user_id, job_id, body) values
  ('a0000020-0000-4000-8000-000000000005', :'alice_id', 'c0000020-0000-4000-8000-000000000001', 'Dear Shared Corp, Alice here'),
  ('b0000020-0000-4000-8000-000000000005', :'bob_id', 'c0000020-0000-4000-8000-000000000001', 'Dear Shared Corp, Bob here');

insert into public.applications (id, user_id, job_id, cv_id, cover_letter_id) values
  ('a0000020-0000-4000-8000-000000000006', :'alice_id', 'c0000020-0000-4000-8000-000000000001',
   'a0000020-0000-4000-8000-000000000004', 'a0000020-0000-4000-8000-000000000005'),
  ('a0000020-0000-4000-8000-000000000016', :'alice_id', 'a0000020-0000-4000-8000-000000000001', null, null),
  ('b0000020-0000-4000-8000-000000000006', :'bob_id', 'c0000020-0000-4000-8000-000000000001',
   'b0000020-0000-4000-8000-000000000004', 'b0000020-0000-4000-8000-000000000005');

insert into public.application_events (id, application_id, user_id, kind, note, occurred_at) values
  ('a0000020-0000-4000-8000-000000000007', 'a0000020-0000-4000-8000-000000000006', :'alice_id', 'note', 'Alice note 1', now() - interval '2 days'),
  ('a0000020-0000-4000-8000-000000000017', 'a0000020-0000-4000-8000-000000000006', :'alice_id', 'note', 'Alice note 2', now() - interval '1 day'),
  ('b0000020-0000-4000-8000-000000000007', 'b0000020-0000-4000-8000-000000000006', :'bob_id', 'note', 'Bob note', now());

insert into public.user_job_preferences (user_id, job_id, is_favorite, notes) values
  (:'alice_id', 'c0000020-0000-4000-8000-000000000001', true, 'Alice likes it'),
  (:'bob_id', 'c0000020-0000-4000-8000-000000000001', false, 'Bob does not');

insert into public.calendar_feeds (user_id, token_hash) values
  (:'alice_id', repeat('a', 64)),
  (:'bob_id', repeat('b', 64));

-- Every id of a row of bob's, and his user id: none may appear anywhere in alice's export.
create temporary table bob_ids on commit drop as
select :'bob_id'::text as id
union all select id::text from public.jobs where owner_id = :'bob_id'
union all select id::text from public.projects where user_id = :'bob_id'
union all select id::text from public.cv_templates where owner_id = :'bob_id'
union all select id::text from public.generated_cvs where user_id = :'bob_id'
union all select id::text from public.cover_letters where user_id = :'bob_id'
union all select id::text from public.applications where user_id = :'bob_id'
union all select id::text from public.application_events where user_id = :'bob_id';
grant select on bob_ids to authenticated;

-- == privileges ==
select ok(has_function_privilege('authenticated', 'public.export_my_data()', 'execute'), 'authenticated may call export_my_data');
select ok(not has_function_privilege('anon', 'public.export_my_data()', 'execute'), 'anon may not call export_my_data');
select ok(not has_function_privilege('service_role', 'public.export_my_data()', 'execute'), 'the service role may not call export_my_data: it has no caller to export');
select is((select prosecdef from pg_proc where oid = 'public.export_my_data()'::regprocedure), false, 'export_my_data is security invoker');

-- == as alice ==
select tests.authenticate_as('export_alice');
create temporary table export on commit drop as select public.export_my_data() as doc;

select is((select doc ->> 'user_id' from export), :'alice_id', 'the export names its user');
select is((select doc -> 'profile' ->> 'full_name' from export), 'Alice Export', 'the profile is alice''s');
select is((select doc -> 'json_resume' -> 'basics' ->> 'name' from export), 'Alice Export', 'json_resume.basics.name comes from the profile');
select is((select doc -> 'json_resume' -> 'basics' -> 'location' ->> 'city' from export), 'Berlin, Germany', 'json_resume.basics.location.city is the profile location');
select is(
  (select doc -> 'json_resume' -> 'basics' -> 'profiles' from export),
  '[{"url": "https://www.linkedin.com/in/alice-export/", "network": "LinkedIn", "username": "alice-export"},
    {"url": "https://github.com/alice-export", "network": "GitHub", "username": "alice-export"}]'::jsonb,
  'json_resume.basics.profiles lists LinkedIn and GitHub with usernames'
);
select is((select doc -> 'json_resume' -> 'work' -> 0 ->> 'name' from export), 'Acme', 'json_resume.work is the work history');
select is((select doc -> 'json_resume' -> 'education' -> 0 ->> 'institution' from export), 'TU Berlin', 'json_resume.education is the education');
select is((select doc -> 'json_resume' -> 'skills' from export), '[{"name": "Go"}, {"name": "PostgreSQL"}]'::jsonb, 'json_resume.skills lists the skills in order');
select is(
  (select doc -> 'json_resume' -> 'projects' -> 0 from export),
  '{"name": "Alice''s project", "roles": ["Lead"], "keywords": ["Go"], "highlights": ["Cut p95 by 40%"]}'::jsonb,
  'json_resume.projects renders projects as JSON Resume entries'
);
select is(
  (select array_agg(p ->> 'id') from export, jsonb_array_elements(doc -> 'projects') p),
  array['a0000020-0000-4000-8000-000000000002'], 'projects: alice''s only'
);
select ok((select not (doc -> 'projects' -> 0 ? 'search_vector') from export), 'derived search vectors are left out');
select is(
  (select array_agg(j ->> 'id') from export, jsonb_array_elements(doc -> 'jobs') j),
  array['a0000020-0000-4000-8000-000000000001'], 'jobs: alice''s private posting only, not the shared board'
);
select is(
  (select array_agg(a ->> 'id' order by a ->> 'id') from export, jsonb_array_elements(doc -> 'applications') a),
  array['a0000020-0000-4000-8000-000000000006', 'a0000020-0000-4000-8000-000000000016'], 'applications: alice''s two'
);
select is(
  (select array_agg(e ->> 'note') from export, jsonb_array_elements(doc -> 'applications') a, jsonb_array_elements(a -> 'timeline') e
    where a ->> 'id' = 'a0000020-0000-4000-8000-000000000006'),
  array['Alice note 1', 'Alice note 2'], 'each application carries its timeline, oldest first'
);
select is(
  (select a -> 'job' ->> 'title' from export, jsonb_array_elements(doc -> 'applications') a
    where a ->> 'id' = 'a0000020-0000-4000-8000-000000000006'),
  'Shared posting', 'each application names its posting'
);
select is(
  (select array_agg(c ->> 'id') from export, jsonb_array_elements(doc -> 'generated_cvs') c),
  array['a0000020-0000-4000-8000-000000000004'], 'generated CVs: alice''s only'
);
select is(
  (select array_agg(l ->> 'body') from export, jsonb_array_elements(doc -> 'cover_letters') l),
  array['Dear Shared Corp, Alice here'], 'cover letters: alice''s only'
);
select is(
  (select array_agg(t ->> 'id') from export, jsonb_array_elements(doc -> 'cv_templates') t),
  array['a0000020-0000-4000-8000-000000000003'], 'templates: alice''s own, not the system templates'
);
select is(
  (select array_agg(p ->> 'notes') from export, jsonb_array_elements(doc -> 'user_job_preferences') p),
  array['Alice likes it'], 'job preferences: alice''s only'
);
select is((select doc -> 'calendar_feed' ->> 'enabled' from export), 'true', 'the calendar feed status is exported');
select ok((select position(repeat('a', 64) in doc::text) = 0 from export), 'the calendar feed token hash is never exported');
select is(
  (select array_agg(b.id) from bob_ids b, export where position(b.id in export.doc::text) > 0),
  null, 'no id of any of bob''s rows (nor his user id) appears in alice''s export'
);
select ok((select position('Bob' in doc::text) = 0 from export), 'none of bob''s text appears in alice''s export');

-- == completeness: every table that references auth.users is covered by the export ==
select tests.act_as_postgres();
select is(
  (select array_agg(distinct t.relname order by t.relname)
     from pg_constraint c
     join pg_class t on t.oid = c.conrelid
    where c.contype = 'f' and c.confrelid = 'auth.users'::regclass
      and c.connamespace = 'public'::regnamespace
      and t.relname not in (
        -- tables whose rows are exported under another key
        'profiles',           -- profile (and json_resume)
        'calendar_feeds',     -- calendar_feed (status only)
        'application_events'  -- applications[].timeline
      )
      and not (select doc from export) ? t.relname::text),
  null,
  'every public table referencing auth.users has its key in export_my_data() (add new ones there)'
);

-- == without a user ==
select tests.clear_authentication();
select throws_ok('select public.export_my_data()', '42501', null, 'anon cannot export');
select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '{"role": "authenticated"}', true);
select throws_ok('select public.export_my_data()', '42501', 'sign in to export your data', 'a token without a subject exports nothing');

select * from finish();
rollback;
