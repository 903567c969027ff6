-- Jobs: shared postings (owner_id null) are readable by every signed-in user and written only by
-- the service role; a user's private postings are theirs alone.
begin;
\ir helpers.psql
select plan(46);

-- == setup (as postgres) ==
select tests.create_supabase_user('alice');
select tests.create_supabase_user('bob');

insert into public.jobs (id, owner_id, source, external_id, title, company, location, salary_min, salary_max, salary_currency, required_skills)
values
  ('c0000004-0000-4000-8000-000000000001', null, 'greenhouse', 'jt-test-gh-1', 'Platform Engineer', 'Shared Corp', 'Berlin',
   60000, 80000, 'EUR', '{Go,Kubernetes}'),
  ('a0000004-0000-4000-8000-000000000001', tests.get_supabase_uid('alice'), 'manual', 'jt-test-1', 'Data Engineer', 'Alice Co', 'Lisbon',
   null, null, null, '{Python}'),
  ('b0000004-0000-4000-8000-000000000001', tests.get_supabase_uid('bob'), 'manual', 'jt-test-1', 'Secret Role', 'Bob Co', 'Oslo',
   null, null, null, '{}');

-- == as alice (owner of a private posting) ==
select tests.authenticate_as('alice');

select results_eq(
  $$ select id from public.jobs
      where id in ('c0000004-0000-4000-8000-000000000001', 'a0000004-0000-4000-8000-000000000001', 'b0000004-0000-4000-8000-000000000001')
      order by id $$,
  $$ values ('a0000004-0000-4000-8000-000000000001'::uuid), ('c0000004-0000-4000-8000-000000000001'::uuid) $$,
  'alice sees the shared posting and her own, not bob''s private one'
);
select is_empty(
  $$ select 1 from public.jobs where owner_id is not null and owner_id <> tests.get_supabase_uid('alice') $$,
  'alice sees no other user''s private posting at all'
);
select results_eq(
  $$ insert into public.jobs (title, company, location, remote_type, employment_type, salary_min, salary_max, salary_currency, salary_period)
     values ('Backend Developer', 'Acme', 'Porto', 'hybrid', 'full_time', 40000, 55000, 'EUR', 'year')
     returning owner_id, source, title, remote_type, employment_type, fingerprint is not null $$,
  $$ values (tests.get_supabase_uid('alice'), 'manual', 'Backend Developer', 'hybrid'::public.remote_type, 'full_time'::public.employment_type, true) $$,
  'alice can add a private posting; owner_id defaults to her'
);
select throws_ok(
  $$ insert into public.jobs (owner_id, title, company) values (null, 'Fake shared job', 'Spam Inc') $$,
  '42501', null,
  'alice cannot add a shared posting'
);
select throws_ok(
  $$ insert into public.jobs (owner_id, title, company) values (tests.get_supabase_uid('bob'), 'Planted', 'Spam Inc') $$,
  '42501', null,
  'alice cannot add a posting owned by bob'
);
select throws_ok(
  $$ insert into public.jobs (source, external_id, title, company) values ('manual', 'jt-test-1', 'Same import twice', 'Alice Co') $$,
  '23505', null,
  'alice cannot import the same (source, external_id) twice'
);
select results_eq(
  $$ update public.jobs set is_active = false where id = 'a0000004-0000-4000-8000-000000000001' returning is_active $$,
  $$ values (false) $$,
  'alice can update her private posting'
);
select is_empty(
  $$ update public.jobs set title = 'Defaced' where id = 'c0000004-0000-4000-8000-000000000001' returning 1 $$,
  'alice cannot update a shared posting'
);
select is_empty(
  $$ delete from public.jobs where id = 'c0000004-0000-4000-8000-000000000001' returning 1 $$,
  'alice cannot delete a shared posting'
);
select throws_ok(
  $$ update public.jobs set owner_id = tests.get_supabase_uid('bob') where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '42501', null,
  'alice cannot move her posting to bob'
);
select throws_ok(
  $$ update public.jobs set owner_id = null where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '42501', null,
  'alice cannot publish her private posting to the shared board'
);
select results_eq(
  $$ delete from public.jobs where title = 'Backend Developer' and owner_id = tests.get_supabase_uid('alice') returning title $$,
  $$ values ('Backend Developer') $$,
  'alice can delete her private posting'
);
-- The dedup fingerprint ignores case, accents, punctuation and legal suffixes.
select results_eq(
  $$ with a as (
       insert into public.jobs (title, company, location) values ('Senior Engineer', 'ACME Inc.', 'Zürich') returning fingerprint
     ), b as (
       insert into public.jobs (title, company, location) values ('senior  engineer', 'Acme', 'zurich') returning fingerprint
     )
     select (select fingerprint from a) = (select fingerprint from b) $$,
  $$ values (true) $$,
  'the same job written differently has the same fingerprint'
);
select results_eq(
  $$ select title from public.jobs
      where search_vector @@ websearch_to_tsquery('private.english_unaccent', 'acme engineering')
        and owner_id = tests.get_supabase_uid('alice') order by title $$,
  $$ values ('Senior Engineer'), ('senior  engineer') $$,
  'the search vector finds postings by title and company, stemmed'
);

