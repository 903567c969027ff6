-- search_jobs: ranking, filters, visibility (hidden, other users' imports, inactive), favorites,
-- keyset pagination across pools, the typo-tolerant fallback and bad input. Fixtures carry the
-- nonsense word "zyxquor" so the seed's postings never interfere.
begin;
\ir helpers.psql
select plan(43);

-- == setup (as postgres) ==
select tests.create_supabase_user('searcher');
select tests.create_supabase_user('stranger');

insert into public.jobs (id, owner_id, source, external_id, title, company, location, country_code, remote_type, employment_type,
  description, salary_min, salary_max, salary_currency, salary_period, required_skills, posted_at, expires_at, is_active)
values
  ('21000000-0000-4000-8000-000000000001', null, 'test', 'zq-1', 'Zyxquor Engineer', 'Acme Tools', 'Zürich', 'CH', 'onsite', 'full_time',
   'Join our team in Zürich.', 100000, 120000, 'CHF', 'year', '{Go}', now() - interval '10 days', null, true),
  ('21000000-0000-4000-8000-000000000002', null, 'test', 'zq-2', 'Backend Developer', 'Beta Systems', 'Berlin', 'DE', 'remote', 'full_time',
   'We use zyxquor every day.', null, null, null, null, '{Go}', now() - interval '1 day', null, true),
  ('21000000-0000-4000-8000-000000000003', null, 'test', 'zq-3', 'Senior Zyxquor Analyst', 'Gamma', 'Zurich', 'CH', 'hybrid', 'contract',
   'A role in Zurich.', 800, 900, 'CHF', 'day', '{SQL}', now() - interval '3 days', null, true),
  ('21000000-0000-4000-8000-000000000004', null, 'test', 'zq-4', 'Zyxquor Intern', 'Delta', 'München', 'DE', 'onsite', 'internship',
   'Learn with us.', 1200, 1500, 'EUR', 'month', '{}', now() - interval '40 days', null, true),
  ('21000000-0000-4000-8000-000000000005', null, 'test', 'zq-5', 'Zyxquor Hidden Role', 'Epsilon', 'Zurich', 'CH', 'remote', 'full_time',
   'Hidden by the searcher.', null, null, null, null, '{}', now() - interval '2 days', null, true),
  ('21000000-0000-4000-8000-000000000006', null, 'test', 'zq-6', 'Zyxquor Closed Role', 'Zeta', 'Zurich', 'CH', 'remote', 'full_time',
   'No longer open.', null, null, null, null, '{}', now() - interval '2 days', null, false),
  ('21000000-0000-4000-8000-000000000007', null, 'test', 'zq-7', 'Zyxquor Expired Role', 'Eta', 'Zurich', 'CH', 'remote', 'full_time',
   'Expired yesterday.', null, null, null, null, '{}', now() - interval '50 days', now() - interval '1 day', true),
  ('21000000-0000-4000-8000-000000000008', tests.get_supabase_uid('stranger'), 'manual', 'zq-8', 'Zyxquor Secret Role', 'Theta',
   'Zurich', 'CH', 'remote', 'full_time', 'A stranger''s own import.', null, null, null, null, '{}', now() - interval '2 days', null, true),
  ('21000000-0000-4000-8000-000000000009', tests.get_supabase_uid('searcher'), 'manual', 'zq-9', 'Zyxquor Own Import', 'Iota',
   'Lisboa', 'PT', 'remote', 'full_time', 'The searcher''s own import.', null, null, null, null, '{}', now() - interval '5 days', null, true);

-- 105 bulk postings for paging and the limit cap; two share a timestamp to exercise tie-breaking.
insert into public.jobs (source, owner_id, external_id, title, company, location, country_code, remote_type, description, posted_at)
select 'test', null, 'zq-bulk-' || n, 'Zyxquor Bulk Role ' || n, 'Bulk Co ' || (n % 7), 'Zyxquorville', 'NL', 'hybrid',
  case when n % 3 = 0 then 'Bulk zyxquor zyxquor posting.' else 'Bulk posting.' end,
  now() - least(n, 104) * interval '1 hour'
from generate_series(1, 105) as n;

insert into public.user_job_preferences (user_id, job_id, is_favorite, is_hidden)
values
  (tests.get_supabase_uid('searcher'), '21000000-0000-4000-8000-000000000005', false, true),
  (tests.get_supabase_uid('searcher'), '21000000-0000-4000-8000-000000000003', true, false);

-- == as the searcher ==
select tests.authenticate_as('searcher');

-- ranking
select ok(
  (select max(position) filter (where r.id <> '21000000-0000-4000-8000-000000000002')
        < min(position) filter (where r.id = '21000000-0000-4000-8000-000000000002')
     from public.search_jobs('zyxquor -bulk', result_limit => 100) with ordinality as r (id, title, company, location, country_code,
       remote_type, employment_type, salary_min, salary_max, salary_currency, salary_period, posted_at, is_private, is_favorite,
       matched_by, relevance, score, next_cursor, total_estimate, position)
  ),
  'postings whose title matches rank above one that only mentions the word in its body, even a newer one'
);
select results_eq(
  $$ select matched_by from public.search_jobs('zyxquor engineer') limit 1 $$,
  $$ values ('fulltext') $$,
  'a full-text match says so'
);
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor zurich')),
  array['Senior Zyxquor Analyst', 'Zyxquor Engineer'],
  'accents are folded: "zurich" finds "Zürich" and "Zurich"'
);

