-- Documents: CV templates (system and own), generated CV versions and cover letters.
-- Templates: system ones are read-only to every user; own ones are full CRUD.
-- Generated documents: read, add a version, delete; never edited; numbered 1, 2, 3... per (user, job)
-- by the database; never pointing at another user's posting or template.
begin;
\ir helpers.psql
select plan(84);

-- == setup (as postgres) ==
select tests.create_supabase_user('alice');
select tests.create_supabase_user('bob');

insert into public.jobs (id, owner_id, title, company) values
  ('c0000005-0000-4000-8000-000000000001', null, 'Shared posting', 'Shared Corp'),
  ('a0000005-0000-4000-8000-000000000001', tests.get_supabase_uid('alice'), 'Alice''s private posting', 'Alice Co'),
  ('b0000005-0000-4000-8000-000000000001', tests.get_supabase_uid('bob'), 'Bob''s private posting', 'Bob Co');

insert into public.cv_templates (id, owner_id, name, body) values
  ('c0000005-0000-4000-8000-000000000002', null, 'JT test system template', '# {{basics.name}}'),
  ('a0000005-0000-4000-8000-000000000002', tests.get_supabase_uid('alice'), 'Alice''s template', '# {{basics.name}} (A)'),
  ('b0000005-0000-4000-8000-000000000002', tests.get_supabase_uid('bob'), 'Bob''s template', '# {{basics.name}} (B)');

insert into public.generated_cvs (id, user_id, job_id, content) values
  ('a0000005-0000-4000-8000-000000000003', tests.get_supabase_uid('alice'), 'c0000005-0000-4000-8000-000000000001', '{"basics": {"name": "Alice"}}'),
  ('b0000005-0000-4000-8000-000000000003', tests.get_supabase_uid('bob'), 'c0000005-0000-4000-8000-000000000001', '{"basics": {"name": "Bob"}}');

insert into public.cover_letters (id, user_id, job_id, body) values
  ('a0000005-0000-4000-8000-000000000004', tests.get_supabase_uid('alice'), 'c0000005-0000-4000-8000-000000000001', 'Dear Shared Corp, (Alice)'),
  ('b0000005-0000-4000-8000-000000000004', tests.get_supabase_uid('bob'), 'c0000005-0000-4000-8000-000000000001', 'Dear Shared Corp, (Bob)');

select results_eq(
  $$ select version from public.generated_cvs
      where id in ('a0000005-0000-4000-8000-000000000003', 'b0000005-0000-4000-8000-000000000003') order by id $$,
  $$ values (1), (1) $$,
  'each (user, job) series starts at version 1'
);

-- ===================== cv_templates =====================

-- == as alice (owner) ==
select tests.authenticate_as('alice');

