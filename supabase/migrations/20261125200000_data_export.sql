-- Data rights, part one: access and portability. export_my_data() returns everything the caller
-- owns as one JSON document, with the profile also rendered as a JSON Resume document so it can be
-- taken to other tools. Erasure is the next migration.
--
-- Keys of the document: format, version, exported_at, user_id, profile, json_resume, projects,
-- jobs (private postings only), applications (each with its job summary and its timeline),
-- generated_cvs, cover_letters, cv_templates (own only), user_job_preferences, calendar_feed
-- (whether a feed exists and when it was issued; never the token hash).
-- A table added later that references auth.users must be added here too:
-- supabase/tests/database/40_data_export.test.sql fails until it is.

-- Section: functions
-- The profile as a JSON Resume (v1.0.0) document: basics, work, education, skills and projects.
-- Mirrors profileToResume() in supabase/functions/_shared/tailoring/resume.ts: empty sections are
-- left out, the free-text location goes to basics.location.city, LinkedIn and GitHub become
-- basics.profiles with the last path segment of the URL as username.
create or replace function private.profile_as_json_resume(profile public.profiles, projects jsonb)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    '$schema', 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
    'basics', pg_catalog.jsonb_build_object(
      'name', nullif(p.full_name, ''),
      'label', nullif(p.headline, ''),
      'email', nullif(p.email, ''),
      'phone', nullif(p.phone, ''),
      'url', nullif(p.website_url, ''),
      'summary', nullif(p.summary, ''),
      'location', case when coalesce(p.location, '') <> ''
        then pg_catalog.jsonb_build_object('city', p.location) end,
      'profiles', (
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
          'network', social.network,
          'username', pg_catalog.substring(social.url, '^https?://[^/?#]+(?:/[^?#]*)?/([^/?#]+)/?(?:[?#].*)?$'),
          'url', social.url
        ) order by social.position)
        from (values
          (1, 'LinkedIn', p.linkedin_url),
          (2, 'GitHub', p.github_url)
        ) as social (position, network, url)
        where coalesce(social.url, '') <> ''
      )
    ),
    'work', nullif(p.work_experience, '[]'::jsonb),
    'education', nullif(p.education, '[]'::jsonb),
    'skills', (
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('name', skill.name) order by skill.position)
      from pg_catalog.unnest(p.skills) with ordinality as skill (name, position)
    ),
    'projects', (
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'name', project ->> 'name',
        'description', project -> 'description',
        'highlights', nullif(project -> 'achievements', '[]'::jsonb),
        'keywords', nullif(project -> 'technologies', '[]'::jsonb),
        'startDate', project -> 'start_date',
        'endDate', project -> 'end_date',
        'url', coalesce(project -> 'url', project -> 'repository_url'),
        'roles', case when project ->> 'role' is not null then pg_catalog.jsonb_build_array(project -> 'role') end
      ) order by entry.position)
      from pg_catalog.jsonb_array_elements(profile_as_json_resume.projects) with ordinality as entry (project, position)
    )
  ))
  from (select (profile_as_json_resume.profile).*) as p
$$;
comment on function private.profile_as_json_resume(public.profiles, jsonb) is 'A profile and its projects (as exported rows) rendered as a JSON Resume v1.0.0 document: basics, work, education, skills, projects. Same mapping as profileToResume() in _shared/tailoring/resume.ts.';

-- Invoker: RLS decides what is read, and every query also names the caller, so rows RLS shows to
-- everyone (shared postings, system templates) are not exported as theirs. Derived columns
-- (search vectors, fingerprints, skill keys) are left out: they are indexes, not the user's data.
create or replace function public.export_my_data()
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  profile public.profiles;
  projects jsonb;
begin
  if me is null then
    raise exception 'sign in to export your data' using errcode = '42501';
  end if;
  select * into profile from public.profiles p where p.id = me;
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(p) - 'search_vector' order by p.is_featured desc, p.start_date desc nulls last, p.created_at, p.id), '[]')
    into projects
    from public.projects p
   where p.user_id = me;

  return pg_catalog.jsonb_build_object(
    'format', 'jobtrail-export',
    'version', 1,
    'exported_at', pg_catalog.now(),
    'user_id', me,
    'profile', pg_catalog.to_jsonb(profile),
    'json_resume', private.profile_as_json_resume(profile, projects),
    'projects', projects,
    'jobs', coalesce((
      select pg_catalog.jsonb_agg(
        pg_catalog.to_jsonb(j) - array['search_vector', 'fingerprint', 'required_skill_keys', 'preferred_skill_keys']
        order by j.created_at, j.id)
      from public.jobs j
      where j.owner_id = me
    ), '[]'),
    'applications', coalesce((
      select pg_catalog.jsonb_agg(
        pg_catalog.to_jsonb(a) || pg_catalog.jsonb_build_object(
          'job', (
            select pg_catalog.jsonb_build_object('id', j.id, 'title', j.title, 'company', j.company, 'location', j.location, 'source_url', j.source_url)
            from public.jobs j where j.id = a.job_id
          ),
          'timeline', coalesce((
            select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(e) - 'user_id' order by e.occurred_at, e.created_at, e.id)
            from public.application_events e
            where e.application_id = a.id and e.user_id = me
          ), '[]')
        )
        order by a.created_at, a.id)
      from public.applications a
      where a.user_id = me
    ), '[]'),
    'generated_cvs', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(cv) order by cv.job_id, cv.version)
      from public.generated_cvs cv
      where cv.user_id = me
    ), '[]'),
    'cover_letters', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(l) order by l.job_id, l.version)
      from public.cover_letters l
      where l.user_id = me
    ), '[]'),
    'cv_templates', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(t) order by t.created_at, t.id)
      from public.cv_templates t
      where t.owner_id = me
    ), '[]'),
    'user_job_preferences', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(p) order by p.created_at, p.job_id)
      from public.user_job_preferences p
      where p.user_id = me
    ), '[]'),
    'calendar_feed', coalesce((
      select pg_catalog.jsonb_build_object('enabled', true, 'created_at', f.created_at, 'rotated_at', f.rotated_at)
      from public.calendar_feeds f
      where f.user_id = me
    ), '{"enabled": false}')
  );
end;
$$;
comment on function public.export_my_data() is 'Everything the caller owns as one JSON document (profile and its JSON Resume rendering, projects, private postings, applications with timelines, generated CVs and cover letters, own templates, job preferences, calendar feed status; never secrets). For data access and portability requests.';

-- Section: grants
-- Signed-in users only (Supabase's default privileges also grant new functions to the service role,
-- which has no caller to export); the helper is called by the invoker function as the caller.
revoke all on function public.export_my_data() from public, anon, service_role;
revoke all on function private.profile_as_json_resume(public.profiles, jsonb) from public, anon, service_role;
grant execute on function private.profile_as_json_resume(public.profiles, jsonb) to authenticated;
grant execute on function public.export_my_data() to authenticated;
