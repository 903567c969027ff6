-- Data rights, part two: erasure. The delete-account edge function verifies the caller, then, as
-- the service role, calls private.delete_user(). Every table that holds a user's rows references
-- auth.users with `on delete cascade`, so deleting the auth user removes all of them in the same
-- transaction, and nothing of anyone else's (supabase/tests/database/41_account_deletion.test.sql,
-- supabase/functions/delete-account/handler.test.ts).

-- Section: functions
-- Definer because the service role has no rights on the auth schema's tables; `postgres` owns the
-- function, as it owns every object Supabase's GoTrue does not. On the hosted platform the same row
-- is what the Auth admin API (auth.admin.deleteUser) deletes.
create or replace function private.delete_user(user_id uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  if delete_user.user_id is null then
    raise exception 'delete_user needs a user id' using errcode = '22023';
  end if;
  delete from auth.users u where u.id = delete_user.user_id;
  return found;
end;
$$;
comment on function private.delete_user(uuid) is 'Deletes an auth user and, by cascade, every row of theirs; true when the user existed. Service role only: the delete-account function calls it for the verified caller.';

-- Section: grants
-- Never executable by a client role: only the service role, i.e. server-side code.
revoke all on function private.delete_user(uuid) from public, anon, authenticated;
grant execute on function private.delete_user(uuid) to service_role;
