-- Core schema structure: tables, key columns, keys, indexes, enums, RLS and documentation.
-- Behaviour (who may read and write what) is specified per table in 03..08.
begin;
\ir helpers.psql
select plan(128);

-- Every table in public has row-level security; first, as in basejump's schema tests.
select tests.rls_enabled('public');

-- == tables ==
select has_table('public', 'profiles', 'profiles exists');
select has_table('public', 'projects', 'projects exists');
select has_table('public', 'jobs', 'jobs exists');
select has_table('public', 'applications', 'applications exists');
select has_table('public', 'application_events', 'application_events exists');
select has_table('public', 'generated_cvs', 'generated_cvs exists');
select has_table('public', 'cover_letters', 'cover_letters exists');
select has_table('public', 'cv_templates', 'cv_templates exists');
select has_table('public', 'user_job_preferences', 'user_job_preferences exists');

-- A future table without a comment fails here, naming itself.
select is(
  (select array_agg(c.relname::text order by c.relname)
     from pg_catalog.pg_class c
     join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
      and coalesce(btrim(obj_description(c.oid, 'pg_class')), '') = ''),
  null,
  'every table and view in public has a comment'
);
select is(
  (select array_agg(t.typname::text order by t.typname)
     from pg_catalog.pg_type t
     join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    where n.nspname = 'public' and t.typtype = 'e'
      and coalesce(btrim(obj_description(t.oid, 'pg_type')), '') = ''),
  null,
  'every enum in public has a comment'
);
-- "anon reads nothing private": no table in public is granted to anon at all.
select is(
  (select array_agg(c.relname::text order by c.relname)
     from pg_catalog.pg_class c
     join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
      and has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger')),
  null,
  'anon holds no privilege on any table in public'
);

-- == primary keys ==
select col_is_pk('public', 'profiles', 'id', 'profiles.id is the primary key');
select col_is_pk('public', 'projects', 'id', 'projects.id is the primary key');
select col_is_pk('public', 'jobs', 'id', 'jobs.id is the primary key');
select col_is_pk('public', 'applications', 'id', 'applications.id is the primary key');
select col_is_pk('public', 'application_events', 'id', 'application_events.id is the primary key');
select col_is_pk('public', 'generated_cvs', 'id', 'generated_cvs.id is the primary key');
select col_is_pk('public', 'cover_letters', 'id', 'cover_letters.id is the primary key');
select col_is_pk('public', 'cv_templates', 'id', 'cv_templates.id is the primary key');
select col_is_pk('public', 'user_job_preferences', array['user_id', 'job_id']::name[], 'user_job_preferences is keyed by (user_id, job_id)');

-- == unique keys ==
select col_is_unique('public', 'applications', array['user_id', 'job_id']::name[], 'one application per user and job');
select col_is_unique('public', 'generated_cvs', array['user_id', 'job_id', 'version']::name[], 'CV versions are unique per (user, job)');
select col_is_unique('public', 'cover_letters', array['user_id', 'job_id', 'version']::name[], 'cover-letter versions are unique per (user, job)');
select col_is_unique('public', 'generated_cvs', array['id', 'user_id']::name[], 'generated_cvs (id, user_id) is a key for composite references');
select col_is_unique('public', 'cover_letters', array['id', 'user_id']::name[], 'cover_letters (id, user_id) is a key for composite references');
select col_is_unique('public', 'applications', array['id', 'user_id']::name[], 'applications (id, user_id) is a key for composite references');

-- == foreign keys ==
select fk_ok('public', 'projects', 'user_id', 'auth', 'users', 'id');
select fk_ok('public', 'jobs', 'owner_id', 'auth', 'users', 'id');
select fk_ok('public', 'cv_templates', 'owner_id', 'auth', 'users', 'id');
select fk_ok('public', 'generated_cvs', 'user_id', 'auth', 'users', 'id');
select fk_ok('public', 'generated_cvs', 'job_id', 'public', 'jobs', 'id');
select fk_ok('public', 'generated_cvs', 'template_id', 'public', 'cv_templates', 'id');
select fk_ok('public', 'cover_letters', 'user_id', 'auth', 'users', 'id');
select fk_ok('public', 'cover_letters', 'job_id', 'public', 'jobs', 'id');
select fk_ok('public', 'applications', 'user_id', 'auth', 'users', 'id');
select fk_ok('public', 'applications', 'job_id', 'public', 'jobs', 'id');
select fk_ok(
  'public', 'applications', array['cv_id', 'user_id', 'job_id']::name[],
  'public', 'generated_cvs', array['id', 'user_id', 'job_id']::name[],
  'an application''s CV is referenced together with its user and posting: (cv_id, user_id, job_id) -> generated_cvs (id, user_id, job_id)'
);
select fk_ok(
  'public', 'applications', array['cover_letter_id', 'user_id', 'job_id']::name[],
  'public', 'cover_letters', array['id', 'user_id', 'job_id']::name[],
  'an application''s letter is referenced together with its user and posting: (cover_letter_id, user_id, job_id) -> cover_letters (id, user_id, job_id)'
);
select is(
  (select pg_catalog.array_agg(conname::text order by conname) from pg_catalog.pg_constraint
    where conrelid = 'public.applications'::regclass and contype = 'f' and not convalidated),
  null,
  'every foreign key of applications holds for all rows (validated, not only for new writes)'
);
select fk_ok('public', 'application_events', 'user_id', 'auth', 'users', 'id');
select fk_ok(
  'public', 'application_events', array['application_id', 'user_id']::name[],
  'public', 'applications', array['id', 'user_id']::name[],
  'a timeline event belongs to an application of the same user: (application_id, user_id) -> applications (id, user_id)'
);
select fk_ok('public', 'user_job_preferences', 'user_id', 'auth', 'users', 'id');
select fk_ok('public', 'user_job_preferences', 'job_id', 'public', 'jobs', 'id');
-- What happens to referencing rows when the referenced row goes: every user-owned row dies with its
-- user; a deleted template leaves its CVs without a template.
select is(
  (select array_agg(format('%s.%s', conrelid::regclass, conname) order by conrelid::regclass::text, conname)
     from pg_catalog.pg_constraint
    where contype = 'f' and confrelid = 'auth.users'::regclass
      and connamespace = 'public'::regnamespace and confdeltype <> 'c'),
  null,
  'every foreign key to auth.users in public cascades on delete'
);
select is(
  (select confdeltype::text from pg_catalog.pg_constraint
    where conrelid = 'public.generated_cvs'::regclass and confrelid = 'public.cv_templates'::regclass),
  'n',
  'deleting a template sets generated_cvs.template_id to null'
);

-- == key columns and types ==
select col_type_is('public', 'profiles', 'skills', 'text[]', 'profiles.skills is text[]');
select col_type_is('public', 'profiles', 'work_experience', 'jsonb', 'profiles.work_experience is jsonb');
select col_type_is('public', 'profiles', 'remote_preferences', 'public', 'remote_type[]', 'profiles.remote_preferences is remote_type[]');

select col_type_is('public', 'projects', 'user_id', 'uuid', 'projects.user_id is uuid');
select col_not_null('public', 'projects', 'user_id', 'projects.user_id is not null');
select col_type_is('public', 'projects', 'start_date', 'date', 'projects.start_date is date');
select col_type_is('public', 'projects', 'technologies', 'text[]', 'projects.technologies is text[]');
select col_type_is('public', 'projects', 'metrics', 'jsonb', 'projects.metrics is jsonb');
select col_type_is('public', 'projects', 'search_vector', 'tsvector', 'projects.search_vector is tsvector');

select col_type_is('public', 'jobs', 'owner_id', 'uuid', 'jobs.owner_id is uuid');
select col_is_null('public', 'jobs', 'owner_id', 'jobs.owner_id is nullable (null = shared posting)');
select col_type_is('public', 'jobs', 'title', 'text', 'jobs.title is text');
select col_not_null('public', 'jobs', 'title', 'jobs.title is not null');
select col_type_is('public', 'jobs', 'remote_type', 'public', 'remote_type', 'jobs.remote_type is remote_type');
select col_type_is('public', 'jobs', 'employment_type', 'public', 'employment_type', 'jobs.employment_type is employment_type');
select col_type_is('public', 'jobs', 'salary_min', 'integer', 'jobs.salary_min is integer');
select col_type_is('public', 'jobs', 'salary_max', 'integer', 'jobs.salary_max is integer');
select col_type_is('public', 'jobs', 'salary_period', 'public', 'salary_period', 'jobs.salary_period is salary_period');
select col_type_is('public', 'jobs', 'required_skills', 'text[]', 'jobs.required_skills is text[]');
select col_type_is('public', 'jobs', 'posted_at', 'timestamp with time zone', 'jobs.posted_at is timestamptz');
select col_type_is('public', 'jobs', 'fingerprint', 'text', 'jobs.fingerprint is text');
select col_type_is('public', 'jobs', 'search_vector', 'tsvector', 'jobs.search_vector is tsvector');
select is(
  (select array_agg(attname::text order by attname) from pg_catalog.pg_attribute
    where attrelid = 'public.jobs'::regclass and attgenerated = 's'),
  array['fingerprint', 'search_vector'],
  'jobs.fingerprint and jobs.search_vector are generated by the database'
);

select col_type_is('public', 'applications', 'status', 'public', 'application_status', 'applications.status is application_status');
select col_default_is('public', 'applications', 'status', 'draft', 'applications start as draft');
select col_type_is('public', 'applications', 'applied_at', 'timestamp with time zone', 'applications.applied_at is timestamptz');
select col_type_is('public', 'applications', 'cv_id', 'uuid', 'applications.cv_id is uuid');
select col_type_is('public', 'applications', 'cover_letter_id', 'uuid', 'applications.cover_letter_id is uuid');

select col_type_is('public', 'application_events', 'kind', 'public', 'application_event_kind', 'application_events.kind is application_event_kind');
select col_type_is('public', 'application_events', 'from_status', 'public', 'application_status', 'application_events.from_status is application_status');
select col_type_is('public', 'application_events', 'to_status', 'public', 'application_status', 'application_events.to_status is application_status');
select col_type_is('public', 'application_events', 'details', 'jsonb', 'application_events.details is jsonb');
select col_type_is('public', 'application_events', 'occurred_at', 'timestamp with time zone', 'application_events.occurred_at is timestamptz');

select col_type_is('public', 'generated_cvs', 'version', 'integer', 'generated_cvs.version is integer');
select col_type_is('public', 'generated_cvs', 'content', 'jsonb', 'generated_cvs.content is jsonb');
select col_type_is('public', 'generated_cvs', 'match_score', 'smallint', 'generated_cvs.match_score is smallint');
select col_type_is('public', 'generated_cvs', 'generator', 'public', 'document_generator', 'generated_cvs.generator is document_generator');
select col_type_is('public', 'cover_letters', 'version', 'integer', 'cover_letters.version is integer');
select col_type_is('public', 'cover_letters', 'tone', 'public', 'letter_tone', 'cover_letters.tone is letter_tone');
select col_type_is('public', 'cover_letters', 'body', 'text', 'cover_letters.body is text');
select col_type_is('public', 'cv_templates', 'owner_id', 'uuid', 'cv_templates.owner_id is uuid');
select col_is_null('public', 'cv_templates', 'owner_id', 'cv_templates.owner_id is nullable (null = system template)');
select col_type_is('public', 'cv_templates', 'format', 'public', 'template_format', 'cv_templates.format is template_format');

select col_type_is('public', 'user_job_preferences', 'is_favorite', 'boolean', 'user_job_preferences.is_favorite is boolean');
select col_type_is('public', 'user_job_preferences', 'is_hidden', 'boolean', 'user_job_preferences.is_hidden is boolean');

-- == indexes ==
select has_index('public', 'jobs', 'jobs_search_vector_idx', 'search_vector', 'jobs.search_vector is indexed');
select index_is_type('public', 'jobs', 'jobs_search_vector_idx', 'gin', 'jobs.search_vector is a GIN index');
select has_index('public', 'projects', 'projects_search_vector_idx', 'search_vector', 'projects.search_vector is indexed');
select index_is_type('public', 'projects', 'projects_search_vector_idx', 'gin', 'projects.search_vector is a GIN index');
select has_index('public', 'jobs', 'jobs_owner_id_idx', 'owner_id', 'jobs.owner_id (the select policy) is indexed');
select has_index('public', 'jobs', 'jobs_fingerprint_idx', 'fingerprint', 'jobs.fingerprint (dedup) is indexed');
select has_index('public', 'jobs', 'jobs_shared_source_external_id_idx', array['source', 'external_id']::name[], 'shared postings are keyed by (source, external_id)');
select index_is_unique('public', 'jobs', 'jobs_shared_source_external_id_idx', 'a shared posting is unique per (source, external_id)');
select has_index('public', 'jobs', 'jobs_private_source_external_id_idx', array['owner_id', 'source', 'external_id']::name[], 'private imports are keyed by (owner_id, source, external_id)');
select index_is_unique('public', 'jobs', 'jobs_private_source_external_id_idx', 'a private import is unique per (owner_id, source, external_id)');
select has_index('public', 'projects', 'projects_user_id_idx', 'user_id', 'projects.user_id (the policies) is indexed');
select has_index('public', 'applications', 'applications_user_id_created_at_idx', array['user_id', 'created_at']::name[], 'a user''s pipeline is indexed by (user_id, created_at)');
select has_index('public', 'applications', 'applications_cv_id_user_id_job_id_idx', array['cv_id', 'user_id', 'job_id']::name[], 'the composite CV reference is indexed');
select has_index('public', 'applications', 'applications_cover_letter_id_user_id_job_id_idx', array['cover_letter_id', 'user_id', 'job_id']::name[], 'the composite letter reference is indexed');
select has_index('public', 'application_events', 'application_events_application_id_user_id_idx', array['application_id', 'user_id', 'occurred_at']::name[], 'a timeline is indexed by (application_id, user_id, occurred_at)');
select has_index('public', 'application_events', 'application_events_user_id_idx', array['user_id', 'occurred_at']::name[], 'application_events.user_id (the select policy) is indexed');
select has_index('public', 'cv_templates', 'cv_templates_owner_id_idx', 'owner_id', 'cv_templates.owner_id (the policies) is indexed');
select index_is_unique('public', 'cv_templates', 'cv_templates_one_default_per_owner_idx', 'at most one default template per owner (and one system default)');
select has_index('public', 'generated_cvs', 'generated_cvs_template_id_idx', 'template_id', 'generated_cvs.template_id is indexed');
select has_index('public', 'user_job_preferences', 'user_job_preferences_job_id_idx', 'job_id', 'user_job_preferences.job_id is indexed');

-- == enums ==
select enum_has_labels('public', 'application_status',
  array['draft', 'applied', 'interviewing', 'offered', 'accepted', 'declined', 'rejected', 'withdrawn']::name[],
  'application_status has the pipeline stages in order');
select enum_has_labels('public', 'application_event_kind',
  array['status_change', 'note', 'interview', 'follow_up']::name[],
  'application_event_kind has its labels');
select enum_has_labels('public', 'remote_type', array['onsite', 'hybrid', 'remote']::name[], 'remote_type has its labels');
select enum_has_labels('public', 'employment_type',
  array['full_time', 'part_time', 'contract', 'temporary', 'internship', 'freelance']::name[],
  'employment_type has its labels');
select enum_has_labels('public', 'salary_period', array['year', 'month', 'week', 'day', 'hour']::name[], 'salary_period has its labels');
select enum_has_labels('public', 'template_format', array['markdown', 'html']::name[], 'template_format has its labels');
select enum_has_labels('public', 'document_generator', array['deterministic', 'llm', 'manual']::name[], 'document_generator has its labels');
select enum_has_labels('public', 'letter_tone', array['formal', 'warm', 'concise']::name[], 'letter_tone has its labels');

-- == triggers that keep the invariants ==
select has_trigger('public', 'generated_cvs', 'generated_cvs_assign_version', 'CV versions are assigned by a trigger');
select has_trigger('public', 'cover_letters', 'cover_letters_assign_version', 'letter versions are assigned by a trigger');
select has_trigger('public', 'applications', 'applications_ensure_job_visible', 'applications may only point at visible postings');
select has_trigger('public', 'generated_cvs', 'generated_cvs_ensure_job_visible', 'CVs may only point at visible postings');
select has_trigger('public', 'cover_letters', 'cover_letters_ensure_job_visible', 'letters may only point at visible postings');
select has_trigger('public', 'user_job_preferences', 'user_job_preferences_ensure_job_visible', 'preferences may only point at visible postings');
select has_trigger('public', 'generated_cvs', 'generated_cvs_ensure_template_visible', 'CVs may only use system or own templates');
-- Every table with updated_at keeps it current with the shared trigger function.
select is(
  (select array_agg(c.relname::text order by c.relname)
     from pg_catalog.pg_class c
     join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      and not exists (
        select from pg_catalog.pg_trigger t
         where t.tgrelid = c.oid and t.tgfoid = 'private.trigger_set_updated_at()'::regprocedure
      )),
  null,
  'every table with updated_at has a trigger calling private.trigger_set_updated_at()'
);

select * from finish();
rollback;
