-- The application pipeline as a guarantee: legal status transitions in one table, one function that
-- moves an application and writes its timeline in the same transaction, a trigger that rejects any
-- other way of changing status, and functions for the other timeline entries.
--
-- Error codes (SQLSTATE) callers can rely on; PostgREST turns PTxyz into HTTP xyz:
--   PT409  illegal transition ("illegal transition from applied to accepted"), or the application is
--          no longer in the status the caller expected (a concurrent change won)
--   P0002  application not found (missing or not the caller's)
--   22023  invalid argument (a time in the future, an unknown time zone)
--   42501  status changed outside transition_application

-- Section: types
create type public.interview_kind as enum ('phone', 'video', 'onsite', 'take_home');
comment on type public.interview_kind is 'How an interview takes place.';

-- Section: tables
create table public.application_status_transitions (
  from_status public.application_status not null,
  to_status public.application_status not null,
  primary key (from_status, to_status),
  constraint application_status_transitions_distinct_check check (from_status <> to_status)
);
comment on table public.application_status_transitions is 'The application state machine: every legal (from, to) status move. Anything not listed is refused.';

insert into public.application_status_transitions (from_status, to_status) values
  ('draft', 'applied'),
  ('draft', 'withdrawn'),
  ('applied', 'interviewing'),
  ('applied', 'rejected'),
  ('applied', 'withdrawn'),
  ('interviewing', 'offered'),
  ('interviewing', 'rejected'),
  ('interviewing', 'withdrawn'),
  ('offered', 'accepted'),
  ('offered', 'declined'),
  ('offered', 'rejected'),
  ('offered', 'withdrawn');

alter table public.profiles
  add column follow_up_days smallint not null default 7 check (follow_up_days between 1 and 90);
comment on column public.profiles.follow_up_days is 'Days after applying when a follow-up is proposed (applications.follow_up_at).';
grant update (follow_up_days) on table public.profiles to authenticated;

-- Section: grants
revoke all on table public.application_status_transitions from anon, authenticated;
grant select on table public.application_status_transitions to authenticated;

-- Section: row-level security
alter table public.application_status_transitions enable row level security;

create policy "Signed-in users can read the state machine"
  on public.application_status_transitions for select
  to authenticated
  using (true);

-- Section: internal functions
-- Definer helpers: they write what users may not write directly (status, the timeline). Each
-- re-checks that the application belongs to the caller, whoever calls it.
create or replace function private.append_application_event(
  application_id uuid,
  kind public.application_event_kind,
  note text,
  details jsonb,
  occurred_at timestamptz,
  from_status public.application_status default null,
  to_status public.application_status default null
)
returns public.application_events
language plpgsql
security definer
set search_path = ''
as $$
declare
  owner_id uuid;
  event public.application_events;
begin
  select a.user_id into owner_id from public.applications a where a.id = append_application_event.application_id;
  if owner_id is null or (owner_id is distinct from (select auth.uid()) and (select auth.role()) is distinct from 'service_role') then
    raise exception 'application % not found', append_application_event.application_id using errcode = 'P0002';
  end if;
  insert into public.application_events (application_id, user_id, kind, from_status, to_status, note, details, occurred_at)
  values (
    append_application_event.application_id, owner_id, append_application_event.kind,
    append_application_event.from_status, append_application_event.to_status,
    append_application_event.note, coalesce(append_application_event.details, '{}'),
    append_application_event.occurred_at
  )
  returning * into event;
  return event;
end;
$$;
comment on function private.append_application_event(uuid, public.application_event_kind, text, jsonb, timestamptz, public.application_status, public.application_status) is 'Appends a timeline entry for an application of the caller (or for the service role). The only way events are written.';

create or replace function private.apply_status_change(
  application_id uuid,
  to_status public.application_status,
  note text,
  occurred_at timestamptz
)
returns public.applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  application public.applications;
  follow_up_days smallint;
begin
  select * into application from public.applications a where a.id = apply_status_change.application_id for update;
  if application.id is null
    or (application.user_id is distinct from (select auth.uid()) and (select auth.role()) is distinct from 'service_role') then
    raise exception 'application % not found', apply_status_change.application_id using errcode = 'P0002';
  end if;
  select p.follow_up_days into follow_up_days from public.profiles p where p.id = application.user_id;

  -- The status and its timeline entry are written together, so no path changes one without the other.
  perform private.append_application_event(
    application.id, 'status_change', apply_status_change.note, '{}', apply_status_change.occurred_at,
    application.status, apply_status_change.to_status
  );
  -- Tells the guard trigger this change comes from the state machine.
  perform pg_catalog.set_config('jobtrail.status_change', application.id::text, true);
  update public.applications a
     set status = apply_status_change.to_status,
         applied_at = case when apply_status_change.to_status = 'applied' then coalesce(a.applied_at, apply_status_change.occurred_at) else a.applied_at end,
         follow_up_at = case
           when apply_status_change.to_status = 'applied'
             then apply_status_change.occurred_at + pg_catalog.make_interval(days => coalesce(follow_up_days, 7))
           when apply_status_change.to_status in ('accepted', 'declined', 'rejected', 'withdrawn') then null
           else a.follow_up_at
         end
   where a.id = application.id
   returning * into application;
  perform pg_catalog.set_config('jobtrail.status_change', '', true);
  return application;
end;
$$;
comment on function private.apply_status_change(uuid, public.application_status, text, timestamptz) is 'Writes a status change, its timeline event and its side columns (applied_at; follow_up_at proposed on applying, cleared when closed). Called by transition_application only; the guard trigger still refuses an illegal move.';

grant execute on function
  private.append_application_event(uuid, public.application_event_kind, text, jsonb, timestamptz, public.application_status, public.application_status),
  private.apply_status_change(uuid, public.application_status, text, timestamptz)
to authenticated, service_role;

-- Section: API functions
create or replace function public.transition_application(
  application_id uuid,
  to_status public.application_status,
  note text default null,
  occurred_at timestamptz default pg_catalog.now(),
  expected_status public.application_status default null
)
returns public.applications
language plpgsql
set search_path = ''
as $$
declare
  application public.applications;
begin
  if transition_application.occurred_at > pg_catalog.now() + interval '5 minutes' then
    raise exception 'occurred_at % is in the future', transition_application.occurred_at using errcode = '22023';
  end if;
  -- RLS applies: another user's application is simply not found. The row lock serialises
  -- concurrent transitions of the same application.
  select * into application from public.applications a where a.id = transition_application.application_id for update;
  if application.id is null then
    raise exception 'application % not found', transition_application.application_id using errcode = 'P0002';
  end if;
  if transition_application.expected_status is not null and application.status <> transition_application.expected_status then
    raise exception 'application is %, not %: it changed in the meantime', application.status, transition_application.expected_status
      using errcode = 'PT409', detail = pg_catalog.json_build_object('reason', 'stale_status', 'current_status', application.status)::text;
  end if;
  if not exists (
    select from public.application_status_transitions t
    where t.from_status = application.status and t.to_status = transition_application.to_status
  ) then
    raise exception 'illegal transition from % to %', application.status, transition_application.to_status
      using errcode = 'PT409',
            detail = pg_catalog.json_build_object('reason', 'illegal_transition', 'from', application.status, 'to', transition_application.to_status)::text,
            hint = 'Legal moves are listed in application_status_transitions.';
  end if;

  return private.apply_status_change(
    application.id, transition_application.to_status, transition_application.note, transition_application.occurred_at
  );
end;
$$;
comment on function public.transition_application(uuid, public.application_status, text, timestamptz, public.application_status) is
  'Moves an application to another status and appends the status_change event, in one transaction. Pass expected_status (the status the client shows) so two concurrent moves cannot both win. Errors: PT409 illegal or stale transition, P0002 not found, 22023 time in the future.';

create or replace function public.add_application_note(
  application_id uuid,
  note text,
  occurred_at timestamptz default pg_catalog.now()
)
returns public.application_events
language plpgsql
set search_path = ''
as $$
begin
  if pg_catalog.btrim(coalesce(add_application_note.note, '')) = '' then
    raise exception 'a note needs text' using errcode = '22023';
  end if;
  if not exists (select from public.applications a where a.id = add_application_note.application_id) then
    raise exception 'application % not found', add_application_note.application_id using errcode = 'P0002';
  end if;
  return private.append_application_event(add_application_note.application_id, 'note', add_application_note.note, '{}', add_application_note.occurred_at);
end;
$$;
comment on function public.add_application_note(uuid, text, timestamptz) is 'Adds a note to an application''s timeline. Notes are never edited; a correction is a new note.';

create or replace function public.schedule_interview(
  application_id uuid,
  scheduled_at timestamptz,
  time_zone text,
  kind public.interview_kind,
  location text default null,
  with_whom text default null,
  duration_minutes integer default 60,
  note text default null
)
returns public.application_events
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select from pg_catalog.pg_timezone_names z where z.name = schedule_interview.time_zone) then
    raise exception 'unknown time zone %', schedule_interview.time_zone using errcode = '22023', hint = 'Use an IANA name such as Europe/Berlin.';
  end if;
  if schedule_interview.duration_minutes not between 5 and 600 then
    raise exception 'duration_minutes must be between 5 and 600' using errcode = '22023';
  end if;
  if pg_catalog.length(schedule_interview.location) > 500 or pg_catalog.length(schedule_interview.with_whom) > 500 then
    raise exception 'location and with_whom are limited to 500 characters' using errcode = '22023';
  end if;
  if not exists (select from public.applications a where a.id = schedule_interview.application_id) then
    raise exception 'application % not found', schedule_interview.application_id using errcode = 'P0002';
  end if;
  return private.append_application_event(
    schedule_interview.application_id, 'interview', schedule_interview.note,
    pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'scheduled_at', schedule_interview.scheduled_at,
      'time_zone', schedule_interview.time_zone,
      'kind', schedule_interview.kind,
      'location', schedule_interview.location,
      'with', schedule_interview.with_whom,
      'duration_minutes', schedule_interview.duration_minutes
    )),
    pg_catalog.now()
  );
