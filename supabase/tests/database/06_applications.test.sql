-- Applications and their timeline. An application is its owner's alone; its CV and letter must be the
-- same user's and made for the same posting (composite foreign keys), and its posting one they can see. Status and applied_at move
-- only through the transition function, never by a client write. The timeline is read-only to users.
begin;
\ir helpers.psql
select plan(64);

-- == setup (as postgres) ==
select tests.create_supabase_user('alice');
select tests.create_supabase_user('bob');

insert into public.jobs (id, owner_id, title, company) values
  ('c0000006-0000-4000-8000-000000000001', null, 'Shared posting', 'Shared Corp'),
  ('c0000006-0000-4000-8000-000000000002', null, 'Another shared posting', 'Other Corp'),
  ('c0000006-0000-4000-8000-000000000003', null, 'A third shared posting', 'Third Corp'),
  ('a0000006-0000-4000-8000-000000000001', tests.get_supabase_uid('alice'), 'Alice''s private posting', 'Alice Co'),
  ('b0000006-0000-4000-8000-000000000001', tests.get_supabase_uid('bob'), 'Bob''s private posting', 'Bob Co');

insert into public.generated_cvs (id, user_id, job_id, content) values
  ('a0000006-0000-4000-8000-000000000003', tests.get_supabase_uid('alice'), 'c0000006-0000-4000-8000-000000000001', '{}'),
  ('a0000006-0000-4000-8000-000000000013', tests.get_supabase_uid('alice'), 'c0000006-0000-4000-8000-000000000001', '{}'),
  ('b0000006-0000-4000-8000-000000000003', tests.get_supabase_uid('bob'), 'c0000006-0000-4000-8000-000000000001', '{}'),
  ('a0000006-0000-4000-8000-000000000023', tests.get_supabase_uid('alice'), 'c0000006-0000-4000-8000-000000000002', '{}'),
  ('b0000006-0000-4000-8000-000000000023', tests.get_supabase_uid('bob'), 'c0000006-0000-4000-8000-000000000003', '{}');

insert into public.cover_letters (id, user_id, job_id, body) values
  ('a0000006-0000-4000-8000-000000000004', tests.get_supabase_uid('alice'), 'c0000006-0000-4000-8000-000000000001', 'Dear Shared Corp (A)'),
  ('b0000006-0000-4000-8000-000000000004', tests.get_supabase_uid('bob'), 'c0000006-0000-4000-8000-000000000001', 'Dear Shared Corp (B)'),
  ('a0000006-0000-4000-8000-000000000024', tests.get_supabase_uid('alice'), 'c0000006-0000-4000-8000-000000000002', 'Dear Other Corp (A)'),
  ('b0000006-0000-4000-8000-000000000024', tests.get_supabase_uid('bob'), 'c0000006-0000-4000-8000-000000000003', 'Dear Third Corp (B)');

insert into public.applications (id, user_id, job_id, status, cv_id, cover_letter_id, applied_at, notes) values
  ('a0000006-0000-4000-8000-000000000005', tests.get_supabase_uid('alice'), 'c0000006-0000-4000-8000-000000000001', 'draft',
   'a0000006-0000-4000-8000-000000000003', 'a0000006-0000-4000-8000-000000000004', null, 'Referred by Sam'),
  ('a0000006-0000-4000-8000-000000000015', tests.get_supabase_uid('alice'), 'a0000006-0000-4000-8000-000000000001', 'draft',
   null, null, null, 'Maybe'),
  ('b0000006-0000-4000-8000-000000000005', tests.get_supabase_uid('bob'), 'c0000006-0000-4000-8000-000000000001', 'draft',
   'b0000006-0000-4000-8000-000000000003', null, null, null);

insert into public.application_events (id, application_id, user_id, kind, from_status, to_status, note) values
  ('a0000006-0000-4000-8000-000000000006', 'a0000006-0000-4000-8000-000000000005', tests.get_supabase_uid('alice'), 'status_change', null, 'draft', null),
  ('a0000006-0000-4000-8000-000000000016', 'a0000006-0000-4000-8000-000000000015', tests.get_supabase_uid('alice'), 'note', null, null, 'Ask about visa'),
  ('b0000006-0000-4000-8000-000000000006', 'b0000006-0000-4000-8000-000000000005', tests.get_supabase_uid('bob'), 'note', null, null, 'Bob''s note');