select results_eq(
  $$ select id from public.cv_templates
      where id in ('c0000005-0000-4000-8000-000000000002', 'a0000005-0000-4000-8000-000000000002', 'b0000005-0000-4000-8000-000000000002')
      order by id $$,
  $$ values ('a0000005-0000-4000-8000-000000000002'::uuid), ('c0000005-0000-4000-8000-000000000002'::uuid) $$,
  'alice sees the system template and her own, not bob''s'
);
select is_empty(
  $$ select 1 from public.cv_templates where owner_id <> tests.get_supabase_uid('alice') $$,
  'alice sees no other user''s template at all'
);
select results_eq(
  $$ insert into public.cv_templates (name, format, body, is_default) values ('Alice HTML', 'html', '<h1>{{basics.name}}</h1>', true)
     returning owner_id, name, format, is_default $$,
  $$ values (tests.get_supabase_uid('alice'), 'Alice HTML', 'html'::public.template_format, true) $$,
  'alice can add a template; owner_id defaults to her'
);
select throws_ok(
  $$ insert into public.cv_templates (name, body, is_default) values ('Second default', 'x', true) $$,
  '23505', null,
  'alice cannot have two default templates'
);
select throws_ok(
  $$ insert into public.cv_templates (owner_id, name, body) values (null, 'Fake system template', 'x') $$,
  '42501', null,
  'alice cannot add a system template'
);
select throws_ok(
  $$ insert into public.cv_templates (owner_id, name, body) values (tests.get_supabase_uid('bob'), 'Planted', 'x') $$,
  '42501', null,
  'alice cannot add a template owned by bob'
);
select results_eq(
  $$ update public.cv_templates set description = 'My favourite' where id = 'a0000005-0000-4000-8000-000000000002' returning description $$,
  $$ values ('My favourite') $$,
  'alice can update her template'
);
select throws_ok(
  $$ update public.cv_templates set owner_id = tests.get_supabase_uid('bob') where id = 'a0000005-0000-4000-8000-000000000002' $$,
  '42501', null,
  'alice cannot move her template to bob'
);
select is_empty(
  $$ update public.cv_templates set body = 'defaced' where id = 'c0000005-0000-4000-8000-000000000002' returning 1 $$,
  'alice cannot edit a system template'
);
select is_empty(
  $$ delete from public.cv_templates where id = 'c0000005-0000-4000-8000-000000000002' returning 1 $$,
  'alice cannot delete a system template'
);
select throws_ok(
  $$ update public.cv_templates set name = ' ' where id = 'a0000005-0000-4000-8000-000000000002' $$,
  '23514', null,
  'a blank template name is rejected'
);
select throws_ok(
  $$ update public.cv_templates set body = '' where id = 'a0000005-0000-4000-8000-000000000002' $$,
  '23514', null,
  'an empty template body is rejected'
);
select results_eq(
  $$ delete from public.cv_templates where name = 'Alice HTML' returning name $$,
  $$ values ('Alice HTML') $$,
  'alice can delete her template'
);

-- == as bob (stranger) ==
select tests.authenticate_as('bob');

select is_empty(
  $$ select 1 from public.cv_templates where id = 'a0000005-0000-4000-8000-000000000002' $$,
  'bob cannot see alice''s template'
);
select is_empty(
  $$ update public.cv_templates set body = 'hacked' where id = 'a0000005-0000-4000-8000-000000000002' returning 1 $$,
  'bob cannot update alice''s template'
);
select is_empty(
  $$ delete from public.cv_templates where id = 'a0000005-0000-4000-8000-000000000002' returning 1 $$,
  'bob cannot delete alice''s template'
);
select throws_ok(
  $$ insert into public.cv_templates (owner_id, name, body) values (tests.get_supabase_uid('alice'), 'Planted', 'x') $$,
  '42501', null,
  'bob cannot add a template in alice''s name'
);

-- == as anon ==
select tests.clear_authentication();

select throws_ok('select id from public.cv_templates', '42501', null, 'anon cannot read templates, not even system ones');
select throws_ok($$ insert into public.cv_templates (name, body) values ('Anon', 'x') $$, '42501', null, 'anon cannot add templates');
select throws_ok($$ update public.cv_templates set body = 'x' $$, '42501', null, 'anon cannot update templates');
select throws_ok('delete from public.cv_templates', '42501', null, 'anon cannot delete templates');

-- == as service_role ==
select tests.authenticate_as_service_role();

select results_eq(
  $$ select count(*)::int from public.cv_templates
      where id in ('c0000005-0000-4000-8000-000000000002', 'a0000005-0000-4000-8000-000000000002', 'b0000005-0000-4000-8000-000000000002') $$,
  $$ values (3) $$,
  'the service role sees every template'
);
select results_eq(
  $$ insert into public.cv_templates (name, body) values ('JT test system template 2', '{{basics.name}}') returning owner_id $$,
  $$ values (null::uuid) $$,
  'the service role adds system templates'
);
select results_eq(
  $$ update public.cv_templates set description = 'Plain and ATS-friendly' where id = 'c0000005-0000-4000-8000-000000000002' returning description $$,
  $$ values ('Plain and ATS-friendly') $$,
  'the service role can edit a system template'
);
select results_eq(
  $$ delete from public.cv_templates where name = 'JT test system template 2' and owner_id is null returning name $$,
  $$ values ('JT test system template 2') $$,
  'the service role can delete a system template'
);