-- bad input fails with check_violation and changes nothing
select throws_ok(
  $$ insert into public.jobs (title, company, salary_min, salary_currency) values ('Negative pay', 'Acme', -1, 'EUR') $$,
  '23514', null,
  'a negative salary is rejected'
);
select throws_ok(
  $$ update public.jobs set salary_min = 90000, salary_max = 50000, salary_currency = 'EUR' where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '23514', null,
  'salary_min above salary_max is rejected'
);
select throws_ok(
  $$ update public.jobs set salary_min = 50000 where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '23514', null,
  'a salary needs a currency'
);
select throws_ok(
  $$ update public.jobs set salary_min = 50000, salary_currency = 'euro' where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '23514', null,
  'a currency must be an ISO 4217 code'
);
select throws_ok(
  $$ update public.jobs set source_url = 'javascript:alert(document.cookie)' where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '23514', null,
  'a javascript: source URL is rejected'
);
select throws_ok(
  $$ insert into public.jobs (title, company) values ('', 'Acme') $$,
  '23514', null,
  'an empty title is rejected'
);
select throws_ok(
  $$ update public.jobs set title = '   ' where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '23514', null,
  'a blank title is rejected'
);
select throws_ok(
  $$ update public.jobs set company = ' Padded ' where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '23514', null,
  'an untrimmed company is rejected'
);
select throws_ok(
  $$ update public.jobs set required_skills = array(select 'skill ' || i from generate_series(1, 101) i)
      where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '23514', null,
  'more than 100 required skills are rejected'
);
select throws_ok(
  $$ update public.jobs set posted_at = now(), expires_at = now() - interval '1 day' where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '23514', null,
  'a posting cannot expire before it is posted'
);
select throws_ok(
  $$ update public.jobs set source = 'Not A Slug!' where id = 'a0000004-0000-4000-8000-000000000001' $$,
  '42501', null,
  'the source of a posting is fixed once imported'
);
select results_eq(
  $$ select title, company, salary_min, salary_max, salary_currency, source_url, required_skills, posted_at, expires_at
       from public.jobs where id = 'a0000004-0000-4000-8000-000000000001' $$,
  $$ values ('Data Engineer', 'Alice Co', null::int, null::int, null::text, null::text, '{Python}'::text[], null::timestamptz, null::timestamptz) $$,
  'rejected writes changed nothing'
);