-- ===================== applications =====================

-- == as alice (owner) ==
select tests.authenticate_as('alice');

select results_eq(
  'select id from public.applications order by id',
  $$ values ('a0000006-0000-4000-8000-000000000005'::uuid), ('a0000006-0000-4000-8000-000000000015'::uuid) $$,
  'alice sees exactly her own applications'
);
select results_eq(
  $$ insert into public.applications (job_id, cv_id, cover_letter_id, notes)
     values ('c0000006-0000-4000-8000-000000000002', 'a0000006-0000-4000-8000-000000000023', 'a0000006-0000-4000-8000-000000000024', 'Dream job')
     returning user_id, status, applied_at, cv_id, notes $$,
  $$ values (tests.get_supabase_uid('alice'), 'draft'::public.application_status, null::timestamptz,
             'a0000006-0000-4000-8000-000000000023'::uuid, 'Dream job') $$,
  'alice can add an application with her own CV and letter; it starts as a draft'
);
select throws_ok(
  $$ insert into public.applications (job_id, status) values ('c0000006-0000-4000-8000-000000000002', 'offered') $$,
  '42501', null,
  'alice cannot set the status on insert'
);
select throws_ok(
  $$ insert into public.applications (job_id, applied_at) values ('c0000006-0000-4000-8000-000000000002', now()) $$,
  '42501', null,
  'alice cannot set applied_at on insert'
);
select throws_ok(
  $$ insert into public.applications (job_id) values ('c0000006-0000-4000-8000-000000000001') $$,
  '23505', null,
  'alice cannot apply twice to the same posting'
);
select throws_ok(
  $$ insert into public.applications (user_id, job_id) values (tests.get_supabase_uid('bob'), 'c0000006-0000-4000-8000-000000000002') $$,
  '42501', null,
  'alice cannot add an application in bob''s name'
);
select throws_ok(
  $$ insert into public.applications (job_id) values ('b0000006-0000-4000-8000-000000000001') $$,
  '23503', null,
  'alice cannot apply to bob''s private posting'
);
select throws_ok(
  $$ insert into public.applications (job_id, cv_id) values ('c0000006-0000-4000-8000-000000000003', 'b0000006-0000-4000-8000-000000000023') $$,
  '23503', null,
  'alice cannot attach bob''s CV, even one for the same posting (composite key (cv_id, user_id, job_id))'
);
select throws_ok(
  $$ insert into public.applications (job_id, cover_letter_id) values ('c0000006-0000-4000-8000-000000000003', 'b0000006-0000-4000-8000-000000000024') $$,
  '23503', null,
  'alice cannot attach bob''s cover letter, even one for the same posting (composite key (cover_letter_id, user_id, job_id))'
);
select throws_ok(
  $$ insert into public.applications (job_id, cv_id) values ('c0000006-0000-4000-8000-000000000003', 'a0000006-0000-4000-8000-000000000003') $$,
  '23503', null,
  'alice cannot attach her own CV made for another posting'
);
select throws_ok(
  $$ insert into public.applications (job_id, cover_letter_id) values ('c0000006-0000-4000-8000-000000000003', 'a0000006-0000-4000-8000-000000000004') $$,
  '23503', null,
  'alice cannot attach her own cover letter written for another posting'
);
select results_eq(
  $$ update public.applications set notes = 'Referred by Sam; call Friday', follow_up_at = '2030-01-15 09:00+00'
      where id = 'a0000006-0000-4000-8000-000000000005' returning notes, follow_up_at $$,
  $$ values ('Referred by Sam; call Friday', '2030-01-15 09:00+00'::timestamptz) $$,
  'alice can update her application''s notes and follow-up date'
);
select results_eq(
  $$ update public.applications set cv_id = 'a0000006-0000-4000-8000-000000000013'
      where id = 'a0000006-0000-4000-8000-000000000005' returning cv_id $$,
  $$ values ('a0000006-0000-4000-8000-000000000013'::uuid) $$,
  'alice can swap in another CV of her own for the same posting'
);
select throws_ok(
  $$ update public.applications set cv_id = 'a0000006-0000-4000-8000-000000000023' where id = 'a0000006-0000-4000-8000-000000000005' $$,
  '23503', null,
  'alice cannot swap in her CV made for another posting'
);
select throws_ok(
  $$ update public.applications set status = 'offered' where id = 'a0000006-0000-4000-8000-000000000005' $$,
  '42501', null,
  'alice cannot change the status directly'
);
select throws_ok(
  $$ update public.applications set applied_at = now() - interval '1 year' where id = 'a0000006-0000-4000-8000-000000000005' $$,
  '42501', null,
  'alice cannot set applied_at directly'
);
select throws_ok(
  $$ update public.applications set cv_id = 'b0000006-0000-4000-8000-000000000003' where id = 'a0000006-0000-4000-8000-000000000005' $$,
  '23503', null,
  'alice cannot point her application at bob''s CV'
);
select throws_ok(
  $$ update public.applications set cover_letter_id = 'b0000006-0000-4000-8000-000000000004' where id = 'a0000006-0000-4000-8000-000000000005' $$,
  '23503', null,
  'alice cannot point her application at bob''s cover letter'
);
select throws_ok(
  $$ update public.applications set job_id = 'b0000006-0000-4000-8000-000000000001' where id = 'a0000006-0000-4000-8000-000000000005' $$,
  '42501', null,
  'alice cannot re-point her application at another posting'
);
select throws_ok(
  $$ update public.applications set user_id = tests.get_supabase_uid('bob') where id = 'a0000006-0000-4000-8000-000000000005' $$,
  '42501', null,
  'alice cannot move her application to bob'
);
select throws_ok(
  $$ update public.applications set application_url = 'javascript:alert(1)' where id = 'a0000006-0000-4000-8000-000000000005' $$,
  '23514', null,
  'a javascript: application URL is rejected'
);
select throws_ok(
  $$ update public.applications set notes = repeat('x', 20001) where id = 'a0000006-0000-4000-8000-000000000005' $$,
  '23514', null,
  'notes longer than 20000 characters are rejected'
);
select throws_ok(
  $$ delete from public.generated_cvs where id = 'a0000006-0000-4000-8000-000000000013' $$,
  '23503', null,
  'a CV attached to an application cannot be deleted from under it'
);
select results_eq(
  $$ select status, applied_at, cv_id, cover_letter_id, notes, application_url
       from public.applications where id = 'a0000006-0000-4000-8000-000000000005' $$,
  $$ values ('draft'::public.application_status, null::timestamptz, 'a0000006-0000-4000-8000-000000000013'::uuid,
             'a0000006-0000-4000-8000-000000000004'::uuid, 'Referred by Sam; call Friday', null::text) $$,
  'rejected writes changed nothing'
);

