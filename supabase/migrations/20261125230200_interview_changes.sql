-- Rescheduling and cancelling interviews. Timeline events are never edited, so a change is a new
-- interview event naming the one it replaces (details.replaces) and its series (details.series: the
-- first event's id); a cancellation is such an event marked cancelled. interview_schedule shows each
-- series once, as its latest event, with the number of changes: the calendar feed publishes it under
-- the series' UID with that SEQUENCE, so calendar apps move or cancel the entry they already have
-- instead of showing the old time next to the new one.

-- Section: indexes
-- One successor per interview: two devices changing the same interview at once cannot both win
-- (the second gets 23505, HTTP 409). Also finds whether an interview is still the latest.
create unique index application_events_replaces_key on public.application_events ((details ->> 'replaces'))
  where kind = 'interview' and details ? 'replaces';
create index application_events_series_idx on public.application_events ((details ->> 'series'))
  where kind = 'interview' and details ? 'series';

-- Section: views
create view public.interview_schedule
with (security_invoker = true)
as
select
  coalesce((e.details ->> 'series')::uuid, e.id) as series_id,
  e.id as event_id,
  e.application_id,
  e.user_id,
  (e.details ->> 'scheduled_at')::timestamptz as scheduled_at,
  e.details ->> 'time_zone' as time_zone,
  (e.details ->> 'kind')::public.interview_kind as kind,
  e.details ->> 'location' as location,
  e.details ->> 'with' as with_whom,
  coalesce((e.details ->> 'duration_minutes')::integer, 60) as duration_minutes,
  e.note,
  coalesce((e.details ->> 'cancelled')::boolean, false) as is_cancelled,
  (
    select pg_catalog.count(*)::integer
    from public.application_events c
    where c.kind = 'interview' and c.details ? 'series' and c.details ->> 'series' = coalesce(e.details ->> 'series', e.id::text)
  ) as changes,
  e.created_at as changed_at
from public.application_events e
where e.kind = 'interview'
  and not exists (
    select from public.application_events n
    where n.kind = 'interview' and n.details ? 'replaces' and n.details ->> 'replaces' = e.id::text
  );
comment on view public.interview_schedule is 'The caller''s interviews as they stand: one row per interview series (its latest event), with how many times it was changed and whether it was cancelled. Read under the caller''s RLS.';
comment on column public.interview_schedule.series_id is 'The first event of the series: stable across reschedules (the calendar UID).';
comment on column public.interview_schedule.event_id is 'The latest event of the series: what reschedule_interview and cancel_interview take.';
comment on column public.interview_schedule.changes is 'How many times the interview was rescheduled or cancelled (the calendar SEQUENCE).';

revoke all on public.interview_schedule from anon;
grant select on public.interview_schedule to authenticated, service_role;

-- Section: functions
-- What an interview event stores, checked: one definition for scheduling and rescheduling.
create or replace function private.interview_details(
  scheduled_at timestamptz,
  time_zone text,
  kind public.interview_kind,
  location text,
  with_whom text,
  duration_minutes integer
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
  if interview_details.scheduled_at is null or interview_details.kind is null then
    raise exception 'an interview needs a time and a kind' using errcode = '22023';
  end if;
  if not exists (select from pg_catalog.pg_timezone_names z where z.name = interview_details.time_zone) then
    raise exception 'unknown time zone %', interview_details.time_zone using errcode = '22023', hint = 'Use an IANA name such as Europe/Berlin.';
  end if;
  if interview_details.duration_minutes not between 5 and 600 then
    raise exception 'duration_minutes must be between 5 and 600' using errcode = '22023';
  end if;
  if pg_catalog.length(interview_details.location) > 500 or pg_catalog.length(interview_details.with_whom) > 500 then
    raise exception 'location and with_whom are limited to 500 characters' using errcode = '22023';
  end if;
  return pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'scheduled_at', interview_details.scheduled_at,
    'time_zone', interview_details.time_zone,
    'kind', interview_details.kind,
    'location', interview_details.location,
    'with', interview_details.with_whom,
    'duration_minutes', interview_details.duration_minutes
  ));
end;
$$;
comment on function private.interview_details(timestamptz, text, public.interview_kind, text, text, integer) is 'The details of an interview event, validated: known IANA time zone, 5-600 minutes, location and with_whom up to 500 characters.';

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
declare
  details jsonb := private.interview_details(schedule_interview.scheduled_at, schedule_interview.time_zone,
    schedule_interview.kind, schedule_interview.location, schedule_interview.with_whom, schedule_interview.duration_minutes);