end;
$$;
comment on function public.schedule_interview(uuid, timestamptz, text, public.interview_kind, text, text, integer, text) is 'Adds an interview (when, IANA time zone, kind, where or link, with whom) to an application''s timeline. A changed interview is a new entry.';

create or replace function public.record_follow_up(
  application_id uuid,
  note text default null,
  occurred_at timestamptz default pg_catalog.now(),
  next_follow_up_at timestamptz default null
)
returns public.application_events
language plpgsql
set search_path = ''
as $$
declare
  event public.application_events;
begin
  if not exists (select from public.applications a where a.id = record_follow_up.application_id) then
    raise exception 'application % not found', record_follow_up.application_id using errcode = 'P0002';
  end if;
  event := private.append_application_event(
    record_follow_up.application_id, 'follow_up', record_follow_up.note,
    pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('next_follow_up_at', record_follow_up.next_follow_up_at)),
    record_follow_up.occurred_at
  );
  update public.applications a set follow_up_at = record_follow_up.next_follow_up_at where a.id = record_follow_up.application_id;
  return event;
end;
$$;
comment on function public.record_follow_up(uuid, text, timestamptz, timestamptz) is 'Records that the user followed up, and sets (or clears) the next follow-up date.';

grant execute on function
  public.transition_application(uuid, public.application_status, text, timestamptz, public.application_status),
  public.add_application_note(uuid, text, timestamptz),
  public.schedule_interview(uuid, timestamptz, text, public.interview_kind, text, text, integer, text),
  public.record_follow_up(uuid, text, timestamptz, timestamptz)
