-- Documents: CV templates, and the tailored CV and cover-letter versions generated per posting.
-- Versions are numbered 1, 2, 3... per (user, job) by the database, without gaps or duplicates
-- under concurrency. Generated documents are immutable: an edit is a new version.

-- Section: types
create type public.template_format as enum ('markdown', 'html');
comment on type public.template_format is 'Markup a CV template renders to.';

create type public.document_generator as enum ('deterministic', 'llm', 'manual');
comment on type public.document_generator is 'What wrote a document: the built-in engine, an LLM draft that passed the grounding check, or the user.';

create type public.letter_tone as enum ('formal', 'warm', 'concise');
comment on type public.letter_tone is 'Voice of a cover letter.';

-- Section: tables
create table public.cv_templates (
  id uuid primary key default extensions.gen_random_uuid(),
  owner_id uuid default auth.uid() references auth.users (id) on delete cascade,
  name text not null check (name = pg_catalog.btrim(name) and pg_catalog.length(name) between 1 and 100),
  description text check (pg_catalog.length(description) <= 1000),
  format public.template_format not null default 'markdown',
  body text not null check (pg_catalog.length(body) between 1 and 100000),
  is_default boolean not null default false,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now()
);
comment on table public.cv_templates is 'CV templates: system templates (owner_id null, read-only) and a user''s own.';
comment on column public.cv_templates.body is 'Template source (Mustache syntax) rendered with the tailored JSON Resume document.';
comment on column public.cv_templates.is_default is 'At most one default among the system templates and one per user.';

create table public.generated_cvs (
  id uuid primary key default extensions.gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  job_id uuid not null references public.jobs (id),
  version integer not null default 0,
  template_id uuid references public.cv_templates (id) on delete set null,
  -- The JSON Resume sections a profile holds are held to the same shape here: a client writing a CV
  -- through the API must not get past the checks the profile it came from passed.
  content jsonb not null check (
    pg_catalog.jsonb_typeof(content) = 'object' and pg_catalog.pg_column_size(content) <= 524288
    and private.is_valid_work_history(coalesce(nullif(content -> 'work', 'null'), '[]'))
    and private.is_valid_education(coalesce(nullif(content -> 'education', 'null'), '[]'))
  ),
  rendered_markdown text check (pg_catalog.length(rendered_markdown) <= 200000),
  rendered_html text check (pg_catalog.length(rendered_html) <= 400000),
  match_score smallint check (match_score between 0 and 100),
  matched_skills text[] not null default '{}' check (private.is_clean_text_array(matched_skills, 200, 100)),
  missing_required_skills text[] not null default '{}' check (private.is_clean_text_array(missing_required_skills, 200, 100)),
  missing_preferred_skills text[] not null default '{}' check (private.is_clean_text_array(missing_preferred_skills, 200, 100)),
  generator public.document_generator not null default 'manual',
  model text check (pg_catalog.length(model) <= 200),
  prompt_version text check (pg_catalog.length(prompt_version) <= 50),
  grounding jsonb check (pg_catalog.jsonb_typeof(grounding) = 'object' and pg_catalog.pg_column_size(grounding) <= 65536),
  created_at timestamptz not null default pg_catalog.now(),
  constraint generated_cvs_user_job_version_key unique (user_id, job_id, version),
  constraint generated_cvs_id_user_id_key unique (id, user_id)
);
comment on table public.generated_cvs is 'Tailored CV versions, one series per (user, job); immutable once written.';
comment on column public.generated_cvs.version is 'Assigned by the database: 1, 2, 3... per (user, job), no gaps or duplicates under concurrency.';
comment on column public.generated_cvs.content is 'The CV as a JSON Resume document (basics, work, projects, education, skills); work and education, when present, are checked like the profile''s.';
comment on column public.generated_cvs.match_score is 'How well the CV covers the posting, 0-100.';
comment on column public.generated_cvs.grounding is 'Result of the grounding check of an LLM draft: {passed, unsupported: [...]}.';

create table public.cover_letters (
  id uuid primary key default extensions.gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  job_id uuid not null references public.jobs (id),
  version integer not null default 0,
  tone public.letter_tone not null default 'formal',
  max_words integer check (max_words between 50 and 1000),
  body text not null check (pg_catalog.length(body) between 1 and 20000),
  generator public.document_generator not null default 'manual',
  model text check (pg_catalog.length(model) <= 200),
  prompt_version text check (pg_catalog.length(prompt_version) <= 50),
  grounding jsonb check (pg_catalog.jsonb_typeof(grounding) = 'object' and pg_catalog.pg_column_size(grounding) <= 65536),
  created_at timestamptz not null default pg_catalog.now(),
  constraint cover_letters_user_job_version_key unique (user_id, job_id, version),
  constraint cover_letters_id_user_id_key unique (id, user_id)
);
comment on table public.cover_letters is 'Cover-letter versions, one series per (user, job); immutable once written.';
comment on column public.cover_letters.version is 'Assigned by the database: 1, 2, 3... per (user, job), no gaps or duplicates under concurrency.';

