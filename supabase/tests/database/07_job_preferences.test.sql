-- Job preferences: a user's private marks on postings they can see (favorite, hidden, notes).
begin;
\ir helpers.psql
select plan(31);

-- == setup (as postgres) ==
select tests.create_supabase_user('alice');
select tests.create_supabase_user('bob');

insert into public.jobs (id, owner_id, title, company) values
  ('c0000007-0000-4000-8000-000000000001', null, 'Shared posting', 'Shared Corp'),
  ('c0000007-0000-4000-8000-000000000002', null, 'Another shared posting', 'Other Corp'),
  ('a0000007-0000-4000-8000-000000000001', tests.get_supabase_uid('alice'), 'Alice''s private posting', 'Alice Co'),
  ('b0000007-0000-4000-8000-000000000001', tests.get_supabase_uid('bob'), 'Bob''s private posting', 'Bob Co');

insert into public.user_job_preferences (user_id, job_id, is_favorite, is_hidden, notes, updated_at) values
  (tests.get_supabase_uid('alice'), 'c0000007-0000-4000-8000-000000000001', true, false, 'Great team', now() - interval '1 day'),
  (tests.get_supabase_uid('bob'), 'c0000007-0000-4000-8000-000000000001', false, true, 'Not for me', now() - interval '1 day');

-- == as alice (owner) ==
select tests.authenticate_as('alice');

select results_eq(
  'select user_id, job_id, is_favorite from public.user_job_preferences',
  $$ values (tests.get_supabase_uid('alice'), 'c0000007-0000-4000-8000-000000000001'::uuid, true) $$,
  'alice sees exactly her own preferences'
);
select results_eq(
  $$ insert into public.user_job_preferences (job_id, is_hidden) values ('a0000007-0000-4000-8000-000000000001', true)
     returning user_id, is_favorite, is_hidden $$,
  $$ values (tests.get_supabase_uid('alice'), false, true) $$,
  'alice can mark her own posting; user_id defaults to her'
);
select results_eq(
  $$ insert into public.user_job_preferences (job_id, notes) values ('c0000007-0000-4000-8000-000000000002', 'Ask Sam') returning notes $$,
  $$ values ('Ask Sam') $$,
  'alice can mark a shared posting'
);
select throws_ok(
  $$ insert into public.user_job_preferences (job_id, is_favorite) values ('c0000007-0000-4000-8000-000000000001', false) $$,
  '23505', null,
  'alice has one preference row per posting'
);
select throws_ok(
  $$ insert into public.user_job_preferences (job_id, is_favorite) values ('b0000007-0000-4000-8000-000000000001', true) $$,
  '23503', null,
  'alice cannot mark bob''s private posting'
);
select throws_ok(
  $$ insert into public.user_job_preferences (user_id, job_id, is_hidden)
     values (tests.get_supabase_uid('bob'), 'c0000007-0000-4000-8000-000000000002', true) $$,
  '42501', null,
  'alice cannot add a preference in bob''s name'
);
select results_eq(
  $$ update public.user_job_preferences set is_favorite = false, notes = 'Team changed'
      where job_id = 'c0000007-0000-4000-8000-000000000001' returning is_favorite, notes, updated_at = now() $$,
  $$ values (false, 'Team changed', true) $$,
  'alice can update her preference, and updated_at moves'
);
select throws_ok(
  $$ update public.user_job_preferences set user_id = tests.get_supabase_uid('bob') where job_id = 'c0000007-0000-4000-8000-000000000001' $$,
  '42501', null,
  'alice cannot move her preference to bob'
);
select throws_ok(
  $$ update public.user_job_preferences set job_id = 'b0000007-0000-4000-8000-000000000001' where job_id = 'c0000007-0000-4000-8000-000000000001' $$,
  '42501', null,
  'alice cannot re-point her preference at another posting'
);
select throws_ok(
  $$ update public.user_job_preferences set notes = repeat('x', 5001) where job_id = 'c0000007-0000-4000-8000-000000000001' $$,
  '23514', null,
  'notes longer than 5000 characters are rejected'
);
select results_eq(
  $$ select is_favorite, notes from public.user_job_preferences where job_id = 'c0000007-0000-4000-8000-000000000001' $$,
  $$ values (false, 'Team changed') $$,
  'the rejected update changed nothing'
);
select results_eq(
  $$ delete from public.user_job_preferences where job_id = 'c0000007-0000-4000-8000-000000000002' returning notes $$,
  $$ values ('Ask Sam') $$,
  'alice can delete her preference'
);
select results_eq(
  $$ delete from public.jobs where id = 'a0000007-0000-4000-8000-000000000001' returning title $$,
  $$ values ('Alice''s private posting') $$,
  'alice can delete her marked private posting'
);
select is_empty(
  $$ select 1 from public.user_job_preferences where job_id = 'a0000007-0000-4000-8000-000000000001' $$,
  'deleting a posting deletes the marks on it'
);

