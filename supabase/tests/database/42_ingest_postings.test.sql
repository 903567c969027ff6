-- Board ingest (public.ingest_postings) and the freshness and dedup signals it maintains:
-- idempotence, inactive marking on a full refresh, re-posts, the once-an-hour last_seen_at rule,
-- duplicate links by fingerprint, likely_stale, and who may call it.
begin;
\ir helpers.psql
select plan(62);

-- == setup (as postgres) ==
select tests.create_supabase_user('alice');

-- Alice's private import under the same (source, external_id) as a board posting: ingest must not touch it.
insert into public.jobs (id, owner_id, source, external_id, title, company, location)
values ('a0000040-0000-4000-8000-000000000001', tests.get_supabase_uid('alice'), 'greenhouse', 'jt40-1',
        'My own notes on this job', 'JT40 Acme', 'Berlin');

-- A posting on another board of the same source: a full refresh of jt40-acme must not touch it.
insert into public.jobs (owner_id, source, source_board, external_id, title, company)
values (null, 'greenhouse', 'jt40-other', 'jt40-other-1', 'Accountant', 'Other Board Co');

\set feed '[{"source":"greenhouse","external_id":"jt40-1","title":"Backend Engineer","company":"JT40 Acme","location":"Berlin, Germany","required_skills":["Postgres","Go"],"preferred_skills":[]},{"source":"greenhouse","external_id":"jt40-2","title":"Frontend Engineer","company":"JT40 Acme","location":"Berlin, Germany","required_skills":[],"preferred_skills":[]},{"source":"greenhouse","external_id":"jt40-3","title":"Data Engineer","company":"JT40 Acme","location":"Remote","required_skills":[],"preferred_skills":[]}]'

create temporary table board_rows on commit drop as select 0 as n;
grant all on board_rows to service_role;

-- == who may ingest ==
select ok(has_function_privilege('service_role', 'public.ingest_postings(text, text, jsonb, boolean)', 'execute'),
  'the service role may call ingest_postings');
select ok(not has_function_privilege('authenticated', 'public.ingest_postings(text, text, jsonb, boolean)', 'execute'),
  'authenticated may not call ingest_postings');
select ok(not has_function_privilege('anon', 'public.ingest_postings(text, text, jsonb, boolean)', 'execute'),
  'anon may not call ingest_postings');
select ok(not has_function_privilege('authenticated', 'private.link_duplicate_postings(text[])', 'execute'),
  'authenticated may not re-link duplicates');
select is((select prosecdef from pg_proc where oid = 'public.ingest_postings(text, text, jsonb, boolean)'::regprocedure),
  false, 'ingest_postings is security invoker');

select tests.authenticate_as('alice');
select throws_ok($$ select public.ingest_postings('greenhouse', 'jt40-acme', '[]', false) $$, '42501', null,
  'a signed-in user cannot call ingest_postings');
select tests.clear_authentication();
select throws_ok($$ select public.ingest_postings('greenhouse', 'jt40-acme', '[]', false) $$, '42501', null,
  'anon cannot call ingest_postings');

-- == first ingest (as the service role) ==
select tests.authenticate_as_service_role();
select results_eq(
  format($$ select received, inserted, updated, unchanged, reactivated, deactivated, linked
              from public.ingest_postings('greenhouse', 'jt40-acme', %L, true) $$, :'feed'),
  $$ values (3, 3, 0, 0, 0, 0, 0) $$,
  'a new board: three postings inserted'
);
select results_eq(
  $$ select external_id, is_active, times_reposted, first_seen_at = now(), last_seen_at = now(), canonical_job_id
       from public.jobs where source = 'greenhouse' and source_board = 'jt40-acme' order by external_id $$,
  $$ values ('jt40-1', true, 0, true, true, null::uuid), ('jt40-2', true, 0, true, true, null::uuid),
            ('jt40-3', true, 0, true, true, null::uuid) $$,
  'inserted as active shared postings, first and last seen now, not linked'
);
select is((select required_skill_keys from public.jobs where owner_id is null and external_id = 'jt40-1'),
  '{postgresql,go}'::text[], 'the skill keys are derived as for any posting');
