-- search_jobs finds a pool in one of three ways (private.search_strategy): walking the listing
-- order, gathering one listing day at a time, or gathering every match. Which one runs is a cost
-- decision only: each must return the same rows in the same order, across pools and pages, with
-- filters, hidden postings, the caller's own imports, a posting listed in the future and postings
-- listed long before the window of days gathered one by one. Fixtures carry the word "qxvolt".
begin;
\ir helpers.psql
select plan(24);

-- == setup (as postgres) ==
select tests.create_supabase_user('strategist');
select tests.create_supabase_user('outsider');

-- 40 shared postings, one every 7 hours (about 12 days), alternating countries, cities, remote and
-- employment types; every third has the word in its title (the first ranking tier), every fifth
-- twice in its body.
insert into public.jobs (id, source, external_id, title, company, location, country_code, remote_type, employment_type,
  description, posted_at)
select ('24000000-0000-4000-8000-' || pg_catalog.lpad(n::text, 12, '0'))::uuid, 'test', 'qx-' || n,
  case when n % 3 = 0 then 'Qxvolt Engineer ' || n else 'Platform Engineer ' || n end,
  'Company ' || n, case when n % 2 = 0 then 'Berlin' else 'Paris' end, case when n % 2 = 0 then 'DE' else 'FR' end,
  (array['remote', 'hybrid', 'onsite'])[n % 3 + 1]::public.remote_type,
  (array['full_time', 'contract'])[n % 2 + 1]::public.employment_type,
  case when n % 5 = 0 then 'We love qxvolt. More qxvolt.' else 'Some qxvolt work.' end,
  now() - n * interval '7 hours'
from pg_catalog.generate_series(1, 40) as n;

