-- Pipeline analytics over the caller's own data. Every view is security_invoker, so the RLS of the
-- underlying tables decides what it aggregates: a user only ever sees their own numbers.
--
-- Definitions (documented once, used by every view):
--   reached S      the application has a status_change event into S
--   responded      reached interviewing, offered or rejected: the employer answered
--   response rate  responded / reached applied
--   time in stage  from the event entering a status to the next status_change; open stays excluded

-- Section: views
create view public.application_stage_stays
with (security_invoker = true)
as
select
  e.user_id,
  e.application_id,
  e.to_status as status,
  e.occurred_at as entered_at,
  lead(e.occurred_at) over stay as left_at,
  extract(epoch from (lead(e.occurred_at) over stay - e.occurred_at)) / 86400.0 as days
from public.application_events e
where e.kind = 'status_change'
window stay as (partition by e.application_id order by e.occurred_at, e.created_at);
comment on view public.application_stage_stays is 'Each time an application entered a status, when it left (null while it is still there) and the days it stayed.';

create view public.application_outcomes
with (security_invoker = true)
as
select
  a.user_id,
  a.id as application_id,
  a.status,
  j.source,
  a.cv_id,
  cv.template_id as cv_template_id,
  cv.generator as cv_generator,
  coalesce(bool_or(e.to_status = 'applied'), false) as reached_applied,
  coalesce(bool_or(e.to_status = 'interviewing'), false) as reached_interviewing,
  coalesce(bool_or(e.to_status = 'offered'), false) as reached_offered,
  coalesce(bool_or(e.to_status = 'accepted'), false) as reached_accepted,
  coalesce(bool_or(e.to_status in ('interviewing', 'offered', 'rejected')), false) as responded
from public.applications a
join public.jobs j on j.id = a.job_id
left join public.generated_cvs cv on cv.id = a.cv_id
left join public.application_events e on e.application_id = a.id and e.kind = 'status_change'
group by a.user_id, a.id, a.status, j.source, a.cv_id, cv.template_id, cv.generator;
comment on view public.application_outcomes is 'One row per application: which stages it reached and whether the employer responded, with its source and CV.';

create view public.pipeline_summary
with (security_invoker = true)
as
select
  o.user_id,
  count(*)::integer as applications,
  count(*) filter (where o.status = 'draft')::integer as draft,
  count(*) filter (where o.status = 'applied')::integer as applied,
  count(*) filter (where o.status = 'interviewing')::integer as interviewing,
  count(*) filter (where o.status = 'offered')::integer as offered,
  count(*) filter (where o.status = 'accepted')::integer as accepted,
  count(*) filter (where o.status = 'declined')::integer as declined,
  count(*) filter (where o.status = 'rejected')::integer as rejected,
  count(*) filter (where o.status = 'withdrawn')::integer as withdrawn,
  count(*) filter (where o.reached_applied)::integer as reached_applied,
  count(*) filter (where o.reached_interviewing)::integer as reached_interviewing,
  count(*) filter (where o.reached_offered)::integer as reached_offered,
  count(*) filter (where o.reached_accepted)::integer as reached_accepted,
  count(*) filter (where o.responded)::integer as responded,
  round((count(*) filter (where o.responded))::numeric / nullif(count(*) filter (where o.reached_applied), 0), 4) as response_rate,
  round((count(*) filter (where o.reached_interviewing))::numeric / nullif(count(*) filter (where o.reached_applied), 0), 4) as interview_rate,
  round((count(*) filter (where o.reached_offered))::numeric / nullif(count(*) filter (where o.reached_interviewing), 0), 4) as offer_rate,
  round((count(*) filter (where o.reached_accepted))::numeric / nullif(count(*) filter (where o.reached_offered), 0), 4) as acceptance_rate
from public.application_outcomes o
group by o.user_id;
comment on view public.pipeline_summary is 'The caller''s pipeline: counts per current status, the funnel (reached applied -> interviewing -> offered -> accepted) and its conversion rates; response_rate = responded / reached applied.';

create view public.pipeline_stage_durations
with (security_invoker = true)
as
select
  s.user_id,
  s.status,
  count(*)::integer as stays,
  round(percentile_cont(0.5) within group (order by s.days)::numeric, 2) as median_days
from public.application_stage_stays s
where s.left_at is not null
group by s.user_id, s.status;
comment on view public.pipeline_stage_durations is 'Median days applications stayed in each status before moving on (finished stays only).';

create view public.pipeline_by_source
with (security_invoker = true)
as
select
  o.user_id,
  o.source,
  count(*)::integer as applications,
  count(*) filter (where o.reached_applied)::integer as reached_applied,
  count(*) filter (where o.responded)::integer as responded,
  count(*) filter (where o.reached_interviewing)::integer as reached_interviewing,
  count(*) filter (where o.reached_offered)::integer as reached_offered,
  round((count(*) filter (where o.responded))::numeric / nullif(count(*) filter (where o.reached_applied), 0), 4) as response_rate
from public.application_outcomes o
group by o.user_id, o.source;
comment on view public.pipeline_by_source is 'Funnel and response rate per posting source (greenhouse, lever, url, manual, ...).';

create view public.pipeline_by_cv_template
with (security_invoker = true)
as
select
  o.user_id,
  o.cv_template_id,
  t.name as cv_template_name,
  o.cv_generator,
  count(*)::integer as applications,
  count(*) filter (where o.reached_applied)::integer as reached_applied,
  count(*) filter (where o.responded)::integer as responded,
  count(*) filter (where o.reached_interviewing)::integer as reached_interviewing,
  round((count(*) filter (where o.responded))::numeric / nullif(count(*) filter (where o.reached_applied), 0), 4) as response_rate
from public.application_outcomes o
left join public.cv_templates t on t.id = o.cv_template_id
group by o.user_id, o.cv_template_id, t.name, o.cv_generator;
comment on view public.pipeline_by_cv_template is 'Which CV gets answers: funnel and response rate per CV template and generator (null template: no CV attached or a template since deleted).';

-- Section: grants
revoke all on table
  public.application_stage_stays, public.application_outcomes, public.pipeline_summary,
  public.pipeline_stage_durations, public.pipeline_by_source, public.pipeline_by_cv_template
from anon, authenticated;
grant select on table
  public.application_stage_stays, public.application_outcomes, public.pipeline_summary,
  public.pipeline_stage_durations, public.pipeline_by_source, public.pipeline_by_cv_template
to authenticated;