update board_rows set n = (select count(*) from public.jobs where source_board = 'jt40-acme');

-- Row versions before the re-ingest: an update would give a row a new ctid.
create temporary table versions on commit drop as
  select id, ctid::text as version from public.jobs where source_board = 'jt40-acme';

-- == the same feed again: nothing written ==
select results_eq(
  format($$ select received, inserted, updated, unchanged, reactivated, deactivated, linked
              from public.ingest_postings('greenhouse', 'jt40-acme', %L, true) $$, :'feed'),
  $$ values (3, 0, 0, 3, 0, 0, 0) $$,
  're-ingesting the same feed: everything unchanged'
);
select is((select count(*)::int from public.jobs where source_board = 'jt40-acme'), (select n from board_rows),
  're-ingesting creates no row');
select is_empty(
  $$ select id from public.jobs j where source_board = 'jt40-acme'
       and ctid::text is distinct from (select v.version from versions v where v.id = j.id) $$,
  're-ingesting writes no row version at all'
);
select results_eq(
  format($$ select inserted, unchanged from public.ingest_postings('greenhouse', null, %L, false) $$, :'feed'),
  $$ values (0, 3) $$,
  'the same postings without a board are unchanged too (the board is kept)'
);
select is((select count(*)::int from public.jobs where source_board = 'jt40-acme'), 3, 'the board is kept');

-- == a change ==
select tests.act_as_postgres();
update public.jobs set first_seen_at = now() - interval '3 days', last_seen_at = now() - interval '30 minutes'
 where owner_id is null and external_id = 'jt40-2';
select tests.authenticate_as_service_role();
select results_eq(
  format($$ select inserted, updated, unchanged from public.ingest_postings('greenhouse', 'jt40-acme', %L, true) $$,
    replace(:'feed', '"Frontend Engineer"', '"Senior Frontend Engineer"')),
  $$ values (0, 1, 2) $$,
  'a changed title updates that posting only'
);
select results_eq(
  $$ select title, first_seen_at = now() - interval '3 days', last_seen_at = now() - interval '30 minutes'
       from public.jobs where owner_id is null and external_id = 'jt40-2' $$,
  $$ values ('Senior Frontend Engineer', true, true) $$,
  'the update keeps first_seen_at, and last_seen_at moves only after an hour'
);

-- == last_seen_at moves at most once an hour ==
select tests.act_as_postgres();
update public.jobs set first_seen_at = now() - interval '1 day', last_seen_at = now() - interval '2 hours'
 where owner_id is null and external_id = 'jt40-1';
select tests.authenticate_as_service_role();
select results_eq(
  format($$ select updated, unchanged from public.ingest_postings('greenhouse', 'jt40-acme', %L, true) $$,
    replace(:'feed', '"Frontend Engineer"', '"Senior Frontend Engineer"')),
  $$ values (1, 2) $$,
  'a posting last seen two hours ago is touched once'
);
select is((select last_seen_at from public.jobs where owner_id is null and external_id = 'jt40-1'), now(),
  'its last_seen_at moves to now');
select results_eq(
  format($$ select updated, unchanged from public.ingest_postings('greenhouse', 'jt40-acme', %L, true) $$,
    replace(:'feed', '"Frontend Engineer"', '"Senior Frontend Engineer"')),
  $$ values (0, 3) $$,
  'and not again within the hour'
);