-- ===================== generated_cvs =====================

-- == as alice (owner) ==
select tests.authenticate_as('alice');

select results_eq(
  'select id from public.generated_cvs',
  $$ values ('a0000005-0000-4000-8000-000000000003'::uuid) $$,
  'alice sees exactly her own CVs'
);
select results_eq(
  $$ insert into public.generated_cvs (job_id, template_id, content, match_score, matched_skills, generator)
     values ('c0000005-0000-4000-8000-000000000001', 'c0000005-0000-4000-8000-000000000002', '{"basics": {"name": "Alice"}}', 80, '{SQL}', 'deterministic')
     returning user_id, version, template_id, match_score $$,
  $$ values (tests.get_supabase_uid('alice'), 2, 'c0000005-0000-4000-8000-000000000002'::uuid, 80::smallint) $$,
  'alice can add a CV version rendered with a system template; it is numbered 2'
);
select results_eq(
  $$ insert into public.generated_cvs (job_id, template_id, content)
     select 'c0000005-0000-4000-8000-000000000001', 'a0000005-0000-4000-8000-000000000002', jsonb_build_object('n', n)
       from generate_series(1, 2) n
     returning version $$,
  $$ values (3), (4) $$,
  'versions continue 3, 4 within one statement, with her own template'
);
select results_eq(
  $$ insert into public.generated_cvs (job_id, content) values ('a0000005-0000-4000-8000-000000000001', '{}') returning version $$,
  $$ values (1) $$,
  'a CV for another posting starts its own series at 1'
);
select throws_ok(
  $$ insert into public.generated_cvs (job_id, content, version) values ('c0000005-0000-4000-8000-000000000001', '{}', 1) $$,
  '42501', null,
  'alice cannot choose a version number'
);
select throws_ok(
  $$ insert into public.generated_cvs (job_id, content) values ('b0000005-0000-4000-8000-000000000001', '{}') $$,
  '23503', null,
  'alice cannot attach a CV to bob''s private posting'
);
select throws_ok(
  $$ insert into public.generated_cvs (job_id, template_id, content)
     values ('c0000005-0000-4000-8000-000000000001', 'b0000005-0000-4000-8000-000000000002', '{}') $$,
  '23503', null,
  'alice cannot render a CV with bob''s template'
);
select throws_ok(
  $$ insert into public.generated_cvs (user_id, job_id, content) values (tests.get_supabase_uid('bob'), 'c0000005-0000-4000-8000-000000000001', '{}') $$,
  '42501', null,
  'alice cannot add a CV in bob''s name'
);
select throws_ok(
  $$ update public.generated_cvs set match_score = 100 where id = 'a0000005-0000-4000-8000-000000000003' $$,
  '42501', null,
  'alice cannot edit a CV version: they are immutable'
);
select throws_ok(
  $$ update public.generated_cvs set user_id = tests.get_supabase_uid('bob') where id = 'a0000005-0000-4000-8000-000000000003' $$,
  '42501', null,
  'alice cannot move her CV to bob'
);
-- bad input
select throws_ok(
  $$ insert into public.generated_cvs (job_id, content) values ('c0000005-0000-4000-8000-000000000001', '["not", "an", "object"]') $$,
  '23514', null,
  'CV content must be a JSON object'
);
select throws_ok(
  $$ insert into public.generated_cvs (job_id, content) values ('c0000005-0000-4000-8000-000000000001', '{"work": [{"position": "Engineer"}]}') $$,
  '23514', null,
  'a JSON Resume work entry without an employer name is rejected'
);
select throws_ok(
  $$ insert into public.generated_cvs (job_id, content)
     values ('c0000005-0000-4000-8000-000000000001', '{"work": [{"name": "Acme", "startDate": "2021-06", "endDate": "2020"}]}') $$,
  '23514', null,
  'a JSON Resume work entry ending before it starts is rejected'
);
select throws_ok(
  $$ insert into public.generated_cvs (job_id, content)
     values ('c0000005-0000-4000-8000-000000000001', '{"work": [{"name": "Acme", "url": "javascript:alert(1)"}]}') $$,
  '23514', null,
  'a JSON Resume work entry with a javascript: url is rejected'
);
select throws_ok(
  $$ insert into public.generated_cvs (job_id, content) values ('c0000005-0000-4000-8000-000000000001', '{"education": [{"area": "CS"}]}') $$,
  '23514', null,
  'a JSON Resume education entry without an institution is rejected'
);
select throws_ok(
  $$ insert into public.generated_cvs (job_id, content, match_score) values ('c0000005-0000-4000-8000-000000000001', '{}', 101) $$,
  '23514', null,
  'a match score above 100 is rejected'
);
select throws_ok(
  $$ insert into public.generated_cvs (job_id, content, missing_required_skills)
     values ('c0000005-0000-4000-8000-000000000001', '{}', array(select 'skill ' || i from generate_series(1, 201) i)) $$,
  '23514', null,
  'more than 200 missing skills are rejected'
);
select results_eq(
  $$ select job_id, array_agg(version order by version) from public.generated_cvs group by job_id order by job_id $$,
  $$ values ('a0000005-0000-4000-8000-000000000001'::uuid, array[1]), ('c0000005-0000-4000-8000-000000000001'::uuid, array[1, 2, 3, 4]) $$,
  'rejected inserts neither added rows nor used up version numbers'
);
select results_eq(
  $$ delete from public.generated_cvs where job_id = 'a0000005-0000-4000-8000-000000000001' returning version $$,
  $$ values (1) $$,
  'alice can delete her CV'
);
select results_eq(
  $$ with gone as (delete from public.cv_templates where id = 'a0000005-0000-4000-8000-000000000002' returning 1)
     select (select count(*)::int from gone) $$,
  $$ values (1) $$,
  'alice can delete a template her CVs were rendered with'
);
select results_eq(
  $$ select count(*)::int from public.generated_cvs where template_id is null and version in (3, 4) $$,
  $$ values (2) $$,
  'CVs rendered with a deleted template keep existing, without a template'
);

