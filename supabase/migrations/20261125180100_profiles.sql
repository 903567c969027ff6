-- Profiles: one per auth user, created by a trigger on signup. Holds the person's contact
-- details, job preferences and the base CV content every tailored document is built from.

-- Section: types
create type public.remote_type as enum ('onsite', 'hybrid', 'remote');
comment on type public.remote_type is 'Where the work happens: at the office, a mix, or fully remote.';

-- Section: validators
-- JSON Resume `work` entries: https://jsonresume.org/schema (name, position, url, startDate, endDate, summary, highlights).
create or replace function private.is_valid_work_history(value jsonb)
returns boolean
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  entry jsonb;
begin
  if pg_catalog.jsonb_typeof(value) is distinct from 'array' or pg_catalog.jsonb_array_length(value) > 50 then
    return false;
  end if;
  for entry in select pg_catalog.jsonb_array_elements(value) loop
    if pg_catalog.jsonb_typeof(entry) <> 'object'
      or not private.is_jsonb_text(entry -> 'name', 200, required => true)
      or not private.is_jsonb_text(entry -> 'position', 200)
      or not private.is_jsonb_text(entry -> 'location', 200)
      or not private.is_jsonb_text(entry -> 'summary', 4000)
      or not private.is_jsonb_date(entry -> 'startDate')
      or not private.is_jsonb_date(entry -> 'endDate')
      or not private.is_date_range_ordered(entry ->> 'startDate', entry ->> 'endDate')
      or not private.is_jsonb_url(entry -> 'url')
      or not private.is_jsonb_text_list(entry -> 'highlights', 30, 1000)
    then
      return false;
    end if;
  end loop;
  return true;
end;
$$;
comment on function private.is_valid_work_history(jsonb) is 'True for a JSON Resume `work` array: at most 50 entries, each with an employer name, optional position, ISO partial dates in order, an http(s) url and up to 30 highlights.';

-- JSON Resume `education` entries: institution, url, area, studyType, startDate, endDate, score, courses.
create or replace function private.is_valid_education(value jsonb)
returns boolean
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  entry jsonb;
begin
  if pg_catalog.jsonb_typeof(value) is distinct from 'array' or pg_catalog.jsonb_array_length(value) > 20 then
    return false;
  end if;
  for entry in select pg_catalog.jsonb_array_elements(value) loop
    if pg_catalog.jsonb_typeof(entry) <> 'object'
      or not private.is_jsonb_text(entry -> 'institution', 200, required => true)
      or not private.is_jsonb_text(entry -> 'area', 200)
      or not private.is_jsonb_text(entry -> 'studyType', 100)
      or not private.is_jsonb_text(entry -> 'score', 50)
      or not private.is_jsonb_date(entry -> 'startDate')
      or not private.is_jsonb_date(entry -> 'endDate')
      or not private.is_date_range_ordered(entry ->> 'startDate', entry ->> 'endDate')
      or not private.is_jsonb_url(entry -> 'url')
      or not private.is_jsonb_text_list(entry -> 'courses', 30, 200)
    then
      return false;
    end if;
  end loop;
  return true;
end;
$$;
comment on function private.is_valid_education(jsonb) is 'True for a JSON Resume `education` array: at most 20 entries, each with an institution, optional area, study type, score, ISO partial dates in order and up to 30 courses.';

grant execute on function private.is_valid_work_history(jsonb), private.is_valid_education(jsonb)
  to authenticated, service_role;

-- Section: tables
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text check (pg_catalog.length(full_name) <= 200),
  headline text check (pg_catalog.length(headline) <= 200),
  email text check (pg_catalog.length(email) <= 320 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (pg_catalog.length(phone) <= 50),
  location text check (pg_catalog.length(location) <= 200),
  website_url text check (private.is_http_url(website_url)),
  linkedin_url text check (private.is_http_url(linkedin_url)),
  github_url text check (private.is_http_url(github_url)),
  summary text check (pg_catalog.length(summary) <= 5000),
  skills text[] not null default '{}' check (private.is_clean_text_array(skills, 200, 100)),
  work_experience jsonb not null default '[]' check (private.is_valid_work_history(work_experience)),
  education jsonb not null default '[]' check (private.is_valid_education(education)),
  target_roles text[] not null default '{}' check (private.is_clean_text_array(target_roles, 20, 200)),
  target_locations text[] not null default '{}' check (private.is_clean_text_array(target_locations, 20, 200)),
  remote_preferences public.remote_type[] not null default '{}' check (pg_catalog.cardinality(remote_preferences) <= 3),
  salary_min integer check (salary_min >= 0),
  salary_max integer check (salary_max >= 0),
  salary_currency text check (salary_currency ~ '^[A-Z]{3}$'),
  open_to_relocation boolean not null default false,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  constraint profiles_salary_range_check check (salary_min is null or salary_max is null or salary_min <= salary_max),
  constraint profiles_salary_needs_currency_check check ((salary_min is null and salary_max is null) or salary_currency is not null)
);
comment on table public.profiles is 'One row per user, created on signup: contact details, job preferences and the base CV content (JSON Resume sections) that tailored documents are built from.';
comment on column public.profiles.skills is 'The person''s skills as they write them; matching normalises aliases (JS = JavaScript).';
comment on column public.profiles.work_experience is 'JSON Resume `work` section: [{ name, position, url, startDate, endDate, summary, highlights[] }]. Dates are YYYY, YYYY-MM or YYYY-MM-DD.';
comment on column public.profiles.education is 'JSON Resume `education` section: [{ institution, url, area, studyType, startDate, endDate, score, courses[] }].';
comment on column public.profiles.remote_preferences is 'Acceptable work arrangements; empty means any.';
comment on column public.profiles.salary_min is 'Lowest acceptable yearly salary, in salary_currency.';
comment on column public.profiles.salary_max is 'Hoped-for yearly salary, in salary_currency.';

-- Section: grants
-- Profiles are born with the user and die with them: clients read and edit, never insert or delete.
revoke all on table public.profiles from anon, authenticated;
grant select on table public.profiles to authenticated;
grant update (
  full_name, headline, email, phone, location, website_url, linkedin_url, github_url, summary, skills,
  work_experience, education, target_roles, target_locations, remote_preferences, salary_min, salary_max,
  salary_currency, open_to_relocation
) on table public.profiles to authenticated;

-- Section: row-level security
alter table public.profiles enable row level security;

create policy "Users can view their own profile"
  on public.profiles for select
  to authenticated
  using ((select auth.uid()) = id);

create policy "Users can update their own profile"
  on public.profiles for update
  to authenticated
  using ((select auth.uid()) = id)
  with check ((select auth.uid()) = id);

-- Section: triggers
create trigger profiles_set_updated_at
  before update on public.profiles
  for each row execute function private.trigger_set_updated_at();

-- Creates the profile in the same transaction as the signup. Definer because the signing-up
-- session (GoTrue's role) has no rights on public.profiles.
create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, full_name, email)
  values (
    new.id,
    pg_catalog.left(pg_catalog.btrim(new.raw_user_meta_data ->> 'full_name'), 200),
    case when new.email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then new.email end
  );
  return new;
end;
$$;
comment on function private.handle_new_user() is 'Signup trigger: creates the profile, prefilling the name from user metadata (display only, never used to authorize).';

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();
