-- Normalised skills on postings. normalize_skill() reads the dictionary, so it cannot be immutable
-- and cannot feed a generated column or an expression index; the keys are stored instead, kept by
-- a trigger on the posting and refreshed when the dictionary changes. Matching compares keys:
-- "Postgres", "psql" and "PostgreSQL" all become "postgresql".

-- Section: tables
alter table public.jobs
  add column required_skill_keys text[] not null default '{}',
  add column preferred_skill_keys text[] not null default '{}';
comment on column public.jobs.required_skill_keys is 'Keys of the canonical required skills (private.skill_key of public.normalize_skill), de-duplicated: {typescript, postgresql}. Maintained by the database.';
comment on column public.jobs.preferred_skill_keys is 'Keys of the canonical preferred skills, as required_skill_keys. Maintained by the database.';

-- Section: functions
create or replace function private.trigger_set_job_skill_keys()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.required_skill_keys := private.skill_keys(new.required_skills);
  new.preferred_skill_keys := private.skill_keys(new.preferred_skills);
  return new;
end;
$$;
comment on function private.trigger_set_job_skill_keys() is 'Derives a posting''s skill keys from its skills on every write that touches them.';

-- A dictionary change re-keys only the postings that mention an affected key: the alias itself
-- (a spelling that was unknown until now) and the canonical names on either side of the change.
create or replace function private.trigger_refresh_job_skill_keys()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  affected text[];
begin
  if tg_op = 'INSERT' then
    select pg_catalog.array_agg(distinct k) into affected
    from new_aliases n, lateral (values (n.alias), (private.skill_key(n.skill_name))) as keys (k);
  elsif tg_op = 'DELETE' then
    select pg_catalog.array_agg(distinct k) into affected
    from old_aliases o, lateral (values (o.alias), (private.skill_key(o.skill_name))) as keys (k);
  else
    select pg_catalog.array_agg(distinct k) into affected
    from (
      select alias, skill_name from old_aliases union all select alias, skill_name from new_aliases
    ) as changed, lateral (values (changed.alias), (private.skill_key(changed.skill_name))) as keys (k);
  end if;
  if affected is not null then
    update public.jobs
    set required_skill_keys = private.skill_keys(required_skills),
        preferred_skill_keys = private.skill_keys(preferred_skills)
    where required_skill_keys operator(pg_catalog.&&) affected
       or preferred_skill_keys operator(pg_catalog.&&) affected;
  end if;
  return null;
end;
$$;
comment on function private.trigger_refresh_job_skill_keys() is 'After a dictionary change, re-derives the skill keys of the postings that mention an affected alias or canonical name.';

-- Section: backfill
update public.jobs
set required_skill_keys = private.skill_keys(required_skills),
    preferred_skill_keys = private.skill_keys(preferred_skills);

-- Section: indexes
-- Overlap (&&) with a profile's keys finds match candidates; also serves the refresh above.
create index jobs_required_skill_keys_idx on public.jobs using gin (required_skill_keys);
create index jobs_preferred_skill_keys_idx on public.jobs using gin (preferred_skill_keys);

-- Section: triggers
-- Fires on any write naming the skills or the keys, so the keys cannot be set by hand.
create trigger jobs_set_skill_keys
  before insert or update of required_skills, preferred_skills, required_skill_keys, preferred_skill_keys on public.jobs
  for each row execute function private.trigger_set_job_skill_keys();

create trigger skill_aliases_refresh_job_skill_keys_on_insert
  after insert on public.skill_aliases
  referencing new table as new_aliases
  for each statement execute function private.trigger_refresh_job_skill_keys();

create trigger skill_aliases_refresh_job_skill_keys_on_update
  after update on public.skill_aliases
  referencing old table as old_aliases new table as new_aliases
  for each statement execute function private.trigger_refresh_job_skill_keys();

create trigger skill_aliases_refresh_job_skill_keys_on_delete
  after delete on public.skill_aliases
  referencing old table as old_aliases
  for each statement execute function private.trigger_refresh_job_skill_keys();