-- == as bob (stranger) ==
select tests.authenticate_as('bob');

select results_eq(
  'select id from public.applications',
  $$ values ('b0000006-0000-4000-8000-000000000005'::uuid) $$,
  'bob sees only his own application'
);
select is_empty(
  $$ update public.applications set notes = 'hacked' where id = 'a0000006-0000-4000-8000-000000000005' returning 1 $$,
  'bob cannot update alice''s application'
);
select is_empty(
  $$ delete from public.applications where id = 'a0000006-0000-4000-8000-000000000005' returning 1 $$,
  'bob cannot delete alice''s application'
);
select throws_ok(
  $$ insert into public.applications (user_id, job_id) values (tests.get_supabase_uid('alice'), 'c0000006-0000-4000-8000-000000000002') $$,
  '42501', null,
  'bob cannot add an application in alice''s name'
);
select throws_ok(
  $$ insert into public.applications (job_id) values ('a0000006-0000-4000-8000-000000000001') $$,
  '23503', null,
  'bob cannot apply to alice''s private posting'
);
select throws_ok(
  $$ update public.applications set cv_id = 'a0000006-0000-4000-8000-000000000003' where id = 'b0000006-0000-4000-8000-000000000005' $$,
  '23503', null,
  'bob cannot point his application at alice''s CV'
);
select throws_ok(
  $$ insert into public.applications (job_id, cover_letter_id) values ('c0000006-0000-4000-8000-000000000002', 'a0000006-0000-4000-8000-000000000004') $$,
  '23503', null,
  'bob cannot attach alice''s cover letter'
);