-- == as bob (stranger) ==
select tests.authenticate_as('bob');

select results_eq(
  'select id from public.generated_cvs',
  $$ values ('b0000005-0000-4000-8000-000000000003'::uuid) $$,
  'bob sees only his own CV, none of alice''s'
);
select is_empty(
  $$ delete from public.generated_cvs where id = 'a0000005-0000-4000-8000-000000000003' returning 1 $$,
  'bob cannot delete alice''s CV'
);
select throws_ok(
  $$ update public.generated_cvs set match_score = 0 where id = 'a0000005-0000-4000-8000-000000000003' $$,
  '42501', null,
  'bob cannot edit alice''s CV'
);
select throws_ok(
  $$ insert into public.generated_cvs (user_id, job_id, content) values (tests.get_supabase_uid('alice'), 'c0000005-0000-4000-8000-000000000001', '{}') $$,
  '42501', null,
  'bob cannot add a CV in alice''s name'
);
select throws_ok(
  $$ insert into public.generated_cvs (job_id, content) values ('a0000005-0000-4000-8000-000000000001', '{}') $$,
  '23503', null,
  'bob cannot attach a CV to alice''s private posting'
);
select results_eq(
  $$ insert into public.generated_cvs (job_id, content) values ('c0000005-0000-4000-8000-000000000001', '{}') returning version $$,
  $$ values (2) $$,
  'bob''s series on the same posting is his own: his next version is 2'
);

-- == as anon ==
select tests.clear_authentication();