-- == full refresh: missing postings become inactive, never deleted ==
select results_eq(
  format($$ select received, inserted, updated, unchanged, deactivated
              from public.ingest_postings('greenhouse', 'jt40-acme', %L, true) $$,
    (select jsonb_path_query_array(replace(:'feed', '"Frontend Engineer"', '"Senior Frontend Engineer"')::jsonb,
       '$[*] ? (@.external_id != "jt40-3")'))),
  $$ values (2, 0, 0, 2, 1) $$,
  'a full refresh without jt40-3 deactivates it'
);
select results_eq(
  $$ select is_active, public.likely_stale(j) from public.jobs j where owner_id is null and external_id = 'jt40-3' $$,
  $$ values (false, true) $$,
  'the vanished posting is kept, inactive and likely stale'
);
select is((select count(*)::int from public.jobs where source_board = 'jt40-acme'), 3, 'nothing was deleted');
select is((select is_active from public.jobs where external_id = 'jt40-other-1'), true,
  'a full refresh leaves the source''s other boards alone');
select results_eq(
  $$ select title, owner_id is not null, is_active from public.jobs where id = 'a0000040-0000-4000-8000-000000000001' $$,
  $$ values ('My own notes on this job', true, true) $$,
  'a user''s private posting with the same source and external id is never touched'
);
select results_eq(
  format($$ select deactivated from public.ingest_postings('greenhouse', 'jt40-acme', %L, false) $$,
    (select jsonb_path_query_array(:'feed'::jsonb, '$[*] ? (@.external_id == "jt40-1")'))),
  $$ values (0) $$,
  'without full_refresh nothing is deactivated'
);

-- == a re-post: the vanished posting comes back ==
select results_eq(
  format($$ select inserted, updated, reactivated from public.ingest_postings('greenhouse', 'jt40-acme', %L, true) $$,
    replace(:'feed', '"Frontend Engineer"', '"Senior Frontend Engineer"')),
  $$ values (0, 1, 1) $$,
  'jt40-3 reappears: reactivated, the others unchanged'
);
select results_eq(
  $$ select is_active, times_reposted, public.likely_stale(j) from public.jobs j
      where owner_id is null and external_id = 'jt40-3' $$,
  $$ values (true, 1, false) $$,
  'it is active again and counted as re-posted once'
);

-- == duplicates across boards: linked to the earliest ==
select tests.act_as_postgres();
update public.jobs set first_seen_at = now() - interval '10 days' where owner_id is null and external_id = 'jt40-1';
select tests.authenticate_as_service_role();
select results_eq(
  $$ select inserted, linked from public.ingest_postings('lever', 'jt40acme',
       '[{"external_id":"jt40-lever-1","title":"Backend Engineer","company":"JT40 ACME Inc.","location":"Berlin (Germany)"}]', false) $$,
  $$ values (1, 1) $$,
  'the same job on Lever (legal suffix, case and punctuation aside) is linked'
);
select is(
  (select canonical_job_id from public.jobs where source = 'lever' and external_id = 'jt40-lever-1'),
  (select id from public.jobs where owner_id is null and source = 'greenhouse' and external_id = 'jt40-1'),
  'it points at the earliest posting of the job'
);
select is((select canonical_job_id from public.jobs where owner_id is null and external_id = 'jt40-1'), null,
  'the canonical posting points nowhere');
select tests.act_as_postgres();
update public.jobs set first_seen_at = now() - interval '5 days' where source = 'lever' and external_id = 'jt40-lever-1';
select tests.authenticate_as_service_role();
select results_eq(
  $$ select inserted, linked from public.ingest_postings('workable', null,
       '[{"external_id":"jt40-w-1","title":"Backend engineer","company":"JT40 Acme GmbH","location":"Berlin, Germany"}]', false) $$,
  $$ values (1, 1) $$,
  'a third sighting is linked as well'
);
select is(
  (select canonical_job_id from public.jobs where source = 'workable' and external_id = 'jt40-w-1'),
  (select id from public.jobs where owner_id is null and source = 'greenhouse' and external_id = 'jt40-1'),
  'to the earliest one, not to the one in between (no chains)'
);
select is((select canonical_job_id from public.jobs where id = 'a0000040-0000-4000-8000-000000000001'), null,
  'private imports are never linked');