to authenticated;

-- Section: triggers
-- Whatever path tries it (PostgREST, the service role, a superuser script), a status change must
-- come through apply_status_change and be a legal move.
create or replace function private.trigger_guard_status_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    if pg_catalog.current_setting('jobtrail.status_change', true) is distinct from old.id::text then
      raise exception 'status changes only through transition_application'
        using errcode = '42501', hint = 'Call transition_application(application_id, to_status).';
    end if;
    if not exists (
      select from public.application_status_transitions t where t.from_status = old.status and t.to_status = new.status
    ) then
      raise exception 'illegal transition from % to %', old.status, new.status using errcode = 'PT409';
    end if;
  end if;
  return new;
end;
$$;
comment on function private.trigger_guard_status_change() is 'Rejects a status change made outside transition_application (42501) or not listed in the state machine (PT409).';

create trigger applications_guard_status_change
  before update of status on public.applications
  for each row execute function private.trigger_guard_status_change();

-- New applications start as drafts unless a trusted writer (seed, import) backfills history.
create or replace function private.trigger_guard_initial_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status <> 'draft' and (select auth.role()) in ('authenticated', 'anon') then
    raise exception 'new applications start as draft' using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function private.trigger_guard_initial_status() is 'Users create applications as drafts; history backfills need the service role.';

create trigger applications_guard_initial_status
  before insert on public.applications
  for each row execute function private.trigger_guard_initial_status();