-- == as bob (stranger to alice's posting) ==
select tests.authenticate_as('bob');

select results_eq(
  $$ select id from public.jobs
      where id in ('c0000004-0000-4000-8000-000000000001', 'a0000004-0000-4000-8000-000000000001', 'b0000004-0000-4000-8000-000000000001')
      order by id $$,
  $$ values ('b0000004-0000-4000-8000-000000000001'::uuid), ('c0000004-0000-4000-8000-000000000001'::uuid) $$,
  'bob sees the shared posting and his own, not alice''s private one'
);
select is_empty(
  $$ select 1 from public.jobs where owner_id = tests.get_supabase_uid('alice') $$,
  'none of alice''s private postings is visible to bob'
);
select is_empty(
  $$ update public.jobs set title = 'Hacked' where id = 'a0000004-0000-4000-8000-000000000001' returning 1 $$,
  'bob cannot update alice''s posting'
);
select is_empty(
  $$ delete from public.jobs where id = 'a0000004-0000-4000-8000-000000000001' returning 1 $$,
  'bob cannot delete alice''s posting'
);
select throws_ok(
  $$ insert into public.jobs (owner_id, title, company) values (tests.get_supabase_uid('alice'), 'Planted', 'Spam Inc') $$,
  '42501', null,
  'bob cannot add a posting in alice''s name'
);

-- == as anon ==
select tests.clear_authentication();

select throws_ok('select id from public.jobs', '42501', null, 'anon cannot read postings, not even shared ones');
select throws_ok(
  $$ insert into public.jobs (title, company) values ('Anon', 'Anon') $$,
  '42501', null,
  'anon cannot add postings'
);
select throws_ok($$ update public.jobs set is_active = false $$, '42501', null, 'anon cannot update postings');
select throws_ok('delete from public.jobs', '42501', null, 'anon cannot delete postings');

-- == as service_role (ingest) ==
select tests.authenticate_as_service_role();

select results_eq(
  $$ select id from public.jobs
      where id in ('c0000004-0000-4000-8000-000000000001', 'a0000004-0000-4000-8000-000000000001', 'b0000004-0000-4000-8000-000000000001')
      order by id $$,
  $$ values ('a0000004-0000-4000-8000-000000000001'::uuid), ('b0000004-0000-4000-8000-000000000001'::uuid),
            ('c0000004-0000-4000-8000-000000000001'::uuid) $$,
  'the service role sees every posting'
);
select results_eq(
  $$ select count(*)::int from public.jobs where owner_id is null and id = 'c0000004-0000-4000-8000-000000000001' $$,
  $$ values (1) $$,
  'the shared posting survived every user''s attempts'
);
select results_eq(
  $$ insert into public.jobs (source, external_id, title, company) values ('lever', 'jt-test-lv-1', 'SRE', 'Shared Corp')
     returning owner_id, source $$,
  $$ values (null::uuid, 'lever') $$,
  'the service role adds shared postings (owner_id null by default)'
);
select throws_ok(
  $$ insert into public.jobs (source, external_id, title, company) values ('greenhouse', 'jt-test-gh-1', 'Duplicate', 'Shared Corp') $$,
  '23505', null,
  'a shared posting is unique per (source, external_id)'
);
select results_eq(
  $$ update public.jobs set title = 'Senior Platform Engineer' where id = 'c0000004-0000-4000-8000-000000000001' returning title $$,
  $$ values ('Senior Platform Engineer') $$,
  'the service role can update a shared posting'
);
select results_eq(
  $$ delete from public.jobs where source = 'lever' and external_id = 'jt-test-lv-1' returning title $$,
  $$ values ('SRE') $$,
  'the service role can delete a shared posting'
);
select throws_ok(
  $$ update public.jobs set salary_min = -5 where id = 'c0000004-0000-4000-8000-000000000001' $$,
  '23514', null,
  'constraints hold for the service role too'
);

-- == as bob: writes without a filter ==
-- With a WHERE clause, the select policy alone hides other users' rows; without one, only the
-- update and delete policies stand between bob and everyone's rows.
select tests.authenticate_as('bob');

select results_eq(
  $$ with touched as (update public.jobs set is_active = true returning 1) select count(*)::int from touched $$,
  $$ values (1) $$,
  'an update without a filter touches only bob''s own posting, no shared one'
);
select results_eq(
  $$ with gone as (delete from public.jobs returning 1) select count(*)::int from gone $$,
  $$ values (1) $$,
  'a delete without a filter deletes only bob''s own posting, no shared one'
);

-- == afterwards (as postgres) ==
select tests.act_as_postgres();

select results_eq(
  $$ select title, owner_id, is_active from public.jobs
      where id in ('a0000004-0000-4000-8000-000000000001', 'b0000004-0000-4000-8000-000000000001') order by id $$,
  $$ values ('Data Engineer', tests.get_supabase_uid('alice'), false) $$,
  'alice''s posting carries only her own change; bob''s went with his own delete'
);
select results_eq(
  $$ select count(*)::int from public.jobs where owner_id is null and company = 'Spam Inc' or owner_id = tests.get_supabase_uid('bob') $$,
  $$ values (0) $$,
  'no posting was planted on the shared board or in bob''s name'
);

select * from finish();
rollback;