-- == as bob (stranger) ==
select tests.authenticate_as('bob');

select results_eq(
  'select user_id, is_hidden from public.user_job_preferences',
  $$ values (tests.get_supabase_uid('bob'), true) $$,
  'bob sees only his own preference, none of alice''s'
);
select is_empty(
  $$ update public.user_job_preferences set notes = 'hacked' where user_id = tests.get_supabase_uid('alice') returning 1 $$,
  'bob cannot update alice''s preferences'
);
select is_empty(
  $$ delete from public.user_job_preferences where user_id = tests.get_supabase_uid('alice') returning 1 $$,
  'bob cannot delete alice''s preferences'
);
select throws_ok(
  $$ insert into public.user_job_preferences (user_id, job_id, is_hidden)
     values (tests.get_supabase_uid('alice'), 'c0000007-0000-4000-8000-000000000002', true) $$,
  '42501', null,
  'bob cannot add a preference in alice''s name'
);
select throws_ok(
  $$ update public.user_job_preferences set user_id = tests.get_supabase_uid('alice') where user_id = tests.get_supabase_uid('bob') $$,
  '42501', null,
  'bob cannot hand his preference to alice'
);

-- == as anon ==
select tests.clear_authentication();

select throws_ok('select 1 from public.user_job_preferences', '42501', null, 'anon cannot read preferences');
select throws_ok(
  $$ insert into public.user_job_preferences (user_id, job_id) values ('00000000-0000-4000-8000-000000000000', 'c0000007-0000-4000-8000-000000000001') $$,
  '42501', null,
  'anon cannot add preferences'
);
select throws_ok($$ update public.user_job_preferences set is_hidden = true $$, '42501', null, 'anon cannot update preferences');
select throws_ok('delete from public.user_job_preferences', '42501', null, 'anon cannot delete preferences');

-- == as service_role ==
select tests.authenticate_as_service_role();

select results_eq(
  $$ select count(*)::int from public.user_job_preferences
      where user_id in (tests.get_supabase_uid('alice'), tests.get_supabase_uid('bob')) $$,
  $$ values (2) $$,
  'the service role sees every user''s preferences'
);
select results_eq(
  $$ insert into public.user_job_preferences (user_id, job_id, is_favorite)
     values (tests.get_supabase_uid('bob'), 'c0000007-0000-4000-8000-000000000002', true) returning user_id, is_favorite $$,
  $$ values (tests.get_supabase_uid('bob'), true) $$,
  'the service role can add a preference for a user'
);
select results_eq(
  $$ update public.user_job_preferences set is_hidden = false
      where user_id = tests.get_supabase_uid('bob') and job_id = 'c0000007-0000-4000-8000-000000000001' returning is_hidden $$,
  $$ values (false) $$,
  'the service role can update any preference'
);
select results_eq(
  $$ delete from public.user_job_preferences
      where user_id = tests.get_supabase_uid('bob') and job_id = 'c0000007-0000-4000-8000-000000000002' returning is_favorite $$,
  $$ values (true) $$,
  'the service role can delete any preference'
);
select throws_ok(
  $$ insert into public.user_job_preferences (user_id, job_id) values (tests.get_supabase_uid('alice'), 'b0000007-0000-4000-8000-000000000001') $$,
  '23503', null,
  'not even the service role can mark bob''s private posting for alice'
);

-- == as bob: writes without a filter ==
-- With a WHERE clause, the select policy alone hides other users' rows; without one, only the
-- update and delete policies stand between bob and everyone's rows.
select tests.authenticate_as('bob');

select results_eq(
  $$ with touched as (update public.user_job_preferences set notes = 'Blind write' returning 1) select count(*)::int from touched $$,
  $$ values (1) $$,
  'an update without a filter touches only bob''s own preference'
);
select results_eq(
  $$ with gone as (delete from public.user_job_preferences returning 1) select count(*)::int from gone $$,
  $$ values (1) $$,
  'a delete without a filter deletes only bob''s own preference'
);

-- == afterwards (as postgres) ==
select tests.act_as_postgres();

select results_eq(
  $$ select user_id, notes from public.user_job_preferences
      where user_id in (tests.get_supabase_uid('alice'), tests.get_supabase_uid('bob')) order by notes $$,
  $$ values (tests.get_supabase_uid('alice'), 'Team changed') $$,
  'alice''s preference carries only her own change; bob''s went with his own delete'
);

select * from finish();
rollback;
