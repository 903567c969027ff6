-- Pipeline analytics on a fixed fixture, against numbers worked out by hand.
--   A1 draft                                                   source greenhouse
--   A2 applied d0 -> interviewing d4 -> offered d14 -> accepted d17   greenhouse, CV template T1
--   A3 applied d0 -> rejected d10                              greenhouse, T2
--   A4 applied d0 (no answer yet)                              lever, T1
--   A5 applied d0 -> interviewing d6 -> rejected d20           lever, T1
--   A6 draft -> withdrawn                                      lever
-- reached applied 4 (A2-A5), responded 3 (A2 A3 A5): response rate 0.75; interviewing 2: 0.5;
-- offered 1 of 2 interviewed: 0.5; accepted 1 of 1: 1.0.
-- Days in applied: 4, 10, 6 (A4 still open) -> median 6; interviewing: 10, 14 -> 12; offered: 3.
-- greenhouse: responded 2 of 2 applied; lever: 1 of 2. T1: 2 of 3; T2: 1 of 1.
begin;
\ir helpers.psql
select plan(9);

select tests.create_supabase_user('analyst');
select tests.create_supabase_user('other_analyst');
select tests.get_supabase_uid('analyst') as uid \gset

insert into public.jobs (id, owner_id, source, external_id, title, company) values
  ('00000000-0000-4000-8000-00000000a001', null, 'greenhouse', 'analytics-1', 'Job One', 'Acme'),
  ('00000000-0000-4000-8000-00000000a002', null, 'greenhouse', 'analytics-2', 'Job Two', 'Acme'),
  ('00000000-0000-4000-8000-00000000a003', null, 'greenhouse', 'analytics-3', 'Job Three', 'Acme'),
  ('00000000-0000-4000-8000-00000000a004', null, 'lever', 'analytics-4', 'Job Four', 'Beta'),
  ('00000000-0000-4000-8000-00000000a005', null, 'lever', 'analytics-5', 'Job Five', 'Beta'),
  ('00000000-0000-4000-8000-00000000a006', null, 'lever', 'analytics-6', 'Job Six', 'Beta');
insert into public.cv_templates (id, owner_id, name, body) values
  ('00000000-0000-4000-8000-0000000000f1', :'uid', 'Analytics T1', '{{basics.name}}'),
  ('00000000-0000-4000-8000-0000000000f2', :'uid', 'Analytics T2', '{{basics.name}}');
insert into public.generated_cvs (id, user_id, job_id, template_id, content, generator) values
  ('00000000-0000-4000-8000-0000000000c2', :'uid', '00000000-0000-4000-8000-00000000a002', '00000000-0000-4000-8000-0000000000f1', '{}', 'deterministic'),
  ('00000000-0000-4000-8000-0000000000c3', :'uid', '00000000-0000-4000-8000-00000000a003', '00000000-0000-4000-8000-0000000000f2', '{}', 'deterministic'),
  ('00000000-0000-4000-8000-0000000000c4', :'uid', '00000000-0000-4000-8000-00000000a004', '00000000-0000-4000-8000-0000000000f1', '{}', 'deterministic'),
  ('00000000-0000-4000-8000-0000000000c5', :'uid', '00000000-0000-4000-8000-00000000a005', '00000000-0000-4000-8000-0000000000f1', '{}', 'deterministic');
insert into public.applications (id, user_id, job_id, cv_id) values
  ('00000000-0000-4000-8000-0000000000b1', :'uid', '00000000-0000-4000-8000-00000000a001', null),
  ('00000000-0000-4000-8000-0000000000b2', :'uid', '00000000-0000-4000-8000-00000000a002', '00000000-0000-4000-8000-0000000000c2'),
  ('00000000-0000-4000-8000-0000000000b3', :'uid', '00000000-0000-4000-8000-00000000a003', '00000000-0000-4000-8000-0000000000c3'),
  ('00000000-0000-4000-8000-0000000000b4', :'uid', '00000000-0000-4000-8000-00000000a004', '00000000-0000-4000-8000-0000000000c4'),
  ('00000000-0000-4000-8000-0000000000b5', :'uid', '00000000-0000-4000-8000-00000000a005', '00000000-0000-4000-8000-0000000000c5'),
  ('00000000-0000-4000-8000-0000000000b6', :'uid', '00000000-0000-4000-8000-00000000a006', null);

-- The timelines, through the real transition function, back-dated from day 0 = 30 days ago.
select tests.authenticate_as('analyst');
select public.transition_application(id, to_status, occurred_at => now() - interval '30 days' + make_interval(days => day))
from (values
  ('00000000-0000-4000-8000-0000000000b2'::uuid, 'applied'::public.application_status, 0, 1),
  ('00000000-0000-4000-8000-0000000000b2', 'interviewing', 4, 2),
  ('00000000-0000-4000-8000-0000000000b2', 'offered', 14, 3),
  ('00000000-0000-4000-8000-0000000000b2', 'accepted', 17, 4),
  ('00000000-0000-4000-8000-0000000000b3', 'applied', 0, 1),
  ('00000000-0000-4000-8000-0000000000b3', 'rejected', 10, 2),
  ('00000000-0000-4000-8000-0000000000b4', 'applied', 0, 1),
  ('00000000-0000-4000-8000-0000000000b5', 'applied', 0, 1),
  ('00000000-0000-4000-8000-0000000000b5', 'interviewing', 6, 2),
  ('00000000-0000-4000-8000-0000000000b5', 'rejected', 20, 3),
  ('00000000-0000-4000-8000-0000000000b6', 'withdrawn', 1, 1)
) as steps(id, to_status, day, step)
order by id, step;

select results_eq(
  $$ select applications, draft, applied, interviewing, offered, accepted, declined, rejected, withdrawn from public.pipeline_summary $$,
  $$ values (6, 1, 1, 0, 0, 1, 0, 2, 1) $$,
  'counts per current status'
);
select results_eq(
  $$ select reached_applied, reached_interviewing, reached_offered, reached_accepted, responded from public.pipeline_summary $$,
  $$ values (4, 2, 1, 1, 3) $$,
  'the funnel counts applications that reached each stage'
);
select results_eq(
  $$ select response_rate, interview_rate, offer_rate, acceptance_rate from public.pipeline_summary $$,
  $$ values (0.75, 0.5, 0.5, 1.0) $$,
  'conversion and response rates'
);
select results_eq(
  $$ select status::text, stays, median_days from public.pipeline_stage_durations order by status $$,
  $$ values ('applied', 3, 6.00), ('interviewing', 2, 12.00), ('offered', 1, 3.00) $$,
  'median days in each stage, over finished stays'
);
select results_eq(
  $$ select source, reached_applied, responded, response_rate from public.pipeline_by_source order by source $$,
  $$ values ('greenhouse', 2, 2, 1.0), ('lever', 2, 1, 0.5) $$,
  'response rate per source'
);
select results_eq(
  $$ select cv_template_name, reached_applied, responded, response_rate from public.pipeline_by_cv_template order by cv_template_name nulls last $$,
  $$ values ('Analytics T1'::text, 3, 2, 0.6667), ('Analytics T2', 1, 1, 1.0), (null, 0, 0, null) $$,
  'which CV template gets answers'
);

select tests.authenticate_as('other_analyst');
select is_empty($$ select * from public.pipeline_summary $$, 'another user sees no row of these numbers');
select is_empty($$ select * from public.application_stage_stays $$, 'nor any stay');

select tests.clear_authentication();
select throws_ok($$ select * from public.pipeline_summary $$, '42501', null, 'anon cannot read analytics');

select * from finish();
rollback;