-- The canonical posting becomes another job: its group re-links to the next earliest.
select results_eq(
  format($$ select updated, linked from public.ingest_postings('greenhouse', 'jt40-acme', %L, false) $$,
    (select jsonb_path_query_array(replace(:'feed', '"Backend Engineer"', '"Backend Team Lead"')::jsonb,
       '$[*] ? (@.external_id == "jt40-1")'))),
  $$ values (1, 2) $$,
  'when the canonical posting''s title changes, its old group is re-linked'
);
select results_eq(
  $$ select source, canonical_job_id is null from public.jobs
      where owner_id is null and external_id in ('jt40-1', 'jt40-lever-1', 'jt40-w-1') order by source $$,
  $$ values ('greenhouse', true), ('lever', true), ('workable', false) $$,
  'the Lever posting is now canonical for the group, and the re-titled one stands alone'
);
select is(
  (select canonical_job_id from public.jobs where source = 'workable' and external_id = 'jt40-w-1'),
  (select id from public.jobs where source = 'lever' and external_id = 'jt40-lever-1'),
  'the remaining duplicate points at the new canonical posting'
);

-- Two sightings of a new job in one batch: the insert cannot see either, the re-check links them.
select results_eq(
  $$ select inserted, linked from public.ingest_postings('indeed', null,
       '[{"external_id":"jt40-i-1","title":"Night Porter","company":"Hotel JT40","location":"Vienna"},
         {"external_id":"jt40-i-2","title":"Night porter","company":"Hotel JT40 GmbH","location":"Vienna"}]', false) $$,
  $$ values (2, 1) $$,
  'two new postings of one job in the same batch: one link'
);
select is(
  (select count(*)::int from public.jobs a join public.jobs b on a.canonical_job_id = b.id
    where a.source = 'indeed' and b.source = 'indeed' and b.canonical_job_id is null
      and (a.first_seen_at, a.id) > (b.first_seen_at, b.id)),
  1,
  'the later of the two points at the earlier'
);

-- == batches with the same external id twice: the last one wins ==
select results_eq(
  $$ select received, inserted, unchanged from public.ingest_postings('lever', 'jt40dup',
       '[{"external_id":"jt40-d","title":"First","company":"Dup Co"},{"external_id":"jt40-d","title":"Second","company":"Dup Co"}]', false) $$,
  $$ values (2, 1, 0) $$,
  'a repeated external id in one batch is one posting'
);
select is((select title from public.jobs where source = 'lever' and external_id = 'jt40-d'), 'Second',
  'the last occurrence wins');

-- == refused input ==
select throws_ok($$ select public.ingest_postings('greenhouse', 'jt40-acme', '[{"title":"No id","company":"X"}]', false) $$,
  '22023', null, 'a posting without an external id is refused');
select throws_ok($$ select public.ingest_postings('greenhouse', 'jt40-acme', '[{"source":"lever","external_id":"x","title":"T","company":"X"}]', false) $$,
  '22023', null, 'a posting of another source is refused');
select throws_ok($$ select public.ingest_postings('greenhouse', null, '[]', true) $$,
  '22023', null, 'a full refresh without a board is refused');
select throws_ok($$ select public.ingest_postings('greenhouse', 'jt40-acme', '{"jobs":[]}', false) $$,
  '22023', null, 'postings must be an array');
select throws_ok($$ select public.ingest_postings('Green House', 'jt40-acme', '[]', false) $$,
  '22023', null, 'the source must be a source key');
select throws_ok($$ select public.ingest_postings('greenhouse', 'jt40-acme', '[{"external_id":"jt40-bad","title":" padded ","company":"X"}]', false) $$,
  '23514', null, 'the table''s constraints still hold for ingested postings');