select throws_ok('select id from public.generated_cvs', '42501', null, 'anon cannot read CVs');
select throws_ok(
  $$ insert into public.generated_cvs (user_id, job_id, content)
     values ('00000000-0000-4000-8000-000000000000', 'c0000005-0000-4000-8000-000000000001', '{}') $$,
  '42501', null,
  'anon cannot add CVs'
);
select throws_ok('delete from public.generated_cvs', '42501', null, 'anon cannot delete CVs');

-- == as service_role ==
select tests.authenticate_as_service_role();

select results_eq(
  $$ select count(*)::int from public.generated_cvs
      where id in ('a0000005-0000-4000-8000-000000000003', 'b0000005-0000-4000-8000-000000000003') $$,
  $$ values (2) $$,
  'the service role sees every user''s CVs'
);
select results_eq(
  $$ insert into public.generated_cvs (user_id, job_id, content, version)
     values (tests.get_supabase_uid('alice'), 'c0000005-0000-4000-8000-000000000001', '{}', 99) returning version $$,
  $$ values (5) $$,
  'the database assigns the next version whatever the client sends'
);
select throws_ok(
  $$ insert into public.generated_cvs (user_id, job_id, content)
     values (tests.get_supabase_uid('bob'), 'a0000005-0000-4000-8000-000000000001', '{}') $$,
  '23503', null,
  'not even the service role can attach bob''s CV to alice''s private posting'
);
select throws_ok(
  $$ insert into public.generated_cvs (user_id, job_id, template_id, content)
     values (tests.get_supabase_uid('alice'), 'c0000005-0000-4000-8000-000000000001', 'b0000005-0000-4000-8000-000000000002', '{}') $$,
  '23503', null,
  'not even the service role can render alice''s CV with bob''s template'
);
select results_eq(
  $$ delete from public.generated_cvs where user_id = tests.get_supabase_uid('alice') and version = 5 returning version $$,
  $$ values (5) $$,
  'the service role can delete any CV'
);

-- ===================== cover_letters =====================

-- == as alice (owner) ==
select tests.authenticate_as('alice');

select results_eq(
  'select id from public.cover_letters',
  $$ values ('a0000005-0000-4000-8000-000000000004'::uuid) $$,
  'alice sees exactly her own cover letters'
);
select results_eq(
  $$ insert into public.cover_letters (job_id, tone, max_words, body)
     values ('c0000005-0000-4000-8000-000000000001', 'warm', 250, 'Dear Shared Corp, again')
     returning user_id, version, tone $$,
  $$ values (tests.get_supabase_uid('alice'), 2, 'warm'::public.letter_tone) $$,
  'alice can add a cover letter; it is numbered 2'
);
select throws_ok(
  $$ insert into public.cover_letters (job_id, body, version) values ('c0000005-0000-4000-8000-000000000001', 'x', 7) $$,
  '42501', null,
  'alice cannot choose a letter''s version number'
);
select throws_ok(
  $$ insert into public.cover_letters (job_id, body) values ('b0000005-0000-4000-8000-000000000001', 'Dear Bob Co') $$,
  '23503', null,
  'alice cannot write a letter for bob''s private posting'
);
select throws_ok(
  $$ insert into public.cover_letters (user_id, job_id, body) values (tests.get_supabase_uid('bob'), 'c0000005-0000-4000-8000-000000000001', 'x') $$,
  '42501', null,
  'alice cannot add a letter in bob''s name'
);
select throws_ok(
  $$ update public.cover_letters set body = 'Edited' where id = 'a0000005-0000-4000-8000-000000000004' $$,
  '42501', null,
  'alice cannot edit a letter: they are immutable'
);
select throws_ok(
  $$ insert into public.cover_letters (job_id, body) values ('c0000005-0000-4000-8000-000000000001', '') $$,
  '23514', null,
  'an empty letter is rejected'
);
select throws_ok(
  $$ insert into public.cover_letters (job_id, body, max_words) values ('c0000005-0000-4000-8000-000000000001', 'Hi', 10) $$,
  '23514', null,
  'a word limit below 50 is rejected'
);
select results_eq(
  $$ delete from public.cover_letters where version = 2 returning body $$,
  $$ values ('Dear Shared Corp, again') $$,
  'alice can delete her letter'
);

