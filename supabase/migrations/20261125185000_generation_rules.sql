-- Rules for generated documents: a per-user daily quota on generations (the costly path), and the
-- documents attached to an application freeze once it has been sent (left draft): they are the
-- permanent record of what the employer received.
--
-- Error codes: PT429 quota exceeded (detail: {"reason": "quota_exceeded", "limit": n, "resets_at": ...});
--              PT409 attached document frozen (detail: {"reason": "document_frozen"}).

-- Section: tables
create table private.settings (
  key text primary key,
  value jsonb not null,
  description text not null
);
comment on table private.settings is 'Operator-tunable settings read by database rules. Not exposed by the API.';

insert into private.settings (key, value, description) values
  ('generation_daily_limit', '50', 'Generated CVs plus cover letters (generator deterministic or llm) a user may create per UTC day.');

-- Section: indexes
create index generated_cvs_user_id_created_at_idx on public.generated_cvs (user_id, created_at);
create index cover_letters_user_id_created_at_idx on public.cover_letters (user_id, created_at);

-- Section: functions
create or replace function private.trigger_enforce_generation_quota()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  day_start timestamptz := pg_catalog.date_trunc('day', pg_catalog.now() at time zone 'UTC') at time zone 'UTC';
  daily_limit integer;
  used integer;
begin
  if new.generator = 'manual' then
    return new;
  end if;
  select (s.value #>> '{}')::integer into daily_limit from private.settings s where s.key = 'generation_daily_limit';
  -- Serialise one user's generations so two racing requests cannot both take the last slot.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('generation-quota:' || new.user_id, 0));
  select
    (select count(*) from public.generated_cvs c where c.user_id = new.user_id and c.created_at >= day_start and c.generator <> 'manual')
    + (select count(*) from public.cover_letters l where l.user_id = new.user_id and l.created_at >= day_start and l.generator <> 'manual')
  into used;
  if used >= coalesce(daily_limit, 50) then
    raise exception 'daily generation quota of % reached', coalesce(daily_limit, 50)
      using errcode = 'PT429',
            detail = pg_catalog.json_build_object('reason', 'quota_exceeded', 'limit', coalesce(daily_limit, 50), 'resets_at', day_start + interval '1 day')::text;
  end if;
  return new;
end;
$$;
comment on function private.trigger_enforce_generation_quota() is 'Refuses (PT429) a generated CV or letter beyond the user''s daily quota; manual versions are not counted.';

create or replace function private.trigger_freeze_sent_documents()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.status <> 'draft'
    and (new.cv_id is distinct from old.cv_id or new.cover_letter_id is distinct from old.cover_letter_id) then
    raise exception 'the CV and cover letter of a sent application cannot be changed'
      using errcode = 'PT409',
            detail = pg_catalog.json_build_object('reason', 'document_frozen', 'status', old.status)::text,
            hint = 'Generate a new version for your next application instead.';
  end if;
  return new;
end;
$$;
comment on function private.trigger_freeze_sent_documents() is 'Keeps the documents of an application that left draft as they were sent (PT409).';

-- Section: triggers
create trigger generated_cvs_enforce_generation_quota
  before insert on public.generated_cvs
  for each row execute function private.trigger_enforce_generation_quota();

create trigger cover_letters_enforce_generation_quota
  before insert on public.cover_letters
  for each row execute function private.trigger_enforce_generation_quota();

create trigger applications_freeze_sent_documents
  before update of cv_id, cover_letter_id on public.applications
  for each row execute function private.trigger_freeze_sent_documents();