-- Section: indexes
create index cv_templates_owner_id_idx on public.cv_templates (owner_id);
create unique index cv_templates_one_default_per_owner_idx on public.cv_templates (owner_id) nulls not distinct where is_default;
create index generated_cvs_job_id_idx on public.generated_cvs (job_id);
create index generated_cvs_template_id_idx on public.generated_cvs (template_id);
create index cover_letters_job_id_idx on public.cover_letters (job_id);

-- Section: grants
-- Templates: full CRUD on one's own. Generated documents: read, add a version, delete; never edit.
revoke all on table public.cv_templates, public.generated_cvs, public.cover_letters from anon, authenticated;
grant select, delete on table public.cv_templates to authenticated;
grant insert (owner_id, name, description, format, body, is_default) on table public.cv_templates to authenticated;
grant update (name, description, format, body, is_default) on table public.cv_templates to authenticated;
grant select, delete on table public.generated_cvs to authenticated;
grant insert (
  user_id, job_id, template_id, content, rendered_markdown, rendered_html, match_score, matched_skills,
  missing_required_skills, missing_preferred_skills, generator, model, prompt_version, grounding
) on table public.generated_cvs to authenticated;
grant select, delete on table public.cover_letters to authenticated;
grant insert (user_id, job_id, tone, max_words, body, generator, model, prompt_version, grounding)
  on table public.cover_letters to authenticated;

-- Section: row-level security: cv_templates
alter table public.cv_templates enable row level security;

create policy "Users can view system templates and their own"
  on public.cv_templates for select
  to authenticated
  using (owner_id is null or owner_id = (select auth.uid()));

create policy "Users can create their own templates"
  on public.cv_templates for insert
  to authenticated
  with check (owner_id = (select auth.uid()));

create policy "Users can update their own templates"
  on public.cv_templates for update
  to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

create policy "Users can delete their own templates"
  on public.cv_templates for delete
  to authenticated
  using (owner_id = (select auth.uid()));

-- Section: row-level security: generated_cvs
alter table public.generated_cvs enable row level security;

create policy "Users can view their own CV versions"
  on public.generated_cvs for select
  to authenticated
  using ((select auth.uid()) = user_id);

create policy "Users can add CV versions of their own"
  on public.generated_cvs for insert
  to authenticated
  with check ((select auth.uid()) = user_id);

create policy "Users can delete their own CV versions"
  on public.generated_cvs for delete
  to authenticated
  using ((select auth.uid()) = user_id);

-- Section: row-level security: cover_letters
alter table public.cover_letters enable row level security;

create policy "Users can view their own cover letters"
  on public.cover_letters for select
  to authenticated
  using ((select auth.uid()) = user_id);

create policy "Users can add cover letters of their own"
  on public.cover_letters for insert
  to authenticated
  with check ((select auth.uid()) = user_id);

create policy "Users can delete their own cover letters"
  on public.cover_letters for delete
  to authenticated
  using ((select auth.uid()) = user_id);

-- Section: functions
-- Numbers a new document version. The transaction-scoped advisory lock serialises writers of the
-- same (user, job) series only, so concurrent requests get 1, 2, 3... and a rolled-back insert
-- leaves no gap.
create or replace function private.trigger_assign_document_version()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(tg_table_name || ':' || new.user_id || ':' || new.job_id, 0));
  execute pg_catalog.format('select coalesce(max(version), 0) + 1 from %I.%I where user_id = $1 and job_id = $2', tg_table_schema, tg_table_name)
    into new.version
    using new.user_id, new.job_id;
  return new;
end;
$$;
comment on function private.trigger_assign_document_version() is 'Assigns the next gap-free version per (user, job) under an advisory lock; definer so the count sees every version whatever the caller''s RLS.';

-- Section: triggers
create trigger cv_templates_set_updated_at
  before update on public.cv_templates
  for each row execute function private.trigger_set_updated_at();

create trigger generated_cvs_ensure_job_visible
  before insert on public.generated_cvs
  for each row execute function private.trigger_ensure_job_visible();

create trigger generated_cvs_assign_version
  before insert on public.generated_cvs
  for each row execute function private.trigger_assign_document_version();

create trigger cover_letters_ensure_job_visible
  before insert on public.cover_letters
  for each row execute function private.trigger_ensure_job_visible();

create trigger cover_letters_assign_version
  before insert on public.cover_letters
  for each row execute function private.trigger_assign_document_version();

-- A CV may be rendered with a system template or the user's own, never another user's.
create or replace function private.trigger_ensure_template_visible()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.template_id is not null and not exists (
    select from public.cv_templates
    where id = new.template_id and (owner_id is null or owner_id = new.user_id)
  ) then
    raise exception 'template % is not visible to user %', new.template_id, new.user_id
      using errcode = '23503', hint = 'Use a system template or one of your own.';
  end if;
  return new;
end;
$$;
comment on function private.trigger_ensure_template_visible() is 'Rejects (23503) a CV that names another user''s template.';

create trigger generated_cvs_ensure_template_visible
  before insert on public.generated_cvs
  for each row execute function private.trigger_ensure_template_visible();
