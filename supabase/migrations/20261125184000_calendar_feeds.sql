-- Calendar feeds: an unguessable per-user URL token so calendar apps, which cannot send an
-- Authorization header, can subscribe to a user's interviews and follow-ups. Only a SHA-256 hash of
-- the token is stored; rotating it invalidates the old URL at once.

-- Section: tables
create table public.calendar_feeds (
  user_id uuid primary key references auth.users (id) on delete cascade,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default pg_catalog.now(),
  rotated_at timestamptz not null default pg_catalog.now()
);
comment on table public.calendar_feeds is 'One calendar feed per user: the SHA-256 hash of the secret token in the feed URL (the token itself is shown once, when issued).';
comment on column public.calendar_feeds.token_hash is 'Hex SHA-256 of the feed token; the token is never stored.';

-- Section: grants
revoke all on table public.calendar_feeds from anon, authenticated;
grant select, delete on table public.calendar_feeds to authenticated;

-- Section: row-level security
alter table public.calendar_feeds enable row level security;

create policy "Users can see whether they have a calendar feed"
  on public.calendar_feeds for select
  to authenticated
  using ((select auth.uid()) = user_id);

create policy "Users can turn off their calendar feed"
  on public.calendar_feeds for delete
  to authenticated
  using ((select auth.uid()) = user_id);

-- Section: functions
-- Definer so that only a server-generated random token can become a feed token.
create or replace function private.issue_calendar_token(user_id uuid)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  token text := pg_catalog.encode(extensions.gen_random_bytes(32), 'hex');
begin
  if issue_calendar_token.user_id is null or issue_calendar_token.user_id is distinct from (select auth.uid()) then
    raise exception 'sign in to manage your calendar feed' using errcode = '42501';
  end if;
  insert into public.calendar_feeds (user_id, token_hash)
  values (issue_calendar_token.user_id, pg_catalog.encode(extensions.digest(token, 'sha256'), 'hex'))
  on conflict on constraint calendar_feeds_pkey do update
    set token_hash = excluded.token_hash, rotated_at = pg_catalog.now();
  return token;
end;
$$;
comment on function private.issue_calendar_token(uuid) is 'Issues (or replaces) the caller''s calendar feed token and returns it; only its hash is kept.';
grant execute on function private.issue_calendar_token(uuid) to authenticated;

create or replace function public.rotate_calendar_token()
returns text
language sql
volatile
set search_path = ''
as $$
  select private.issue_calendar_token((select auth.uid()))
$$;
comment on function public.rotate_calendar_token() is 'Issues a new calendar feed token for the caller (the old feed URL stops working) and returns it once. Subscribe at /functions/v1/calendar?token=<token>.';
grant execute on function public.rotate_calendar_token() to authenticated;
