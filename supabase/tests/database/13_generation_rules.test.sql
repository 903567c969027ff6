-- Generated documents: a daily quota per user, and documents frozen once an application is sent.
begin;
\ir helpers.psql
select plan(8);

select tests.create_supabase_user('writer');
select tests.create_supabase_user('other_writer');
select tests.get_supabase_uid('writer') as uid \gset
update private.settings set value = '3' where key = 'generation_daily_limit';

insert into public.jobs (id, owner_id, source, external_id, title, company)
values ('00000000-0000-4000-8000-00000000e001', null, 'rules-test', 'e1', 'Data Engineer', 'Quota AG');

select tests.authenticate_as('writer');
insert into public.generated_cvs (job_id, content, generator) values
  ('00000000-0000-4000-8000-00000000e001', '{}', 'deterministic'),
  ('00000000-0000-4000-8000-00000000e001', '{}', 'llm');
insert into public.cover_letters (job_id, body, generator)
values ('00000000-0000-4000-8000-00000000e001', 'Dear team,', 'deterministic');

select throws_ok(
  $$ insert into public.generated_cvs (job_id, content, generator) values ('00000000-0000-4000-8000-00000000e001', '{}', 'deterministic') $$,
  'PT429', 'daily generation quota of 3 reached',
  'the fourth generation of the day is refused'
);
select ok(
  (select count(*) = 2 from public.generated_cvs where user_id = auth.uid()),
  'the refused generation left nothing behind'
);
select lives_ok(
  $$ insert into public.generated_cvs (job_id, content, generator) values ('00000000-0000-4000-8000-00000000e001', '{}', 'manual') $$,
  'a manually written version does not count against the quota'
);
select tests.authenticate_as('other_writer');
select lives_ok(
  $$ insert into public.generated_cvs (job_id, content, generator) values ('00000000-0000-4000-8000-00000000e001', '{}', 'deterministic') $$,
  'the quota is per user'
);

-- Freezing: attach a CV to a draft, send it, then try to swap it.
select tests.authenticate_as('writer');
insert into public.applications (job_id, cv_id)
values ('00000000-0000-4000-8000-00000000e001', (select id from public.generated_cvs where user_id = auth.uid() and version = 1))
returning id as application_id \gset
select lives_ok(
  format($$ update public.applications set cv_id = (select id from public.generated_cvs where user_id = auth.uid() and version = 2)
     where id = %1$L $$, :'application_id'),
  'a draft''s CV can be swapped'
);
select public.transition_application(:'application_id', 'applied');
select throws_ok(
  format($$ update public.applications set cv_id = (select id from public.generated_cvs where user_id = auth.uid() and version = 1)
     where id = %1$L $$, :'application_id'),
  'PT409', 'the CV and cover letter of a sent application cannot be changed',
  'a sent application''s CV is frozen'
);
select throws_ok(
  format($$ delete from public.generated_cvs where id = (select cv_id from public.applications where id = %1$L) $$, :'application_id'),
  '23503', null,
  'the CV that was sent cannot be deleted'
);
select lives_ok(
  format($$ update public.applications set notes = 'Sent via referral' where id = %1$L $$, :'application_id'),
  'other fields of a sent application stay editable'
);

select * from finish();
rollback;
