-- The search projection (private.searchable_jobs): exactly the active shared postings, with their
-- derived columns, kept in step with public.jobs by triggers; readable, never writable, by users.
begin;
\ir helpers.psql
select plan(16);

-- == setup (as postgres) ==
select tests.create_supabase_user('projector');

insert into public.jobs (id, owner_id, source, external_id, title, company, location, country_code, salary_min, salary_max,
  salary_currency, salary_period, required_skills, posted_at, is_active)
values
  ('23000000-0000-4000-8000-000000000001', null, 'test', 'zp-1', 'Zyxquor Développeur', 'Crème Brûlée SA', 'Zürich', 'CH',
   500, 600, 'CHF', 'day', '{Postgres, k8s}', '2026-01-02 03:04:05+00', true),
  ('23000000-0000-4000-8000-000000000002', null, 'test', 'zp-2', 'Zyxquor Closed', 'Closed Co', 'Berlin', 'DE',
   null, null, null, null, '{}', null, false),
  ('23000000-0000-4000-8000-000000000003', tests.get_supabase_uid('projector'), 'manual', 'zp-3', 'Zyxquor Own Import', 'Mine',
   'Porto', 'PT', null, null, null, null, '{}', null, true);

select has_table('private', 'searchable_jobs', 'the search projection exists');
select results_eq(
  $$ select location_folded, listed_at, salary_top_yearly, required_skill_keys, title_vector
       from private.searchable_jobs where job_id = '23000000-0000-4000-8000-000000000001' $$,
  $$ values ('zurich', '2026-01-02 03:04:05+00'::timestamptz, 132000::numeric, array['postgresql', 'kubernetes'],
             to_tsvector('private.english_unaccent', 'Zyxquor Développeur')) $$,
  'an active shared posting is projected: folded location, listing time, yearly salary (600 a day x 220), skill keys, title vector'
);
select is(
  (select array_agg(term order by term) from private.search_terms where term in ('zyxquor', 'developpeur', 'creme', 'brulee', 'mine', 'own')),
  array['brulee', 'creme', 'developpeur', 'zyxquor'],
  'the words of shared titles and companies join the search vocabulary, folded; a private import''s do not'
);
select is_empty(
  $$ select 1 from private.searchable_jobs where job_id = '23000000-0000-4000-8000-000000000002' $$,
  'an inactive posting is not projected'
);
select is_empty(
  $$ select 1 from private.searchable_jobs where job_id = '23000000-0000-4000-8000-000000000003' $$,
  'a private import is not projected'
);
select is(
  (select count(*) from private.searchable_jobs s join public.jobs j on j.id = s.job_id where j.owner_id is not null or not j.is_active),
  0::bigint,
  'the projection holds no private or inactive posting at all'
);
select is(
  (select count(*) from public.jobs j where j.owner_id is null and j.is_active
     and not exists (select from private.searchable_jobs s where s.job_id = j.id)),
  0::bigint,
  'and every active shared posting'
);

-- == it follows the postings ==
update public.jobs set is_active = false where id = '23000000-0000-4000-8000-000000000001';
select is_empty(
  $$ select 1 from private.searchable_jobs where job_id = '23000000-0000-4000-8000-000000000001' $$,
  'closing a posting removes it'
);
update public.jobs set is_active = true, title = 'Zyxquor Ingénieur' where id = '23000000-0000-4000-8000-000000000001';
select results_eq(
  $$ select title_vector from private.searchable_jobs where job_id = '23000000-0000-4000-8000-000000000001' $$,
  $$ values (to_tsvector('private.english_unaccent', 'Zyxquor Ingénieur')) $$,
  'reopening and retitling it projects it again, with the new title'
);
update public.jobs set required_skills = '{golang}' where id = '23000000-0000-4000-8000-000000000001';
select results_eq(
  $$ select required_skill_keys from private.searchable_jobs where job_id = '23000000-0000-4000-8000-000000000001' $$,
  $$ values (array['go']) $$,
  'changed skills reach the projection'
);
update public.jobs set is_active = true where id = '23000000-0000-4000-8000-000000000002';
select isnt_empty(
  $$ select 1 from private.searchable_jobs where job_id = '23000000-0000-4000-8000-000000000002' $$,
  'opening a closed posting projects it'
);
delete from public.jobs where id = '23000000-0000-4000-8000-000000000002';
select is_empty(
  $$ select 1 from private.searchable_jobs where job_id = '23000000-0000-4000-8000-000000000002' $$,
  'deleting a posting removes it'
);

-- == as a signed-in user ==
select tests.authenticate_as('projector');
select isnt_empty(
  $$ select 1 from private.searchable_jobs where job_id = '23000000-0000-4000-8000-000000000001' $$,
  'a signed-in user can read the projection (shared postings only, which they may read anyway)'
);
select throws_ok(
  $$ insert into private.searchable_jobs (job_id, listed_at, search_vector, title_vector, location_folded,
       required_skill_keys, preferred_skill_keys)
     values (gen_random_uuid(), now(), '', '', '', '{}', '{}') $$,
  '42501', null,
  'a signed-in user cannot write the projection'
);
select throws_ok(
  $$ delete from private.searchable_jobs $$,
  '42501', null,
  'nor delete from it'
);

-- == as anon ==
select tests.clear_authentication();
select throws_ok($$ select 1 from private.searchable_jobs $$, '42501', null, 'anon cannot read the projection');

select * from finish();
rollback;