-- visibility
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor -bulk', result_limit => 100)),
  array['Backend Developer', 'Senior Zyxquor Analyst', 'Zyxquor Engineer', 'Zyxquor Intern', 'Zyxquor Own Import'],
  'the searcher sees active shared postings and their own import: not hidden, closed, expired or another user''s import'
);
select is_empty(
  $$ select 1 from pg_catalog.unnest(tests.search_pages('zyxquor', 7)) as id where id in (
       '21000000-0000-4000-8000-000000000005', '21000000-0000-4000-8000-000000000008') $$,
  'hidden postings and another user''s imports never appear on any page'
);
select is_empty(
  $$ select 1 from public.search_jobs('zyxquor hidden role', result_limit => 100) where id = '21000000-0000-4000-8000-000000000005' $$,
  'a hidden posting does not appear even when searched for by its title'
);
select is_empty(
  $$ select 1 from public.search_jobs('zyxquor secret role', result_limit => 100) where id = '21000000-0000-4000-8000-000000000008' $$,
  'another user''s import does not appear even when searched for by its title'
);
select is_empty(
  $$ select 1 from public.search_jobs('zyxqour secrt', result_limit => 100) where id in (
       '21000000-0000-4000-8000-000000000005', '21000000-0000-4000-8000-000000000008') $$,
  'nor through the typo-tolerant fallback'
);
select is_empty(
  $$ select 1 from public.search_jobs(location_text => 'zurich', result_limit => 100) where id in (
       '21000000-0000-4000-8000-000000000005', '21000000-0000-4000-8000-000000000006',
       '21000000-0000-4000-8000-000000000007', '21000000-0000-4000-8000-000000000008') $$,
  'nor in the recent listing'
);
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor -bulk', include_private => false, result_limit => 100)),
  array['Backend Developer', 'Senior Zyxquor Analyst', 'Zyxquor Engineer', 'Zyxquor Intern'],
  'include_private => false leaves the caller''s own imports out'
);
select results_eq(
  $$ select is_private, is_favorite from public.search_jobs('zyxquor -bulk', result_limit => 100)
      where id in ('21000000-0000-4000-8000-000000000003', '21000000-0000-4000-8000-000000000009') order by id $$,
  $$ values (false, true), (true, false) $$,
  'favorites and the caller''s own imports are flagged'
);

-- filters
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor', location_text => 'zurich')),
  array['Senior Zyxquor Analyst', 'Zyxquor Engineer'],
  'location_text matches the location accent-folded, case-insensitively'
);
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor', country => 'de')),
  array['Backend Developer', 'Zyxquor Intern'],
  'country filters by ISO code, any case'
);
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor -bulk', remote_types => '{remote}')),
  array['Backend Developer', 'Zyxquor Own Import'],
  'remote_types filters by work arrangement'
);
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor', employment_types => '{contract,internship}')),
  array['Senior Zyxquor Analyst', 'Zyxquor Intern'],
  'employment_types filters by kind of employment'
);
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor', min_salary => 150000, currency => 'CHF')),
  array['Senior Zyxquor Analyst'],
  'min_salary compares yearly figures: 900 CHF a day passes 150,000, 120,000 CHF a year does not'
);
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor', min_salary => 15000, currency => 'EUR')),
  array['Zyxquor Intern'],
  'min_salary is per currency, and monthly pay counts twelve times'
);
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor -bulk', posted_since => now() - interval '4 days')),
  array['Backend Developer', 'Senior Zyxquor Analyst'],
  'posted_since leaves older postings out'
);
select is(
  (select array_agg(title order by title) from public.search_jobs('zyxquor -intern -bulk', country => 'DE')),
  array['Backend Developer'],
  'websearch negation works with filters'
);

-- typo tolerance
select results_eq(
  $$ select title, matched_by from public.search_jobs('Zyxqour Enginer') limit 1 $$,
  $$ values ('Zyxquor Engineer', 'fuzzy') $$,
  'when the words match nothing, misspelt words are corrected against titles by trigram similarity'
);
select results_eq(
  $$ select matched_by from public.search_jobs('Acme Toolz', result_limit => 100) where id = '21000000-0000-4000-8000-000000000001' $$,
  $$ values ('fuzzy') $$,
  'and against companies'
);

