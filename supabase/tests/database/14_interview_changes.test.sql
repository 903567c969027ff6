-- Moving and cancelling an interview: each change is a new event that replaces the latest one of
-- its series; interview_schedule shows every series once, as it stands, with its number of changes.
begin;
\ir helpers.psql
select plan(16);

select tests.create_supabase_user('seeker');
select tests.create_supabase_user('stranger');
insert into public.jobs (id, owner_id, source, external_id, title, company)
values ('00000000-0000-4000-8000-0000000014a1', null, 'interview-test', 'a1', 'Data Engineer', 'Interview AB');
insert into public.applications (id, user_id, job_id, status)
values ('00000000-0000-4000-8000-0000000014b1', tests.get_supabase_uid('seeker'), '00000000-0000-4000-8000-0000000014a1', 'interviewing');

select tests.authenticate_as('seeker');
create temporary table ids (name text primary key, id uuid) on commit drop;
grant all on ids to authenticated;
insert into ids select 'first', id from public.schedule_interview('00000000-0000-4000-8000-0000000014b1',
  '2026-12-01 10:00+01', 'Europe/Berlin', 'video', 'https://meet.example.com/a', 'Lena (lead)', 45);
insert into ids select 'other', id from public.schedule_interview('00000000-0000-4000-8000-0000000014b1',
  '2026-12-08 14:00+01', 'Europe/Berlin', 'onsite', 'Sveavägen 1, Stockholm');

select results_eq(
  $$ select series_id, event_id, changes, is_cancelled from public.interview_schedule where series_id = (select id from ids where name = 'first') $$,
  $$ select id, id, 0, false from ids where name = 'first' $$,
  'a new interview is its own series, unchanged'
);

insert into ids select 'second', id from public.reschedule_interview((select id from ids where name = 'first'), '2026-12-02 11:30+01');
select results_eq(
  $$ select event_id, scheduled_at, time_zone, kind::text, location, with_whom, duration_minutes, changes
     from public.interview_schedule where series_id = (select id from ids where name = 'first') $$,
  $$ select (select id from ids where name = 'second'), '2026-12-02 10:30+00'::timestamptz, 'Europe/Berlin', 'video',
            'https://meet.example.com/a', 'Lena (lead)', 45, 1 $$,
  'rescheduling moves the series to the new time and keeps what was not given'
);
select is(
  (select count(*)::integer from public.interview_schedule),
  2,
  'the schedule shows each series once: the replaced version is gone from it'
);
select is(
  (select count(*)::integer from public.application_events where kind = 'interview'),
  3,
  'the timeline keeps every version (events are never edited)'
);
select is(
  (select details ->> 'replaces' from public.application_events where id = (select id from ids where name = 'second')),
  (select id::text from ids where name = 'first'),
  'the new event names the one it replaces'
);
select throws_ok(
  $$ select public.reschedule_interview((select id from ids where name = 'first'), '2026-12-03 09:00+01') $$,
  'PT409', null,
  'an interview that was changed since cannot be changed again (HTTP 409): only its latest version'
);

insert into ids select 'third', id from public.reschedule_interview((select id from ids where name = 'second'), '2026-12-04 09:00+01',
  time_zone => 'Europe/Stockholm', kind => 'phone', duration_minutes => 30, note => 'Moved at their request');
select results_eq(
  $$ select time_zone, kind::text, duration_minutes, note, changes from public.interview_schedule
     where series_id = (select id from ids where name = 'first') $$,
  $$ values ('Europe/Stockholm', 'phone', 30, 'Moved at their request', 2) $$,
  'a second change counts as the second, and may change zone, kind, length and note'
);
select throws_ok(
  $$ select public.reschedule_interview((select id from ids where name = 'third'), now(), 'Mars/Olympus') $$,
  '22023', 'unknown time zone Mars/Olympus',
  'a reschedule is checked like a new interview'
);

insert into ids select 'cancelled', id from public.cancel_interview((select id from ids where name = 'other'), 'Position filled');
select results_eq(
  $$ select is_cancelled, changes, scheduled_at, kind::text from public.interview_schedule where series_id = (select id from ids where name = 'other') $$,
  $$ values (true, 1, '2026-12-08 13:00+00'::timestamptz, 'onsite') $$,
  'a cancelled interview stays in the schedule, marked cancelled, with its time'
);
select throws_ok(
  $$ select public.reschedule_interview((select id from ids where name = 'cancelled'), now()) $$,
  'PT409', null,
  'a cancelled interview cannot be moved'
);
select throws_ok(
  $$ select public.cancel_interview((select id from public.application_events where kind = 'note' limit 1)) $$,
  'P0002', null,
  'only interview events can be changed'
);

-- Two devices change the same interview at once: the unique successor index lets one win.
select tests.act_as_postgres();
select throws_ok(
  $$ insert into public.application_events (application_id, user_id, kind, details)
     select '00000000-0000-4000-8000-0000000014b1', tests.get_supabase_uid('seeker'), 'interview',
            jsonb_build_object('scheduled_at', now(), 'replaces', (select id from ids where name = 'second'), 'series', (select id from ids where name = 'first')) $$,
  '23505', null,
  'an interview can have one successor only, even for a write that skips the functions'
);

select tests.authenticate_as('stranger');
select is(
  (select count(*)::integer from public.interview_schedule),
  0,
  'another user sees none of the seeker''s interviews'
);
select throws_ok(
  $$ select public.reschedule_interview((select id from ids where name = 'third'), now()) $$,
  'P0002', null,
  'another user cannot move the seeker''s interview (it does not exist for them)'
);
select throws_ok(
  $$ select public.cancel_interview((select id from ids where name = 'third')) $$,
  'P0002', null,
  'another user cannot cancel it either'
);

select tests.authenticate_as('seeker');
select is(
  (select count(*)::integer from public.application_events where kind = 'interview'),
  5,
  'after all that, the seeker''s timeline holds five interview events: two series, three changes'
);

select * from finish();
rollback;
