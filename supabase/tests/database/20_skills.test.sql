-- Skill normalisation: one dictionary (skills + aliases), one key rule shared with _shared/skills.ts,
-- normalised keys on postings kept by the database, readable by signed-in users, written by the
-- service role only.
begin;
\ir helpers.psql
select plan(45);

-- == schema ==
select has_table('public', 'skills', 'skills exists');
select has_table('public', 'skill_aliases', 'skill_aliases exists');
select col_is_pk('public', 'skills', 'name', 'skills are keyed by their canonical name');
select col_is_pk('public', 'skill_aliases', 'alias', 'skill_aliases are keyed by the alias key');
select fk_ok('public', 'skill_aliases', 'skill_name', 'public', 'skills', 'name');
select tests.rls_enabled('public');
select ok(
  (select count(*) from public.skill_aliases a where a.alias <> private.skill_key(a.skill_name)) >= 200,
  'the dictionary holds at least 200 aliases besides the canonical names'
);
select is(
  (select count(*) from public.skills s
    where not exists (select from public.skill_aliases a where a.alias = private.skill_key(s.name) and a.skill_name = s.name)),
  0::bigint,
  'every canonical name is its own alias'
);
select has_trigger('public', 'jobs', 'jobs_set_skill_keys', 'posting skill keys are kept by a trigger');
select has_index('public', 'jobs', 'jobs_required_skill_keys_idx', 'required_skill_keys', 'required skill keys are indexed');
select index_is_type('public', 'jobs', 'jobs_required_skill_keys_idx', 'gin', 'required skill keys use GIN (overlap, containment)');

-- == the key rule is skillKey() of _shared/skills.ts (expected values computed with it) ==
select is(private.skill_key(E'  PostgreSQL  '), 'postgresql', 'keys are trimmed and lower-cased');
select is(private.skill_key(E'Amazon   Web\tServices'), 'amazon web services', 'inner whitespace collapses to one space');
select is(private.skill_key(E'\u00a0K8s\u2003'), 'k8s', 'no-break and em spaces are whitespace, as in JavaScript');
select is(private.skill_key(E'\n\r\tGo\u3000'), 'go', 'line terminators and ideographic space are trimmed');
select is(private.skill_key(E'a\u200bb'), E'a\u200bb', 'a zero-width space is not whitespace (as in JavaScript)');
select is(private.skill_key('İSTANBUL ΟΔΟΣ'), 'i̇stanbul οδος', 'lower-casing is Unicode''s default mapping, like toLowerCase()');
select is(private.skill_key('C#'), 'c#', 'punctuation is kept');

-- == normalize_skill / normalize_skills, as a signed-in user ==
select tests.create_supabase_user('skills_user');
select tests.authenticate_as('skills_user');
select is(
  array[public.normalize_skill('JS'), public.normalize_skill('ts'), public.normalize_skill('Postgres'), public.normalize_skill('psql'),
        public.normalize_skill('k8s'), public.normalize_skill('golang'), public.normalize_skill('nodejs'), public.normalize_skill('React.js')],
  array['JavaScript', 'TypeScript', 'PostgreSQL', 'PostgreSQL', 'Kubernetes', 'Go', 'Node.js', 'React'],
  'common aliases resolve to their canonical names'
);
select is(
  array[public.normalize_skill('Amazon Web Services'), public.normalize_skill('GCP'), public.normalize_skill('ci cd'), public.normalize_skill('ML'),
        public.normalize_skill('node'), public.normalize_skill('  POSTGRESQL ')],
  array['AWS', 'Google Cloud', 'CI/CD', 'Machine Learning', 'Node.js', 'PostgreSQL'],
  'aliases match whatever the case and spacing'
);
select is(public.normalize_skill(E'  Zyxquor   Wrangling\t'), 'Zyxquor Wrangling', 'an unknown skill comes back trimmed, whitespace collapsed, case kept');
select is(
  public.normalize_skills(array['  TypeScript', 'postgres', 'PostgreSQL', 'k8s', 'Foo  bar', 'foo BAR', '', ' ', 'JS', null]),
  array['TypeScript', 'PostgreSQL', 'Kubernetes', 'Foo bar', 'JavaScript'],
  'normalize_skills keeps first-seen order, drops blanks and nulls, de-duplicates by key keeping the first spelling'
);
select is(public.normalize_skills('{}'), '{}'::text[], 'no skills normalise to none');
select is(private.skill_keys(array['typescript', 'postgres', 'kubernetes']), array['typescript', 'postgresql', 'kubernetes'], 'skill keys are the keys of the canonical names');
select results_eq(
  $$ select name, category from public.skills where name in ('PostgreSQL', 'Kubernetes') order by name $$,
  $$ values ('Kubernetes', 'devops'), ('PostgreSQL', 'database') $$,
  'a signed-in user can read the dictionary'
);
select throws_ok(
  $$ insert into public.skills (name, category) values ('Zyxquor', 'tool') $$,
  '42501', null,
  'a signed-in user cannot add skills'
);
select throws_ok(
  $$ insert into public.skill_aliases (alias, skill_name) values ('zyx', 'Go') $$,
  '42501', null,
  'a signed-in user cannot add aliases'
);
select throws_ok(
  $$ update public.skill_aliases set skill_name = 'Rust' where alias = 'golang' $$,
  '42501', null,
  'a signed-in user cannot re-point an alias'
);
select throws_ok(
  $$ delete from public.skill_aliases where alias = 'k8s' $$,
  '42501', null,
  'a signed-in user cannot delete aliases'
);