-- pagination
select is(
  (select count(*) from public.search_jobs('zyxquor bulk', result_limit => 10000)),
  100::bigint,
  'result_limit is capped at 100'
);
select is(
  (select total_estimate from public.search_jobs('zyxquor bulk') limit 1),
  105::bigint,
  'total_estimate is exact when every match fits one pool'
);
select is(
  (select array_agg(id order by id) from pg_catalog.unnest(tests.search_pages('zyxquor bulk', 4)) as id),
  (select array_agg(id order by id) from public.jobs where title like 'Zyxquor Bulk Role %'),
  'paging with the cursor returns every match'
);
select is(
  (select count(*) - count(distinct id) from pg_catalog.unnest(tests.search_pages('zyxquor bulk', 4)) as id),
  0::bigint,
  'and none twice'
);
select set_config('jobtrail.search_pool_size', '7', true);
select is(
  (select array_agg(id order by id) from pg_catalog.unnest(tests.search_pages('zyxquor bulk', 3)) as id),
  (select array_agg(id order by id) from public.jobs where title like 'Zyxquor Bulk Role %'),
  'across pools (7 matches each) every match is returned'
);
select is(
  (select count(*) - count(distinct id) from pg_catalog.unnest(tests.search_pages('zyxquor bulk', 3)) as id),
  0::bigint,
  'and none twice'
);
select ok(
  (select bool_and(older_max < newer_min) from (
     select min(listed) as newer_min, lead(max(listed)) over (order by pool) as older_max
     from (select (n - 1) / 7 as pool, coalesce(j.posted_at, j.created_at) as listed
           from pg_catalog.unnest(tests.search_pages('zyxquor bulk', 3)) with ordinality as s (id, n) join public.jobs j using (id)) p
     group by pool
   ) x where older_max is not null),
  'pools are taken newest first: every posting of a pool is newer than those of the next'
);
select set_config('jobtrail.search_pool_size', '', true);
select is(
  (select array_agg(id) from pg_catalog.unnest(tests.search_pages('', 6, location_text => 'Zyxquorville')) as id),
  (select array_agg(id order by coalesce(posted_at, created_at) desc, id desc) from public.jobs where location = 'Zyxquorville'),
  'an empty query lists postings newest first, paging through all of them once'
);

-- bad input: results or a clear 22023, never an internal error
select lives_ok($$ select * from public.search_jobs('') $$, 'an empty query is fine');
select results_eq(
  $$ select distinct matched_by from public.search_jobs('- OR "" -', location_text => 'Zyxquorville') $$,
  $$ values ('recent') $$,
  'a query of only operators lists recent postings'
);
select lives_ok(
  $$ select * from public.search_jobs($q$'); drop table public.jobs; -- \ % _ <%>$q$) $$,
  'SQL metacharacters are just text'
);
select has_table('public', 'jobs', 'and the jobs table is still there');
select is(
  (select count(*) from public.search_jobs('zyxquor', location_text => '%')),
  0::bigint,
  'LIKE wildcards in location_text are literal'
);
select throws_ok(
  $$ select * from public.search_jobs(repeat('zyxquor ', 1300)) $$,
  '22023', 'q is too long (10399 characters, at most 500)',
  '10 KB of text is rejected with a clear message'
);
select throws_ok($$ select * from public.search_jobs('zyxquor', result_limit => -5) $$, '22023', null, 'a negative limit is rejected');
select throws_ok($$ select * from public.search_jobs('zyxquor', result_limit => 0) $$, '22023', null, 'a zero limit is rejected');
select throws_ok($$ select * from public.search_jobs('zyxquor', cursor => 'not a cursor!') $$, '22023', 'invalid cursor', 'a malformed cursor is rejected');
select throws_ok(
  $$ select * from public.search_jobs('zyxquor', cursor => 'eyJ2IjogMSwgImsiOiAic2VhcmNoX2pvYnMifQ') $$,
  '22023', null,
  'a well-formed but incomplete cursor is rejected'
);
select throws_ok(
  format($$ select * from public.search_jobs('zyxquor engineer', cursor => %L) $$,
    (select next_cursor from public.search_jobs('zyxquor bulk', result_limit => 1))),
  '22023', 'cursor belongs to a different search',
  'a cursor from a different search is rejected'
);
select throws_ok($$ select * from public.search_jobs('zyxquor', country => 'Germany') $$, '22023', null, 'a country must be an ISO code');
select throws_ok($$ select * from public.search_jobs('zyxquor', min_salary => 50000) $$, '22023', null, 'min_salary needs a currency');

-- == as anon ==
select tests.clear_authentication();
select throws_ok($$ select * from public.search_jobs('zyxquor') $$, '42501', null, 'anon cannot search');

select * from finish();
rollback;
