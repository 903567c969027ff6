-- The timeline beyond status changes: notes, interviews and follow-ups are added through functions
-- and never edited or deleted by users.
begin;
\ir helpers.psql
select plan(14);

select tests.create_supabase_user('seeker');
select tests.create_supabase_user('stranger');
insert into public.jobs (id, owner_id, source, external_id, title, company)
values ('00000000-0000-4000-8000-0000000000a1', null, 'timeline-test', 'a1', 'Platform Engineer', 'Timeline GmbH');
insert into public.applications (id, user_id, job_id, status)
values ('00000000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('seeker'), '00000000-0000-4000-8000-0000000000a1', 'applied');

select tests.authenticate_as('seeker');
select is(
  (select kind::text from public.add_application_note('00000000-0000-4000-8000-0000000000b1', 'Sent a thank-you email')),
  'note',
  'a user can add a note to their application'
);
select is(
  (select details from public.schedule_interview('00000000-0000-4000-8000-0000000000b1', '2026-12-01 10:00:00+01', 'Europe/Berlin', 'video', 'https://meet.example.com/x', 'CTO', 45)),
  '{"kind": "video", "with": "CTO", "location": "https://meet.example.com/x", "time_zone": "Europe/Berlin", "scheduled_at": "2026-12-01T09:00:00+00:00", "duration_minutes": 45}'::jsonb,
  'an interview records when (as an instant), the time zone, kind, place and people'
);
select throws_ok(
  $$ select public.schedule_interview('00000000-0000-4000-8000-0000000000b1', now(), 'Mars/Olympus', 'phone') $$,
  '22023', 'unknown time zone Mars/Olympus',
  'an unknown time zone is refused'
);
select is(
  (select kind::text from public.record_follow_up('00000000-0000-4000-8000-0000000000b1', 'Pinged the recruiter', next_follow_up_at => '2026-12-10 09:00+00')),
  'follow_up',
  'a user can record a follow-up'
);
select is(
  (select follow_up_at from public.applications where id = '00000000-0000-4000-8000-0000000000b1'),
  '2026-12-10 09:00+00'::timestamptz,
  'recording a follow-up sets the next follow-up date'
);
select is(
  (select count(*)::int from public.application_events where application_id = '00000000-0000-4000-8000-0000000000b1'),
  3,
  'the owner sees the three entries'
);
select throws_ok(
  $$ update public.application_events set note = 'rewritten' where application_id = '00000000-0000-4000-8000-0000000000b1' $$,
  '42501', null,
  'users cannot edit timeline entries'
);
select throws_ok(
  $$ delete from public.application_events where application_id = '00000000-0000-4000-8000-0000000000b1' $$,
  '42501', null,
  'users cannot delete timeline entries'
);
select throws_ok(
  $$ insert into public.application_events (application_id, user_id, kind, note) values ('00000000-0000-4000-8000-0000000000b1', auth.uid(), 'note', 'forged') $$,
  '42501', null,
  'users cannot write timeline entries directly'
);

select tests.authenticate_as('stranger');
select throws_ok(
  $$ select public.add_application_note('00000000-0000-4000-8000-0000000000b1', 'snooping') $$,
  'P0002', null,
  'a stranger cannot add notes to someone else''s application'
);
select is_empty(
  $$ select * from public.application_events where application_id = '00000000-0000-4000-8000-0000000000b1' $$,
  'a stranger sees none of the timeline'
);
select throws_ok(
  $$ select private.append_application_event('00000000-0000-4000-8000-0000000000b1', 'note', 'forged', '{}', now()) $$,
  'P0002', null,
  'the internal writer re-checks ownership too'
);

-- The internal writer of status changes cannot be used to skip the timeline or the state machine.
select tests.authenticate_as('seeker');
select private.apply_status_change('00000000-0000-4000-8000-0000000000b1', 'interviewing', 'straight to interviewing', now());
select is(
  (select count(*)::int from public.application_events
    where application_id = '00000000-0000-4000-8000-0000000000b1' and kind = 'status_change' and to_status = 'interviewing'),
  1,
  'a status change through the internal writer still writes its timeline entry'
);
select throws_ok(
  $$ select private.apply_status_change('00000000-0000-4000-8000-0000000000b1', 'accepted', null, now()) $$,
  'PT409', 'illegal transition from interviewing to accepted',
  'and still cannot make an illegal move'
);

select * from finish();
rollback;