-- == postings carry normalised keys, derived by the database ==
select results_eq(
  $$ insert into public.jobs (title, company, required_skills, preferred_skills)
     values ('Zyxquor Platform Engineer', 'Zyxquor Skills Co', '{typescript,Postgres,k8s,PostgreSQL}', '{JS,Zyxquorlang}')
     returning required_skill_keys, preferred_skill_keys $$,
  $$ values (array['typescript', 'postgresql', 'kubernetes'], array['javascript', 'zyxquorlang']) $$,
  'inserting a posting derives its skill keys (aliases resolved, duplicates dropped)'
);
select results_eq(
  $$ update public.jobs set required_skills = '{golang, Go, Rust}' where title = 'Zyxquor Platform Engineer'
     returning required_skill_keys $$,
  $$ values (array['go', 'rust']) $$,
  'changing the skills re-derives the keys'
);
select throws_ok(
  $$ update public.jobs set required_skill_keys = '{cobol}' where title = 'Zyxquor Platform Engineer' $$,
  '42501', null,
  'a user cannot write skill keys directly'
);

-- == as anon ==
select tests.clear_authentication();
select throws_ok($$ select * from public.skills $$, '42501', null, 'anon cannot read the dictionary');
select throws_ok($$ select public.normalize_skill('JS') $$, '42501', null, 'anon cannot call normalize_skill');
select throws_ok($$ select public.normalize_skills('{JS}') $$, '42501', null, 'anon cannot call normalize_skills');

-- == as the service role: the dictionary evolves and postings follow ==
select tests.authenticate_as_service_role();
select lives_ok(
  $$ insert into public.skills (name, category) values ('Zyxquorlang', 'language') $$,
  'the service role can add a skill'
);
select is(
  (select skill_name from public.skill_aliases where alias = 'zyxquorlang'),
  'Zyxquorlang',
  'a new skill becomes its own alias'
);
select lives_ok(
  $$ insert into public.skill_aliases (alias, skill_name) values ('zyxlang', 'Zyxquorlang') $$,
  'the service role can add an alias'
);
select is(public.normalize_skill('ZyxLang'), 'Zyxquorlang', 'the new alias resolves at once');
select throws_ok(
  $$ insert into public.skill_aliases (alias, skill_name) values ('Not A Key', 'Go') $$,
  '23514', null,
  'aliases must be stored as keys'
);
select throws_ok(
  $$ insert into public.skills (name, category) values ('GOLANG', 'language') $$,
  '23505', null,
  'a canonical name cannot take over another skill''s alias'
);
select throws_ok(
  $$ insert into public.skills (name, category) values ('  Padded', 'language') $$,
  '23514', null,
  'canonical names are stored trimmed'
);

-- A spelling unknown when the posting was written becomes an alias later: the posting is re-keyed.
select tests.authenticate_as('skills_user');
insert into public.jobs (title, company, required_skills) values ('Zyxquor DBA', 'Zyxquor Skills Co', '{Postgress, Linux}');
select tests.authenticate_as_service_role();
insert into public.skill_aliases (alias, skill_name) values ('postgress', 'PostgreSQL');
select is(
  (select required_skill_keys from public.jobs where title = 'Zyxquor DBA'),
  array['postgresql', 'linux'],
  'adding an alias re-keys the postings that used the spelling'
);
delete from public.skill_aliases where alias = 'postgress';
select is(
  (select required_skill_keys from public.jobs where title = 'Zyxquor DBA'),
  array['postgress', 'linux'],
  'removing it re-keys them back'
);
select is(
  (select preferred_skill_keys from public.jobs where title = 'Zyxquor Platform Engineer'),
  array['javascript', 'zyxquorlang'],
  'postings keep keys that did not change'
);

select * from finish();
rollback;