-- == as anon ==
select tests.clear_authentication();

select throws_ok('select id from public.applications', '42501', null, 'anon cannot read applications');
select throws_ok(
  $$ insert into public.applications (user_id, job_id) values ('00000000-0000-4000-8000-000000000000', 'c0000006-0000-4000-8000-000000000001') $$,
  '42501', null,
  'anon cannot add applications'
);
select throws_ok($$ update public.applications set notes = 'anon' $$, '42501', null, 'anon cannot update applications');
select throws_ok('delete from public.applications', '42501', null, 'anon cannot delete applications');

-- ===================== application_events =====================

-- == as alice (owner) ==
select tests.authenticate_as('alice');

select results_eq(
  'select id from public.application_events order by id',
  $$ values ('a0000006-0000-4000-8000-000000000006'::uuid), ('a0000006-0000-4000-8000-000000000016'::uuid) $$,
  'alice sees exactly her own timeline'
);
select throws_ok(
  $$ insert into public.application_events (application_id, user_id, kind, to_status)
     values ('a0000006-0000-4000-8000-000000000005', tests.get_supabase_uid('alice'), 'status_change', 'accepted') $$,
  '42501', null,
  'alice cannot write her own timeline'
);
select throws_ok(
  $$ update public.application_events set note = 'rewritten' where id = 'a0000006-0000-4000-8000-000000000006' $$,
  '42501', null,
  'alice cannot rewrite her timeline'
);
select throws_ok(
  $$ delete from public.application_events where id = 'a0000006-0000-4000-8000-000000000006' $$,
  '42501', null,
  'alice cannot delete from her timeline'
);
select results_eq(
  $$ delete from public.applications where id = 'a0000006-0000-4000-8000-000000000015' returning notes $$,
  $$ values ('Maybe') $$,
  'alice can delete her application'
);
select is_empty(
  $$ select 1 from public.application_events where application_id = 'a0000006-0000-4000-8000-000000000015' $$,
  'deleting an application deletes its timeline'
);

-- == as bob (stranger) ==
select tests.authenticate_as('bob');

select results_eq(
  'select id from public.application_events',
  $$ values ('b0000006-0000-4000-8000-000000000006'::uuid) $$,
  'bob sees only his own timeline, none of alice''s'
);
select throws_ok(
  $$ insert into public.application_events (application_id, user_id, kind, note)
     values ('a0000006-0000-4000-8000-000000000005', tests.get_supabase_uid('bob'), 'note', 'planted') $$,
  '42501', null,
  'bob cannot write into alice''s timeline'
);
select throws_ok(
  $$ delete from public.application_events where id = 'a0000006-0000-4000-8000-000000000006' $$,
  '42501', null,
  'bob cannot delete alice''s events'
);

-- == as anon ==
select tests.clear_authentication();

select throws_ok('select id from public.application_events', '42501', null, 'anon cannot read timelines');
select throws_ok(
  $$ insert into public.application_events (application_id, user_id, kind, note)
     values ('a0000006-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000000', 'note', 'anon') $$,
  '42501', null,
  'anon cannot write timelines'
);
select throws_ok($$ update public.application_events set note = 'anon' $$, '42501', null, 'anon cannot rewrite timelines');
select throws_ok('delete from public.application_events', '42501', null, 'anon cannot delete events');

-- ===================== service_role (server-side jobs) =====================
select tests.authenticate_as_service_role();

