-- Applications and their timeline, and per-user notes on postings (favorite, hidden).
-- An application's status moves only through the transition function (a later migration); here the
-- column is locked by grants.

-- Section: types
create type public.application_status as enum (
  'draft', 'applied', 'interviewing', 'offered', 'accepted', 'declined', 'rejected', 'withdrawn'
);
comment on type public.application_status is 'Pipeline stage. Terminal: accepted, declined, rejected, withdrawn.';

create type public.application_event_kind as enum ('status_change', 'note', 'interview', 'follow_up');
comment on type public.application_event_kind is 'What a timeline entry records.';

-- Section: tables
create table public.applications (
  id uuid primary key default extensions.gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  job_id uuid not null references public.jobs (id),
  status public.application_status not null default 'draft',
  cv_id uuid,
  cover_letter_id uuid,
  applied_at timestamptz,
  follow_up_at timestamptz,
  notes text check (pg_catalog.length(notes) <= 20000),
  external_application_id text check (pg_catalog.length(external_application_id) <= 200),
  application_url text check (private.is_http_url(application_url)),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  constraint applications_user_id_job_id_key unique (user_id, job_id),
  constraint applications_id_user_id_key unique (id, user_id),
  -- Composite keys: the attached CV and letter must be the same user's.
  constraint applications_cv_id_fkey foreign key (cv_id, user_id) references public.generated_cvs (id, user_id),
  constraint applications_cover_letter_id_fkey foreign key (cover_letter_id, user_id) references public.cover_letters (id, user_id)
);
comment on table public.applications is 'One application per user and posting, tracked through the pipeline.';
comment on column public.applications.status is 'Pipeline stage; changes only through transition_application, which also writes the timeline.';
comment on column public.applications.cv_id is 'The CV version sent (or to be sent); must belong to the same user.';
comment on column public.applications.cover_letter_id is 'The cover letter sent (or to be sent); must belong to the same user.';
comment on column public.applications.applied_at is 'Set when the application enters applied.';
comment on column public.applications.follow_up_at is 'When to follow up; proposed on entering applied, editable.';

create table public.application_events (
  id uuid primary key default extensions.gen_random_uuid(),
  application_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  kind public.application_event_kind not null,
  from_status public.application_status,
  to_status public.application_status,
  note text check (pg_catalog.length(note) <= 5000),
  details jsonb not null default '{}' check (pg_catalog.jsonb_typeof(details) = 'object' and pg_catalog.pg_column_size(details) <= 16384),
  occurred_at timestamptz not null default pg_catalog.now(),
  created_at timestamptz not null default pg_catalog.now(),
  constraint application_events_application_fkey foreign key (application_id, user_id)
    references public.applications (id, user_id) on delete cascade,
  constraint application_events_status_change_check check ((kind = 'status_change') = (to_status is not null)),
  constraint application_events_from_status_check check (from_status is null or kind = 'status_change')
);
comment on table public.application_events is 'Append-only timeline of an application: status changes, notes, interviews, follow-ups. Written by database functions only; corrections are new events.';
comment on column public.application_events.details is 'Kind-specific data, e.g. an interview''s {scheduled_at, time_zone, kind, location, with, duration_minutes}.';
comment on column public.application_events.occurred_at is 'When it happened (may be back-dated); created_at is when it was recorded.';

create table public.user_job_preferences (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  job_id uuid not null references public.jobs (id) on delete cascade,
  is_favorite boolean not null default false,
  is_hidden boolean not null default false,
  notes text check (pg_catalog.length(notes) <= 5000),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (user_id, job_id)
);
comment on table public.user_job_preferences is 'A user''s marks on a posting: favorite, hidden (excluded from search and matching), private notes.';

-- Section: indexes
create index applications_user_id_created_at_idx on public.applications (user_id, created_at desc);
create index applications_job_id_idx on public.applications (job_id);
create index applications_cv_id_user_id_idx on public.applications (cv_id, user_id) where cv_id is not null;
create index applications_cover_letter_id_user_id_idx on public.applications (cover_letter_id, user_id) where cover_letter_id is not null;
create index application_events_application_id_user_id_idx on public.application_events (application_id, user_id, occurred_at);
create index application_events_user_id_idx on public.application_events (user_id, occurred_at desc);
create index user_job_preferences_job_id_idx on public.user_job_preferences (job_id);

-- Section: grants
revoke all on table public.applications, public.application_events, public.user_job_preferences from anon, authenticated;
-- Status and applied_at move only through transition_application.
grant select, delete on table public.applications to authenticated;
grant insert (user_id, job_id, cv_id, cover_letter_id, follow_up_at, notes, external_application_id, application_url)
  on table public.applications to authenticated;
grant update (cv_id, cover_letter_id, follow_up_at, notes, external_application_id, application_url)
  on table public.applications to authenticated;
-- The timeline is read-only for users.
grant select on table public.application_events to authenticated;
grant select, delete on table public.user_job_preferences to authenticated;
grant insert (user_id, job_id, is_favorite, is_hidden, notes) on table public.user_job_preferences to authenticated;
grant update (is_favorite, is_hidden, notes) on table public.user_job_preferences to authenticated;

-- Section: row-level security: applications
alter table public.applications enable row level security;

create policy "Users can view their own applications"
  on public.applications for select
  to authenticated
  using ((select auth.uid()) = user_id);

create policy "Users can create their own applications"
  on public.applications for insert
  to authenticated
  with check ((select auth.uid()) = user_id);

create policy "Users can update their own applications"
  on public.applications for update
  to authenticated
  using ((select auth.uid()) = user_id)
  with check ((select auth.uid()) = user_id);

create policy "Users can delete their own applications"
  on public.applications for delete
  to authenticated
  using ((select auth.uid()) = user_id);

-- Section: row-level security: application_events
alter table public.application_events enable row level security;

create policy "Users can view their own application timelines"
  on public.application_events for select
  to authenticated
  using ((select auth.uid()) = user_id);

-- Section: row-level security: user_job_preferences
alter table public.user_job_preferences enable row level security;

create policy "Users can view their own job preferences"
  on public.user_job_preferences for select
  to authenticated
  using ((select auth.uid()) = user_id);

create policy "Users can create their own job preferences"
  on public.user_job_preferences for insert
  to authenticated
  with check ((select auth.uid()) = user_id);

create policy "Users can update their own job preferences"
  on public.user_job_preferences for update
  to authenticated
  using ((select auth.uid()) = user_id)
  with check ((select auth.uid()) = user_id);

create policy "Users can delete their own job preferences"
  on public.user_job_preferences for delete
  to authenticated
  using ((select auth.uid()) = user_id);

-- Section: triggers
create trigger applications_set_updated_at
  before update on public.applications
  for each row execute function private.trigger_set_updated_at();

create trigger applications_ensure_job_visible
  before insert or update of job_id on public.applications
  for each row execute function private.trigger_ensure_job_visible();

create trigger user_job_preferences_set_updated_at
  before update on public.user_job_preferences
  for each row execute function private.trigger_set_updated_at();

create trigger user_job_preferences_ensure_job_visible
  before insert on public.user_job_preferences
  for each row execute function private.trigger_ensure_job_visible();
