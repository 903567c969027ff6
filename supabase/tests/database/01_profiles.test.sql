-- Profiles: created by signup, private to their owner, editable only in their own columns.
begin;
\ir helpers.psql
select plan(14);

select has_table('public', 'profiles', 'profiles exists');
select col_is_pk('public', 'profiles', 'id', 'profiles.id is the primary key');
select fk_ok('public', 'profiles', 'id', 'auth', 'users', 'id');

select tests.create_supabase_user('alice', metadata => '{"full_name": "Alice Martin"}');
select tests.create_supabase_user('bob');

select is(
  (select full_name from public.profiles where id = tests.get_supabase_uid('alice')),
  'Alice Martin',
  'signup creates the profile with the name from user metadata'
);

-- == as alice ==
select tests.authenticate_as('alice');
select results_eq(
  'select id from public.profiles',
  $$ select tests.get_supabase_uid('alice') $$,
  'a user sees only their own profile'
);
select results_eq(
  $$ update public.profiles set headline = 'Backend engineer' where id = tests.get_supabase_uid('alice') returning headline $$,
  $$ values ('Backend engineer') $$,
  'a user can update their own profile'
);
select is_empty(
  $$ update public.profiles set headline = 'hacked' where id = tests.get_supabase_uid('bob') returning 1 $$,
  'a user cannot update another user''s profile'
);
select throws_ok(
  $$ update public.profiles set id = tests.get_supabase_uid('bob') where id = tests.get_supabase_uid('alice') $$,
  '42501', null,
  'a user cannot move their profile to another id'
);
select throws_ok(
  $$ insert into public.profiles (id) values (extensions.gen_random_uuid()) $$,
  '42501', null,
  'a user cannot insert profiles'
);
select throws_ok(
  $$ delete from public.profiles $$,
  '42501', null,
  'a user cannot delete profiles'
);
select throws_ok(
  $$ update public.profiles set website_url = 'javascript:alert(1)' where id = tests.get_supabase_uid('alice') $$,
  '23514', null,
  'profile links must be http(s) URLs'
);
select throws_ok(
  $$ update public.profiles set work_experience = '[{"position": "Engineer"}]' where id = tests.get_supabase_uid('alice') $$,
  '23514', null,
  'work experience entries need an employer name'
);

-- == as anon ==
select tests.clear_authentication();
select throws_ok('select * from public.profiles', '42501', null, 'anon cannot read profiles');

-- == cascade ==
select tests.act_as_postgres();
select tests.get_supabase_uid('alice') as alice_id, tests.get_supabase_uid('bob') as bob_id \gset
delete from auth.users where id = :'alice_id';
select is(
  (select array_agg(id) from public.profiles where id in (:'alice_id', :'bob_id')),
  array[:'bob_id'::uuid],
  'deleting a user deletes their profile and nobody else''s'
);

select * from finish();
rollback;