select results_eq(
  $$ select id from public.applications
      where id in ('a0000006-0000-4000-8000-000000000005', 'b0000006-0000-4000-8000-000000000005') order by id $$,
  $$ values ('a0000006-0000-4000-8000-000000000005'::uuid), ('b0000006-0000-4000-8000-000000000005'::uuid) $$,
  'the service role sees every application'
);
select results_eq(
  $$ select count(*)::int from public.application_events
      where id in ('a0000006-0000-4000-8000-000000000006', 'b0000006-0000-4000-8000-000000000006') $$,
  $$ values (2) $$,
  'the service role sees every timeline'
);
select results_eq(
  $$ update public.applications set follow_up_at = '2030-02-01 09:00+00' where id = 'b0000006-0000-4000-8000-000000000005' returning follow_up_at $$,
  $$ values ('2030-02-01 09:00+00'::timestamptz) $$,
  'the service role can update any application'
);
select throws_ok(
  $$ insert into public.applications (user_id, job_id, cv_id)
     values (tests.get_supabase_uid('bob'), 'c0000006-0000-4000-8000-000000000002', 'a0000006-0000-4000-8000-000000000023') $$,
  '23503', null,
  'not even the service role can attach alice''s CV to bob''s application'
);
select throws_ok(
  $$ insert into public.applications (user_id, job_id) values (tests.get_supabase_uid('bob'), 'a0000006-0000-4000-8000-000000000001') $$,
  '23503', null,
  'not even the service role can file bob''s application against alice''s private posting'
);
select results_eq(
  $$ insert into public.applications (user_id, job_id, status) values (tests.get_supabase_uid('bob'), 'c0000006-0000-4000-8000-000000000002', 'draft')
     returning user_id, status $$,
  $$ values (tests.get_supabase_uid('bob'), 'draft'::public.application_status) $$,
  'the service role can add an application for a user'
);
select results_eq(
  $$ delete from public.applications where user_id = tests.get_supabase_uid('bob') and job_id = 'c0000006-0000-4000-8000-000000000002' returning status $$,
  $$ values ('draft'::public.application_status) $$,
  'the service role can delete any application'
);

-- == constraints hold for every writer, even a superuser script (as postgres) ==
select tests.act_as_postgres();

select throws_ok(
  $$ insert into public.application_events (application_id, user_id, kind, note)
     values ('a0000006-0000-4000-8000-000000000005', tests.get_supabase_uid('bob'), 'note', 'wrong user') $$,
  '23503', null,
  'an event belongs to the user of its application (composite key (application_id, user_id))'
);
select throws_ok(
  $$ insert into public.application_events (application_id, user_id, kind)
     values ('a0000006-0000-4000-8000-000000000005', tests.get_supabase_uid('alice'), 'status_change') $$,
  '23514', null,
  'a status change must name the new status'
);
select throws_ok(
  $$ insert into public.application_events (application_id, user_id, kind, to_status)
     values ('a0000006-0000-4000-8000-000000000005', tests.get_supabase_uid('alice'), 'note', 'offered') $$,
  '23514', null,
  'only a status change carries statuses'
);
select throws_ok(
  $$ insert into public.application_events (application_id, user_id, kind, details)
     values ('a0000006-0000-4000-8000-000000000005', tests.get_supabase_uid('alice'), 'interview', '["not an object"]') $$,
  '23514', null,
  'event details must be a JSON object'
);

-- == as bob: writes without a filter ==
-- With a WHERE clause, the select policy alone hides other users' rows; without one, only the
-- update and delete policies stand between bob and everyone's rows.
select tests.authenticate_as('bob');

select results_eq(
  $$ with touched as (update public.applications set notes = 'Blind write' returning 1) select count(*)::int from touched $$,
  $$ values (1) $$,
  'an update without a filter touches only bob''s own application'
);
select results_eq(
  $$ with gone as (delete from public.applications returning 1) select count(*)::int from gone $$,
  $$ values (1) $$,
  'a delete without a filter deletes only bob''s own application'
);

-- == afterwards (as postgres) ==
select tests.act_as_postgres();

select results_eq(
  $$ select notes, cv_id, status from public.applications where id = 'a0000006-0000-4000-8000-000000000005' $$,
  $$ values ('Referred by Sam; call Friday', 'a0000006-0000-4000-8000-000000000013'::uuid, 'draft'::public.application_status) $$,
  'alice''s application carries only her own changes'
);
select results_eq(
  $$ select array_agg(kind::text order by occurred_at, kind::text) from public.application_events
      where application_id = 'a0000006-0000-4000-8000-000000000005' $$,
  $$ values (array['status_change']) $$,
  'alice''s timeline still holds exactly its one event'
);
select results_eq(
  $$ select count(*)::int from public.application_events
      where user_id in (tests.get_supabase_uid('alice'), tests.get_supabase_uid('bob')) $$,
  $$ values (1) $$,
  'no event was planted along the way; only the deleted applications'' went'
);

select * from finish();
rollback;