begin
  if not exists (select from public.applications a where a.id = schedule_interview.application_id) then
    raise exception 'application % not found', schedule_interview.application_id using errcode = 'P0002';
  end if;
  return private.append_application_event(schedule_interview.application_id, 'interview', schedule_interview.note, details,
    pg_catalog.now());
end;
$$;
comment on function public.schedule_interview(uuid, timestamptz, text, public.interview_kind, text, text, integer, text) is 'Adds an interview (when, IANA time zone, kind, where or link, with whom) to an application''s timeline. To move or cancel it later, use reschedule_interview or cancel_interview with the returned event''s id.';

-- The interview a change applies to: the caller's (RLS decides), an interview, and its latest version
-- (the one interview_schedule shows).
create or replace function private.latest_interview(interview_id uuid)
returns public.application_events
language plpgsql
stable
set search_path = ''
as $$
declare
  event public.application_events;
begin
  select e.* into event
  from public.application_events e
  where e.id = latest_interview.interview_id and e.kind = 'interview';
  if not found then
    raise exception 'interview % not found', latest_interview.interview_id using errcode = 'P0002';
  end if;
  if event.details ? 'cancelled' then
    raise exception 'interview % was cancelled', latest_interview.interview_id
      using errcode = 'PT409', hint = 'Schedule a new interview instead.';
  end if;
  if not exists (select from public.interview_schedule s where s.event_id = event.id) then
    raise exception 'interview % was changed since', latest_interview.interview_id
      using errcode = 'PT409', hint = 'Change its latest version (interview_schedule.event_id).';
  end if;
  return event;
end;
$$;
comment on function private.latest_interview(uuid) is 'The caller''s interview event by id, if it is the latest version of its series and not cancelled; P0002 when not found, PT409 when changed since or cancelled.';

create or replace function public.reschedule_interview(
  interview_id uuid,
  scheduled_at timestamptz,
  time_zone text default null,
  kind public.interview_kind default null,
  location text default null,
  with_whom text default null,
  duration_minutes integer default null,
  note text default null
)
returns public.application_events
language plpgsql
set search_path = ''
as $$
declare
  previous public.application_events := private.latest_interview(reschedule_interview.interview_id);
  details jsonb;
begin
  -- What is not given stays as it was.
  details := private.interview_details(
    reschedule_interview.scheduled_at,
    coalesce(reschedule_interview.time_zone, previous.details ->> 'time_zone'),
    coalesce(reschedule_interview.kind, (previous.details ->> 'kind')::public.interview_kind),
    coalesce(reschedule_interview.location, previous.details ->> 'location'),
    coalesce(reschedule_interview.with_whom, previous.details ->> 'with'),
    coalesce(reschedule_interview.duration_minutes, (previous.details ->> 'duration_minutes')::integer, 60)
  ) || pg_catalog.jsonb_build_object(
    'replaces', previous.id,
    'series', coalesce(previous.details ->> 'series', previous.id::text)
  );
  return private.append_application_event(previous.application_id, 'interview', reschedule_interview.note, details,
    pg_catalog.now());
end;
$$;
comment on function public.reschedule_interview(uuid, timestamptz, text, public.interview_kind, text, text, integer, text) is 'Moves an interview (or changes its zone, kind, place, people or length; what is not given stays): a new timeline event that replaces the given one, which must be the latest version of its series (PT409 otherwise, HTTP 409).';

create or replace function public.cancel_interview(interview_id uuid, note text default null)
returns public.application_events
language plpgsql
set search_path = ''
as $$
declare
  previous public.application_events := private.latest_interview(cancel_interview.interview_id);
begin
  return private.append_application_event(previous.application_id, 'interview', cancel_interview.note,
    previous.details - 'replaces' || pg_catalog.jsonb_build_object(
      'replaces', previous.id,
      'series', coalesce(previous.details ->> 'series', previous.id::text),
      'cancelled', true
    ),
    pg_catalog.now());
end;
$$;
comment on function public.cancel_interview(uuid, text) is 'Cancels an interview: a new timeline event, marked cancelled, that replaces the given one (its latest version; PT409 otherwise). Calendar feeds then show it as cancelled.';

grant execute on function
  private.interview_details(timestamptz, text, public.interview_kind, text, text, integer),
  private.latest_interview(uuid)
to authenticated, service_role;
grant execute on function
  public.reschedule_interview(uuid, timestamptz, text, public.interview_kind, text, text, integer, text),
  public.cancel_interview(uuid, text)
to authenticated;