-- == likely_stale ==
select tests.act_as_postgres();
insert into public.jobs (owner_id, source, external_id, title, company, posted_at, expires_at, times_reposted, is_active) values
  (null, 'test', 'jt40-fresh', 'Fresh', 'Stale Co', now() - interval '5 days', now() + interval '20 days', 0, true),
  (null, 'test', 'jt40-expired', 'Expired', 'Stale Co', now() - interval '5 days', now() - interval '1 day', 0, true),
  (null, 'test', 'jt40-old', 'Old', 'Stale Co', now() - interval '61 days', null, 0, true),
  (null, 'test', 'jt40-reposted', 'Reposted', 'Stale Co', now() - interval '5 days', null, 3, true),
  (null, 'test', 'jt40-closed', 'Closed', 'Stale Co', now() - interval '5 days', null, 0, false),
  (null, 'test', 'jt40-undated', 'Undated', 'Stale Co', null, null, 2, true);
update public.jobs set first_seen_at = now() - interval '90 days', last_seen_at = now() - interval '90 days'
 where external_id = 'jt40-undated';

select tests.authenticate_as('alice');
select results_eq(
  $$ select external_id, public.likely_stale(j) from public.jobs j where company = 'Stale Co' order by external_id $$,
  $$ values ('jt40-closed', true), ('jt40-expired', true), ('jt40-fresh', false), ('jt40-old', true),
            ('jt40-reposted', true), ('jt40-undated', true) $$,
  'likely_stale: inactive, expired, posted over 60 days ago (or first seen, without a date), re-posted 3+ times'
);
select is(
  (select count(*)::int from public.jobs j where company = 'Stale Co' and not public.likely_stale(j)), 1,
  'signed-in users can filter on likely_stale (PostgREST computed field)'
);
select is((select provolatile from pg_proc where oid = 'public.likely_stale(public.jobs)'::regprocedure), 's'::"char",
  'likely_stale is stable');
select ok(not has_function_privilege('anon', 'public.likely_stale(public.jobs)', 'execute'),
  'anon cannot call likely_stale');

-- == users cannot write the signals ==
select throws_ok(
  $$ update public.jobs set times_reposted = 0 where id = 'a0000040-0000-4000-8000-000000000001' $$,
  '42501', null, 'a user cannot set times_reposted'
);
select throws_ok(
  $$ update public.jobs set canonical_job_id = null where id = 'a0000040-0000-4000-8000-000000000001' $$,
  '42501', null, 'a user cannot set canonical_job_id'
);
select throws_ok(
  $$ insert into public.jobs (title, company, first_seen_at) values ('Backdated', 'Me', now() - interval '1 year') $$,
  '42501', null, 'a user cannot backdate first_seen_at'
);
select results_eq(
  $$ insert into public.jobs (title, company) values ('Typed in', 'Me')
     returning source_board, times_reposted, canonical_job_id, first_seen_at = now(), last_seen_at = now() $$,
  $$ values (null::text, 0, null::uuid, true, true) $$,
  'a private posting gets the defaults: first and last seen now, no board, no re-posts, no link'
);

-- == schema ==
select tests.act_as_postgres();
select has_column('public', 'jobs', 'source_board', 'jobs.source_board exists');
select has_column('public', 'jobs', 'first_seen_at', 'jobs.first_seen_at exists');
select has_column('public', 'jobs', 'last_seen_at', 'jobs.last_seen_at exists');
select has_column('public', 'jobs', 'times_reposted', 'jobs.times_reposted exists');
select fk_ok('public', 'jobs', 'canonical_job_id', 'public', 'jobs', 'id');
select is(
  (select array_agg(a.attname::text order by a.attname)
     from pg_attribute a
    where a.attrelid = 'public.jobs'::regclass
      and a.attname in ('source_board', 'first_seen_at', 'last_seen_at', 'times_reposted', 'canonical_job_id')
      and col_description(a.attrelid, a.attnum) is not null),
  array['canonical_job_id', 'first_seen_at', 'last_seen_at', 'source_board', 'times_reposted'],
  'every freshness column is documented'
);
select ok(
  exists (select from pg_index where indrelid = 'public.jobs'::regclass
           and indexrelid = 'public.jobs_canonical_job_id_idx'::regclass),
  'canonical_job_id is indexed'
);

select * from finish();
rollback;