insert into public.jobs (id, owner_id, source, external_id, title, company, location, country_code, description, posted_at, expires_at)
values
  -- listed long before the newest posting: outside the 120 days gathered one day at a time
  ('24000000-0000-4000-8000-000000000101', null, 'test', 'qx-old-1', 'Qxvolt Archivist', 'Old Co', 'Berlin', 'DE', 'Old qxvolt.', now() - interval '200 days', null),
  ('24000000-0000-4000-8000-000000000102', null, 'test', 'qx-old-2', 'Archivist', 'Old Co', 'Paris', 'FR', 'Older qxvolt.', now() - interval '400 days', null),
  -- listed tomorrow (a feed's clock ahead of ours)
  ('24000000-0000-4000-8000-000000000103', null, 'test', 'qx-future', 'Qxvolt Pioneer', 'Next Co', 'Berlin', 'DE', 'Future qxvolt.', now() + interval '1 day', null),
  -- expired: never shown
  ('24000000-0000-4000-8000-000000000104', null, 'test', 'qx-expired', 'Qxvolt Expired', 'Gone Co', 'Berlin', 'DE', 'Qxvolt.', now() - interval '3 days', now() - interval '1 hour'),
  -- the strategist's own import, and an outsider's (never shown to the strategist)
  ('24000000-0000-4000-8000-000000000105', tests.get_supabase_uid('strategist'), 'manual', 'qx-own', 'Qxvolt Own Lead', 'Mine', 'Berlin', 'DE', 'My qxvolt.', now() - interval '30 hours', null),
  ('24000000-0000-4000-8000-000000000106', tests.get_supabase_uid('outsider'), 'manual', 'qx-theirs', 'Qxvolt Their Lead', 'Theirs', 'Berlin', 'DE', 'Their qxvolt.', now() - interval '30 hours', null);

-- hidden by the strategist
insert into public.user_job_preferences (user_id, job_id, is_hidden)
values (tests.get_supabase_uid('strategist'), '24000000-0000-4000-8000-000000000010', true);

-- What the strategist may see: active, unexpired, shared or their own, not hidden.
create function tests.visible_qxvolt(country text default null, posted_since timestamptz default null)
returns uuid[]
language sql
as $$
  select coalesce(pg_catalog.array_agg(j.id order by j.id), '{}')
  from public.jobs j
  where j.external_id like 'qx-%' and j.is_active and (j.expires_at is null or j.expires_at > now())
    and (j.owner_id is null or j.owner_id = tests.get_supabase_uid('strategist'))
    and j.id <> '24000000-0000-4000-8000-000000000010'
    and (visible_qxvolt.country is null or j.country_code = visible_qxvolt.country)
    and (visible_qxvolt.posted_since is null or coalesce(j.posted_at, j.created_at) >= visible_qxvolt.posted_since)
$$;

create function tests.sorted(ids uuid[])
returns uuid[]
language sql
immutable
as $$ select coalesce(pg_catalog.array_agg(id order by id), '{}') from pg_catalog.unnest(ids) as id $$;
grant execute on function tests.visible_qxvolt(text, timestamptz), tests.sorted(uuid[]) to authenticated;

-- == as the strategist, in pools of 7 matches and pages of 3 ==
select tests.authenticate_as('strategist');
select set_config('jobtrail.search_pool_size', '7', true);

select is(
  tests.sorted(tests.search_pages('qxvolt', 3, 'walk')),
  tests.visible_qxvolt(),
  'walking the listing order returns every visible match: no hidden, expired or other user''s posting'
);
select is(
  pg_catalog.cardinality(tests.search_pages('qxvolt', 3, 'walk')),
  pg_catalog.cardinality(tests.visible_qxvolt()),
  'and none twice'
);
select is(
  tests.search_pages('qxvolt', 3, 'days'),
  tests.search_pages('qxvolt', 3, 'walk'),
  'gathering day by day returns the same rows in the same order, across pools and pages'
);
select is(
  tests.search_pages('qxvolt', 3, 'gather'),
  tests.search_pages('qxvolt', 3, 'walk'),
  'gathering every match returns the same rows in the same order'
);
select is(
  tests.search_pages('qxvolt', 3, ''),
  tests.search_pages('qxvolt', 3, 'walk'),
  'and so does the strategy search_jobs chooses'
);
select ok(
  '24000000-0000-4000-8000-000000000102' = any (tests.search_pages('qxvolt', 3, 'days'))
    and '24000000-0000-4000-8000-000000000101' = any (tests.search_pages('qxvolt', 3, 'days')),
  'day by day still finds postings listed long before the days it gathers one at a time'
);
select ok(
  '24000000-0000-4000-8000-000000000103' = any (tests.search_pages('qxvolt', 3, 'days')),
  'and a posting listed in the future'
);
select ok(
  '24000000-0000-4000-8000-000000000105' = any (tests.search_pages('qxvolt', 3, 'days')),
  'and the caller''s own import'
);

-- filters the day/place index answers (country, location, one remote or employment type) and
-- some it does not (posted since, several remote types)
select is(
  tests.sorted(tests.search_pages('qxvolt', 4, 'days', country => 'DE')),
  tests.visible_qxvolt(country => 'DE'),
  'day by day with a country: every match in that country'
);
select is(
  tests.search_pages('qxvolt', 4, 'gather', country => 'DE'),
  tests.search_pages('qxvolt', 4, 'days', country => 'DE'),
  'in the same order as gathering them all'
);
select is(
  tests.search_pages('qxvolt', 4, 'days', location_text => 'berlin'),
  tests.search_pages('qxvolt', 4, 'walk', location_text => 'berlin'),
  'with a location: the same as walking'
);
select is(
  tests.search_pages('qxvolt', 4, 'days', remote_types => '{remote}', employment_types => '{contract}'),
  tests.search_pages('qxvolt', 4, 'walk', remote_types => '{remote}', employment_types => '{contract}'),
  'with one remote type and one employment type: the same as walking'
);
select is(
  (select pg_catalog.array_agg(distinct j.remote_type::text order by j.remote_type::text)
   from pg_catalog.unnest(tests.search_pages('qxvolt', 4, 'days', remote_types => '{remote,hybrid}')) as r (id)
   join public.jobs j on j.id = r.id),
  '{hybrid,remote}'::text[],
  'with a choice of remote types: only those'
);
select is(
  tests.search_pages('qxvolt', 4, 'gather', remote_types => '{remote,hybrid}'),
  tests.search_pages('qxvolt', 4, 'days', remote_types => '{remote,hybrid}'),
  'in the same order as gathering them all'
);
select is(
  tests.sorted(tests.search_pages('qxvolt', 4, 'days', posted_since => now() - interval '5 days')),
  tests.visible_qxvolt(posted_since => now() - interval '5 days'),
  'posted since five days ago: exactly the postings listed since then'
);
select is(
  tests.search_pages('qxvolt', 4, 'gather', posted_since => now() - interval '5 days'),
  tests.search_pages('qxvolt', 4, 'days', posted_since => now() - interval '5 days'),
  'in the same order whichever way they are gathered'
);

-- a phrase and a negation, which the index answers only approximately (rechecked on the row)
select is(
  tests.search_pages('"qxvolt engineer"', 2, 'days'),
  tests.search_pages('"qxvolt engineer"', 2, 'walk'),
  'a quoted phrase gives the same rows day by day as walking'
);
select is(
  tests.search_pages('qxvolt -archivist -paris', 2, 'gather'),
  tests.search_pages('qxvolt -archivist -paris', 2, 'days'),
  'and so does a negation'
);

-- more than 200 hidden postings: the hidden list gives way to an anti-join, with the same result
select tests.act_as_postgres();
insert into public.jobs (id, source, external_id, title, company, description)
select ('24000000-0000-4000-8000-' || pg_catalog.lpad((1000 + n)::text, 12, '0'))::uuid, 'test', 'filler-' || n, 'Filler ' || n, 'Filler Co', 'Nothing to see.'
from pg_catalog.generate_series(1, 201) as n;
insert into public.user_job_preferences (user_id, job_id, is_hidden)
select tests.get_supabase_uid('strategist'), ('24000000-0000-4000-8000-' || pg_catalog.lpad((1000 + n)::text, 12, '0'))::uuid, true
from pg_catalog.generate_series(1, 201) as n;
select tests.authenticate_as('strategist');
select set_config('jobtrail.search_pool_size', '7', true);
select is(
  tests.sorted(tests.search_pages('qxvolt', 3, 'days')),
  tests.visible_qxvolt(),
  'with 202 hidden postings the hidden one is still left out, and nothing else'
);

-- one pool (the default 300): the page is ranked exactly, title matches first
select set_config('jobtrail.search_pool_size', '', true);
select is(
  tests.search_pages('qxvolt', 100, 'days'),
  tests.search_pages('qxvolt', 100, 'gather'),
  'with one pool for every match, day by day and gathering rank identically'
);
select is(
  tests.search_pages('qxvolt', 3, 'days'),
  tests.search_pages('qxvolt', 100, 'days'),
  'pages of 3 within one pool give the same order as one page of everything'
);
select ok(
  (select bool_and(j.title ilike '%qxvolt%') from pg_catalog.unnest((tests.search_pages('qxvolt', 100, 'days'))[1:14]) as r (id)
     join public.jobs j on j.id = r.id),
  'postings with the word in their title come first'
);

-- the first ranking tier: the query restricted to weights A and B matches exactly when the vector
-- filtered to those weights does, for words, phrases, negations and alternatives
select tests.act_as_postgres();
select is(
  (select count(*) from public.jobs j
   cross join (values ('qxvolt'), ('"qxvolt engineer"'), ('qxvolt -berlin'), ('archivist or pioneer'), ('engineer qxvolt -"platform engineer"')) as q (text)
   cross join lateral (select pg_catalog.websearch_to_tsquery('private.english_unaccent'::regconfig, q.text) as query) as w
   where j.external_id like 'qx-%'
     and (j.search_vector @@ private.title_tier_query(w.query))
       is distinct from (pg_catalog.ts_filter(j.search_vector, '{a,b}'::"char"[]) @@ w.query)),
  0::bigint,
  'private.title_tier_query matches like the vector filtered to weights A and B'
);
select is(
  private.title_tier_query(pg_catalog.websearch_to_tsquery('private.english_unaccent'::regconfig, '"data engineer" -contract rust or go')),
  $$'data':AB <-> 'engin':AB & !'contract':AB & 'rust':AB | 'go':AB$$::tsquery,
  'it restricts every word, inside phrases and negations too'
);

select * from finish();
rollback;
