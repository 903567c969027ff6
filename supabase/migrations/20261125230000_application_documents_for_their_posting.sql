-- An application's CV and cover letter are the ones tailored to its posting. Until now the
-- composite keys only said "the same user's": a client could attach, through PostgREST, a CV
-- generated for another posting, and the per-template analytics ("which CV gets answers") would
-- credit that CV's posting with this application's outcome. The keys now include the posting, so
-- the database refuses the mismatch (23503, HTTP 409) whoever writes it.

-- Section: constraints
alter table public.generated_cvs
  add constraint generated_cvs_id_user_id_job_id_key unique (id, user_id, job_id);
alter table public.cover_letters
  add constraint cover_letters_id_user_id_job_id_key unique (id, user_id, job_id);

-- not valid: every new write is checked at once, and a database holding an older mismatch still
-- migrates (a sent application's documents are frozen, so the migration may not rewrite them).
alter table public.applications
  drop constraint applications_cv_id_fkey,
  add constraint applications_cv_id_fkey foreign key (cv_id, user_id, job_id)
    references public.generated_cvs (id, user_id, job_id) not valid,
  drop constraint applications_cover_letter_id_fkey,
  add constraint applications_cover_letter_id_fkey foreign key (cover_letter_id, user_id, job_id)
    references public.cover_letters (id, user_id, job_id) not valid;

-- Where no such mismatch exists (every fresh database), the keys are validated and hold for all rows.
do $$
begin
  if not exists (
    select from public.applications a join public.generated_cvs c on c.id = a.cv_id where c.job_id <> a.job_id
  ) then
    alter table public.applications validate constraint applications_cv_id_fkey;
  end if;
  if not exists (
    select from public.applications a join public.cover_letters l on l.id = a.cover_letter_id where l.job_id <> a.job_id
  ) then
    alter table public.applications validate constraint applications_cover_letter_id_fkey;
  end if;
end;
$$;

-- Section: indexes
-- The keys' referencing columns, so deleting a document checks its applications by index.
drop index public.applications_cv_id_user_id_idx;
drop index public.applications_cover_letter_id_user_id_idx;
create index applications_cv_id_user_id_job_id_idx on public.applications (cv_id, user_id, job_id) where cv_id is not null;
create index applications_cover_letter_id_user_id_job_id_idx on public.applications (cover_letter_id, user_id, job_id)
  where cover_letter_id is not null;

comment on column public.applications.cv_id is 'The CV version sent (or to be sent); must be the same user''s, generated for this application''s posting.';
comment on column public.applications.cover_letter_id is 'The cover letter sent (or to be sent); must be the same user''s, written for this application''s posting.';
