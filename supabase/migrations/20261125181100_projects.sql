-- Portfolio projects: what a person built, with technologies and achievements that tailored CVs
-- can pick from.

-- Section: tables
create table public.projects (
  id uuid primary key default extensions.gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  name text not null check (name = pg_catalog.btrim(name) and pg_catalog.length(name) between 1 and 200),
  role text check (pg_catalog.length(role) <= 200),
  description text check (pg_catalog.length(description) <= 10000),
  url text check (private.is_http_url(url)),
  repository_url text check (private.is_http_url(repository_url)),
  start_date date,
  end_date date,
  technologies text[] not null default '{}' check (private.is_clean_text_array(technologies, 50, 100)),
  achievements text[] not null default '{}' check (private.is_clean_text_array(achievements, 30, 1000)),
  metrics jsonb not null default '{}' check (pg_catalog.jsonb_typeof(metrics) = 'object' and pg_catalog.pg_column_size(metrics) <= 16384),
  relevance_tags text[] not null default '{}' check (private.is_clean_text_array(relevance_tags, 30, 100)),
  is_featured boolean not null default false,
  search_vector tsvector generated always as (
    pg_catalog.setweight(pg_catalog.to_tsvector('private.english_unaccent'::regconfig, coalesce(name, '') || ' ' || coalesce(role, '')), 'A')
    || pg_catalog.setweight(pg_catalog.to_tsvector('private.english_unaccent'::regconfig, private.immutable_array_to_string(technologies || relevance_tags)), 'B')
    || pg_catalog.setweight(pg_catalog.to_tsvector('private.english_unaccent'::regconfig, coalesce(description, '') || ' ' || private.immutable_array_to_string(achievements)), 'C')
  ) stored,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  constraint projects_dates_ordered_check check (end_date is null or start_date is null or end_date >= start_date)
);
comment on table public.projects is 'Portfolio projects of a user; tailored CVs rank them against a posting.';
comment on column public.projects.end_date is 'Null while the project is ongoing; never before start_date.';
comment on column public.projects.metrics is 'Measured outcomes as a flat JSON object, e.g. {"latency_p95_ms": 40, "users": 12000}.';
comment on column public.projects.relevance_tags is 'Free tags the user adds to steer tailoring (e.g. "fintech", "leadership").';
comment on column public.projects.search_vector is 'Weighted full-text vector: name and role (A), technologies and tags (B), description and achievements (C).';

-- Section: indexes
create index projects_user_id_idx on public.projects (user_id);
create index projects_search_vector_idx on public.projects using gin (search_vector);

-- Section: grants
revoke all on table public.projects from anon, authenticated;
grant select, delete on table public.projects to authenticated;
grant insert (user_id, name, role, description, url, repository_url, start_date, end_date, technologies, achievements, metrics, relevance_tags, is_featured)
  on table public.projects to authenticated;
grant update (name, role, description, url, repository_url, start_date, end_date, technologies, achievements, metrics, relevance_tags, is_featured)
  on table public.projects to authenticated;

-- Section: row-level security
alter table public.projects enable row level security;

create policy "Users can view their own projects"
  on public.projects for select
  to authenticated
  using ((select auth.uid()) = user_id);

create policy "Users can create their own projects"
  on public.projects for insert
  to authenticated
  with check ((select auth.uid()) = user_id);

create policy "Users can update their own projects"
  on public.projects for update
  to authenticated
  using ((select auth.uid()) = user_id)
  with check ((select auth.uid()) = user_id);

create policy "Users can delete their own projects"
  on public.projects for delete
  to authenticated
  using ((select auth.uid()) = user_id);

-- Section: triggers
create trigger projects_set_updated_at
  before update on public.projects
  for each row execute function private.trigger_set_updated_at();
