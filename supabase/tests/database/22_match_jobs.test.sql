-- match_jobs / match_job: skills compared through the alias dictionary, the documented weights,
-- the per-row breakdown, visibility (hidden, other users' imports, inactive) and paging. The
-- ranking profile uses made-up skills and roles ("Zyxquor...") so the seed's postings never compete.
begin;
\ir helpers.psql
select plan(28);

-- == setup (as postgres) ==
select tests.create_supabase_user('matcher');
select tests.create_supabase_user('ranker');
select tests.create_supabase_user('stranger');

update public.profiles set skills = '{TypeScript, PostgreSQL}', target_roles = '{Zyxquor Wrangler}'
where id = tests.get_supabase_uid('matcher');
update public.profiles set skills = '{Zyxquorlang, zyxquorbase}', target_roles = '{Zyxquor Wrangler}',
  target_locations = '{Zyxquorville}', salary_min = 50000, salary_max = 70000, salary_currency = 'EUR'
where id = tests.get_supabase_uid('ranker');

insert into public.jobs (id, owner_id, source, external_id, title, company, location, country_code, remote_type,
  required_skills, preferred_skills, salary_min, salary_max, salary_currency, salary_period, posted_at, is_active)
values
  ('22000000-0000-4000-8000-000000000001', null, 'test', 'zm-1', 'Zyxquor Platform Engineer', 'Alias Co', 'Berlin', 'DE', 'remote',
   '{typescript, postgres, kubernetes}', '{JS}', null, null, null, null, now() - interval '2 days', true),
  ('22000000-0000-4000-8000-000000000011', null, 'test', 'zm-11', 'Zyxquor Wrangler', 'Best Fit', 'Zyxquorville', 'NL', 'onsite',
   '{Zyxquorlang, ZyxquorBase}', '{}', 60000, 65000, 'EUR', 'year', now() - interval '3 days', true),
  ('22000000-0000-4000-8000-000000000012', null, 'test', 'zm-12', 'Data Analyst', 'Half Fit', 'Elsewhere', 'NL', 'onsite',
   '{Zyxquorlang, Excel}', '{}', 30000, 40000, 'EUR', 'year', now() - interval '1 day', true),
  ('22000000-0000-4000-8000-000000000013', null, 'test', 'zm-13', 'Zyxquor Wrangler', 'Role Fit', 'Elsewhere', 'NL', 'onsite',
   '{Excel}', '{}', null, null, null, null, now() - interval '1 day', true),
  ('22000000-0000-4000-8000-000000000014', null, 'test', 'zm-14', 'Zyxquor Wrangler', 'Hidden Fit', 'Zyxquorville', 'NL', 'onsite',
   '{Zyxquorlang, Zyxquorbase}', '{}', 60000, 65000, 'EUR', 'year', now() - interval '1 day', true),
  ('22000000-0000-4000-8000-000000000015', tests.get_supabase_uid('stranger'), 'manual', 'zm-15', 'Zyxquor Wrangler', 'Private Fit',
   'Zyxquorville', 'NL', 'onsite', '{Zyxquorlang, Zyxquorbase}', '{}', 60000, 65000, 'EUR', 'year', now() - interval '1 day', true),
  ('22000000-0000-4000-8000-000000000016', null, 'test', 'zm-16', 'Zyxquor Wrangler', 'Closed Fit', 'Zyxquorville', 'NL', 'onsite',
   '{Zyxquorlang, Zyxquorbase}', '{}', 60000, 65000, 'EUR', 'year', now() - interval '1 day', false),
  ('22000000-0000-4000-8000-000000000017', null, 'test', 'zm-17', 'Junior Zyxquor Wrangler', 'No Skills Listed', 'Zyxquorville', 'NL', null,
   '{}', '{}', null, null, null, null, now() - interval '1 day', true);

-- 30 more candidates sharing one skill, for paging across pools.
insert into public.jobs (source, external_id, title, company, location, remote_type, required_skills, posted_at)
select 'test', 'zm-bulk-' || n, 'Bulk Role ' || n, 'Bulk Co', 'Elsewhere', 'hybrid',
  case when n % 2 = 0 then '{Zyxquorlang}' else '{Zyxquorlang, Cobol}' end::text[],
  now() - n * interval '2 hours'
from generate_series(1, 30) as n;

insert into public.user_job_preferences (user_id, job_id, is_hidden)
values (tests.get_supabase_uid('ranker'), '22000000-0000-4000-8000-000000000014', true);

-- Pages through match_jobs with the cursor until the last row; returns ids in page order.
create function tests.match_all(page_size integer)
returns setof uuid
language plpgsql
as $$
declare
  page_cursor text;
  next_page text;
  rec record;
  pages integer := 0;
begin
  loop
    next_page := null;
    for rec in select * from public.match_jobs(result_limit => match_all.page_size, cursor => page_cursor) loop
      return next rec.id;
      next_page := rec.next_cursor;
    end loop;
    exit when next_page is null;
    page_cursor := next_page;
    pages := pages + 1;
    if pages > 1000 then
      raise exception 'match_all: more than 1000 pages';
    end if;
  end loop;
end;
$$;
grant execute on function tests.match_all(integer) to authenticated;

-- == as matcher: aliases ==
select tests.authenticate_as('matcher');
select results_eq(
  $$ select matched_skills, missing_required_skills from public.match_job('22000000-0000-4000-8000-000000000001') $$,
  $$ values (array['TypeScript', 'PostgreSQL'], array['Kubernetes']) $$,
  'profile {TypeScript, PostgreSQL} vs required {typescript, postgres, kubernetes}: matched {TypeScript, PostgreSQL}, missing {Kubernetes}'
);
select results_eq(
  $$ select missing_preferred_skills from public.match_job('22000000-0000-4000-8000-000000000001') $$,
  $$ values (array['JavaScript']) $$,
  'missing preferred skills use canonical names too'
);
select ok(
  (select abs(required_skills_contribution - 0.40 * 2 / 3) < 1e-9 from public.match_job('22000000-0000-4000-8000-000000000001')),
  'two of three required skills contribute 0.40 x 2/3'
);
select ok(
  (select abs(score - (required_skills_contribution + preferred_skills_contribution + role_contribution + location_contribution
                       + salary_contribution + recency_contribution)) < 1e-9
     from public.match_job('22000000-0000-4000-8000-000000000001')),
  'the score is the sum of the contributions'
);
select ok(
  (select abs(role_contribution - 0.20 * 0.5) < 1e-9 from public.match_job('22000000-0000-4000-8000-000000000001')),
  'a title holding one of the two words of the target role gets half of the role weight'
);

-- == as ranker: ranking, breakdown, visibility ==
select tests.authenticate_as('ranker');
select results_eq(
  $$ select id from public.match_jobs(1) $$,
  $$ values ('22000000-0000-4000-8000-000000000011'::uuid) $$,
  'the posting that fits skills, role, place and salary ranks first'
);
select results_eq(
  $$ select round(required_skills_contribution::numeric, 6), round(preferred_skills_contribution::numeric, 6),
            round(role_contribution::numeric, 6), round(location_contribution::numeric, 6), round(salary_contribution::numeric, 6)
       from public.match_jobs(1) $$,
  $$ values (0.400000, 0.050000, 0.200000, 0.150000, 0.100000) $$,
  'its breakdown: all required skills (0.40), no preferred listed (half of 0.10), role (0.20), place (0.15), salary (0.10)'
);
select ok(
  (select abs(recency_contribution - 0.05 * power(2, -3.0 / 30)) < 1e-6 from public.match_jobs(1)),
  'recency halves every 30 days: 3 days old gives 0.05 x 2^(-3/30)'
);
select ok(
  (select bool_and(score >= next_score)
     from (select m.score, lead(m.score) over (order by m.ordinality) as next_score
           from public.match_jobs(100) with ordinality as m) s
    where next_score is not null),
  'rows come best first'
);
select results_eq(
  $$ select matched_skills, missing_required_skills from public.match_jobs(100) where id = '22000000-0000-4000-8000-000000000012' $$,
  $$ values (array['Zyxquorlang'], array['Excel']) $$,
  'a half fit lists what matched and what is missing'
);
select results_eq(
  $$ select round(required_skills_contribution::numeric, 6), round(role_contribution::numeric, 6)
       from public.match_jobs(100) where id = '22000000-0000-4000-8000-000000000013' $$,
  $$ values (0.000000, 0.200000) $$,
  'a posting that only fits the target role is still a candidate, with no skill credit'
);
select results_eq(
  $$ select round(required_skills_contribution::numeric, 6), round(location_contribution::numeric, 6)
       from public.match_jobs(100) where id = '22000000-0000-4000-8000-000000000017' $$,
  $$ values (0.200000, 0.112500) $$,
  'missing information is neutral: no listed skills and no remote type count half'
);
select is_empty(
  $$ select 1 from tests.match_all(3) as id where id in (
       '22000000-0000-4000-8000-000000000014', '22000000-0000-4000-8000-000000000015', '22000000-0000-4000-8000-000000000016') $$,
  'hidden postings, another user''s imports and closed postings never appear on any page'
);
select is(
  (select array_agg(id order by id) from tests.match_all(4) as id),
  (select array_agg(id order by id) from public.jobs
    where (title like 'Bulk Role %' and company = 'Bulk Co') or id in ('22000000-0000-4000-8000-000000000011',
      '22000000-0000-4000-8000-000000000012', '22000000-0000-4000-8000-000000000013', '22000000-0000-4000-8000-000000000017')),
  'paging returns every candidate: role fits and postings sharing a skill'
);
select set_config('jobtrail.match_pool_size', '4', true);
select is(
  (select array_agg(id order by id) from tests.match_all(3) as id),
  (select array_agg(id order by id) from public.jobs
    where (title like 'Bulk Role %' and company = 'Bulk Co') or id in ('22000000-0000-4000-8000-000000000011',
      '22000000-0000-4000-8000-000000000012', '22000000-0000-4000-8000-000000000013', '22000000-0000-4000-8000-000000000017')),
  'across pools (4 candidates each) every candidate is returned'
);
select is(
  (select count(*) - count(distinct id) from tests.match_all(3) as id),
  0::bigint,
  'and none twice'
);
select set_config('jobtrail.match_pool_size', '', true);
select results_eq(
  $$ select is_hidden, score > 0.8 from public.match_job('22000000-0000-4000-8000-000000000014') $$,
  $$ values (true, true) $$,
  'match_job explains a hidden posting too, and says it is hidden'
);
select results_eq(
  $$ select is_active from public.match_job('22000000-0000-4000-8000-000000000016') $$,
  $$ values (false) $$,
  'and a closed one'
);
select is_empty(
  $$ select 1 from public.match_job('22000000-0000-4000-8000-000000000015') $$,
  'match_job returns nothing for another user''s import'
);
select is_empty($$ select 1 from public.match_job(gen_random_uuid()) $$, 'or for a posting that does not exist');

-- bad input
select is((select count(*) from public.match_jobs(10000)), 34::bigint, 'a limit of 10,000 is capped (all 34 candidates fit under 100)');
select throws_ok($$ select * from public.match_jobs(-1) $$, '22023', null, 'a negative limit is rejected');
select throws_ok($$ select * from public.match_jobs(0) $$, '22023', null, 'a zero limit is rejected');
select throws_ok($$ select * from public.match_jobs(5, 'garbage') $$, '22023', 'invalid cursor', 'a malformed cursor is rejected');
select throws_ok(
  format($$ select * from public.match_jobs(5, %L) $$, (select next_cursor from public.search_jobs('', result_limit => 1))),
  '22023', 'invalid cursor',
  'a search cursor is not a match cursor'
);
select lives_ok($$ select * from public.match_jobs(null, null) $$, 'null arguments mean the defaults');

-- == as anon ==
select tests.clear_authentication();
select throws_ok($$ select * from public.match_jobs() $$, '42501', null, 'anon cannot call match_jobs');
select throws_ok($$ select * from public.match_job(gen_random_uuid()) $$, '42501', null, 'anon cannot call match_job');

select * from finish();
rollback;
