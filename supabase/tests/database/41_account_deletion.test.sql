-- private.delete_user(): the erasure behind the delete-account function. Only the service role may
-- call it; it deletes the auth user, whose rows go with it by cascade.
begin;
\ir helpers.psql
select plan(9);

select tests.create_supabase_user('erase_carol');
select tests.create_supabase_user('erase_dave');
select tests.get_supabase_uid('erase_carol') as carol_id, tests.get_supabase_uid('erase_dave') as dave_id \gset
insert into public.projects (user_id, name) values (:'carol_id', 'Carol''s project'), (:'dave_id', 'Dave''s project');

-- == privileges ==
select ok(has_function_privilege('service_role', 'private.delete_user(uuid)', 'execute'), 'the service role may call delete_user');
select ok(not has_function_privilege('authenticated', 'private.delete_user(uuid)', 'execute'), 'authenticated may not call delete_user');
select ok(not has_function_privilege('anon', 'private.delete_user(uuid)', 'execute'), 'anon may not call delete_user');

-- == as a user: refused, even for their own account ==
select tests.authenticate_as('erase_carol');
select throws_ok(format('select private.delete_user(%L)', :'carol_id'), '42501', null, 'a user cannot call delete_user directly');

-- == as the service role ==
select tests.authenticate_as_service_role();
select is(private.delete_user(:'carol_id'), true, 'delete_user deletes an existing user and says so');
select is(private.delete_user(:'carol_id'), false, 'deleting a user who is gone returns false');
select throws_ok('select private.delete_user(null)', '22023', null, 'a null user id is refused');

select tests.act_as_postgres();
select is(
  (select count(*)::int from public.profiles where id = :'carol_id') + (select count(*)::int from public.projects where user_id = :'carol_id'),
  0, 'the deleted user''s profile and projects went with them'
);
select is(
  (select count(*)::int from public.projects where user_id = :'dave_id'),
  1, 'another user''s rows are untouched'
);

select * from finish();
rollback;