-- == as bob (stranger) ==
select tests.authenticate_as('bob');

select results_eq(
  'select id from public.cover_letters',
  $$ values ('b0000005-0000-4000-8000-000000000004'::uuid) $$,
  'bob sees only his own letter, none of alice''s'
);
select is_empty(
  $$ delete from public.cover_letters where id = 'a0000005-0000-4000-8000-000000000004' returning 1 $$,
  'bob cannot delete alice''s letter'
);
select throws_ok(
  $$ insert into public.cover_letters (job_id, body) values ('a0000005-0000-4000-8000-000000000001', 'Dear Alice Co') $$,
  '23503', null,
  'bob cannot write a letter for alice''s private posting'
);

-- == as anon ==
select tests.clear_authentication();

select throws_ok('select id from public.cover_letters', '42501', null, 'anon cannot read cover letters');
select throws_ok(
  $$ insert into public.cover_letters (user_id, job_id, body)
     values ('00000000-0000-4000-8000-000000000000', 'c0000005-0000-4000-8000-000000000001', 'x') $$,
  '42501', null,
  'anon cannot add cover letters'
);
select throws_ok('delete from public.cover_letters', '42501', null, 'anon cannot delete cover letters');

-- == as service_role ==
select tests.authenticate_as_service_role();

select results_eq(
  $$ select count(*)::int from public.cover_letters
      where id in ('a0000005-0000-4000-8000-000000000004', 'b0000005-0000-4000-8000-000000000004') $$,
  $$ values (2) $$,
  'the service role sees every user''s letters'
);
select results_eq(
  $$ insert into public.cover_letters (user_id, job_id, body, version)
     values (tests.get_supabase_uid('bob'), 'c0000005-0000-4000-8000-000000000001', 'Dear Shared Corp, (Bob again)', 1) returning version $$,
  $$ values (2) $$,
  'the database numbers letters whatever the client sends'
);

-- == as bob: writes without a filter ==
-- With a WHERE clause, the select policy alone hides other users' rows; without one, only the
-- update and delete policies stand between bob and everyone's rows.
select tests.authenticate_as('bob');

select results_eq(
  $$ with touched as (update public.cv_templates set description = 'Blind write' returning 1) select count(*)::int from touched $$,
  $$ values (1) $$,
  'a template update without a filter touches only bob''s own template, no system one'
);
select results_eq(
  $$ with gone as (delete from public.cv_templates returning 1) select count(*)::int from gone $$,
  $$ values (1) $$,
  'a template delete without a filter deletes only bob''s own template, no system one'
);
select results_eq(
  $$ with gone as (delete from public.generated_cvs returning 1) select count(*)::int from gone $$,
  $$ values (2) $$,
  'a CV delete without a filter deletes only bob''s own two CVs'
);
select results_eq(
  $$ with gone as (delete from public.cover_letters returning 1) select count(*)::int from gone $$,
  $$ values (2) $$,
  'a letter delete without a filter deletes only bob''s own two letters'
);

-- == afterwards (as postgres) ==
select tests.act_as_postgres();

select results_eq(
  $$ select owner_id, body, description from public.cv_templates where id = 'c0000005-0000-4000-8000-000000000002' $$,
  $$ values (null::uuid, '# {{basics.name}}', 'Plain and ATS-friendly') $$,
  'the system template carries only the service role''s change'
);
select results_eq(
  $$ select (select count(*)::int from public.generated_cvs where user_id = tests.get_supabase_uid('alice')),
            (select count(*)::int from public.cover_letters where user_id = tests.get_supabase_uid('alice')),
            (select count(*)::int from public.cv_templates where owner_id = tests.get_supabase_uid('alice')) $$,
  $$ values (4, 1, 0) $$,
  'alice''s documents are exactly those her own writes left'
);

select * from finish();
rollback;
