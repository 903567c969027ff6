-- Demo data for local development (`npm start`, `supabase db reset`).
--
-- Two job seekers who look nothing alike, so row-level isolation is easy to see:
--   maya@demo.jobtrail.dev    Maya Lindqvist, backend/platform engineer, Stockholm -> Stockholm/Berlin, EUR
--   daniel@demo.jobtrail.dev  Daniel Okafor, data engineer, London/remote UK, GBP
-- plus two system CV templates and a shared board of 60+ postings across roles, companies,
-- countries, currencies and salary periods. Every company, person and address is invented (the
-- universities and the TfL open-data API are real); company sites use the reserved .example TLD.
-- Sign in as either user with the password jobtrail-demo; calendar feed tokens are below.
--
-- Runs once, as postgres, after all migrations, in one transaction (so now() is one instant and
-- every relative date lines up). Dates are relative to now(), so the demo never goes stale.
-- Plain SQL only (no psql meta-commands), so `supabase db reset` can run it too.
-- Users are created the way GoTrue does, so the signup trigger creates their profiles.

begin;

-- Interview times are stored as instants; render them in UTC like the API does.
set local timezone to 'UTC';

-- Section: helpers (session-local, dropped at the end)
-- An instant `days` days before now (fractions allowed: 2.5 = two and a half days ago).
create function pg_temp.ago(days numeric)
returns timestamptz
language sql
stable
as $$ select now() - days * interval '1 day' $$;

-- A wall-clock time in a time zone on a working day about `day_offset` days from today (negative =
-- in the past): a Saturday moves back to Friday and a Sunday on to Monday, so interviews never
-- fall on a weekend. Timelines leave more than a day of slack around each interview for this.
create function pg_temp.local_time(day_offset integer, clock time, tz text)
returns timestamptz
language sql
stable
as $$
  select ((d + case extract(isodow from d) when 6 then interval '-1 day' when 7 then interval '1 day' else interval '0' end + clock) at time zone tz)
  from (select date_trunc('day', now() at time zone tz) + day_offset * interval '1 day' as d) day
$$;

-- The details object public.schedule_interview() writes for an interview event.
create function pg_temp.interview(
  day_offset integer, clock time, tz text, kind text, location text, with_whom text, duration_minutes integer
)
returns jsonb
language sql
stable
as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'scheduled_at', pg_temp.local_time(day_offset, clock, tz),
    'time_zone', tz,
    'kind', kind::public.interview_kind,
    'location', location,
    'with', with_whom,
    'duration_minutes', duration_minutes
  ))
$$;

-- A shared posting by company and title; fails loudly when the seed refers to a missing one.
create function pg_temp.posting(company text, title text)
returns uuid
language plpgsql
stable
as $$
declare
  job_id uuid;
begin
  select j.id into strict job_id from public.jobs j
  where j.owner_id is null and j.company = posting.company and j.title = posting.title;
  return job_id;
end;
$$;

-- Section: users
insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values
  ('11111111-1111-4111-8111-111111111111', 'authenticated', 'authenticated', 'maya@demo.jobtrail.dev',
   extensions.crypt('jobtrail-demo', extensions.gen_salt('bf')), now(),
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Maya Lindqvist"}', now() - interval '60 days', now()),
  ('22222222-2222-4222-8222-222222222222', 'authenticated', 'authenticated', 'daniel@demo.jobtrail.dev',
   extensions.crypt('jobtrail-demo', extensions.gen_salt('bf')), now(),
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Daniel Okafor"}', now() - interval '45 days', now());

-- Section: profiles (rows created by the signup trigger above)
update public.profiles set
  headline = 'Senior Backend & Platform Engineer · Go, PostgreSQL, Kubernetes',
  phone = '+46 70 412 88 19',
  location = 'Stockholm, Sweden',
  website_url = 'https://mayalindqvist.example',
  linkedin_url = 'https://www.linkedin.com/in/maya-lindqvist-demo',
  github_url = 'https://github.com/maya-lindqvist-demo',
  summary = 'Backend and platform engineer with more than ten years of experience building payment, pricing and event-driven systems in Go and PostgreSQL. '
    || 'I like making production boring: I led a 38-service move to Kubernetes, cut a pricing API''s p95 latency from 420 ms to 95 ms, '
    || 'and wrote the runbooks that took our mean time to recovery from three hours to 40 minutes. '
    || 'Looking for a senior or staff role on a platform or core backend team in Stockholm, Berlin or remote within Europe.',
  skills = '{Go,PostgreSQL,Kubernetes,Terraform,AWS,Kafka,Redis,Docker,Prometheus,Grafana,Argo CD,Python,Java,Linux,CI/CD,Event-driven architecture,Distributed systems,On-call & incident response}',
  work_experience = $json$[
    {
      "name": "Voltera Mobility",
      "position": "Senior Backend Engineer, Platform",
      "location": "Stockholm, Sweden",
      "url": "https://voltera-mobility.example",
      "startDate": "2021-03",
      "summary": "Platform team for an EV car-sharing service with 180,000 members in Stockholm, Oslo and Copenhagen.",
      "highlights": [
        "Cut p95 latency of the trip-pricing API from 420 ms to 95 ms by moving hot reads to a partitioned PostgreSQL read replica behind a Redis cache.",
        "Led the migration of 38 services from hand-built VMs to Kubernetes (EKS) with Terraform; deploys went from twice a week to more than 25 a day.",
        "Designed an outbox-based event pipeline on Kafka that processes 1.2 million events a day with idempotent consumers and zero lost bookings since launch.",
        "Wrote on-call runbooks and SLO dashboards in Grafana that brought mean time to recovery from 3 hours to 40 minutes.",
        "Mentored four engineers, two of whom were promoted to senior within 18 months."
      ]
    },
    {
      "name": "Berliner Kassenwerk GmbH",
      "position": "Backend Engineer",
      "location": "Berlin, Germany",
      "url": "https://kassenwerk.example",
      "startDate": "2017-09",
      "endDate": "2021-02",
      "summary": "Point-of-sale and card-terminal software for 6,000 restaurants and shops in Germany and Austria.",
      "highlights": [
        "Built the Go gateway between card terminals and acquirers, handling 3,000 transactions a minute at peak with 99.98% monthly availability.",
        "Reduced the monthly AWS bill by 31% (about EUR 14,000) by right-sizing RDS instances and moving batch jobs to spot capacity.",
        "Wrote the zero-downtime PostgreSQL migration tooling used by six teams for more than 120 production migrations."
      ]
    },
    {
      "name": "Sigtuna Software AB",
      "position": "Software Developer",
      "location": "Uppsala, Sweden",
      "startDate": "2015-06",
      "endDate": "2017-08",
      "summary": "Billing and invoicing software for Swedish housing associations.",
      "highlights": [
        "Maintained the Java invoicing service that sent 400,000 invoices a month.",
        "Raised automated test coverage of the billing core from 35% to 78% and cut release regressions by half."
      ]
    }
  ]$json$::jsonb,
  education = $json$[
    {
      "institution": "KTH Royal Institute of Technology",
      "url": "https://www.kth.se",
      "area": "Computer Science",
      "studyType": "MSc",
      "startDate": "2013-08",
      "endDate": "2015-06",
      "courses": ["Distributed Systems", "Advanced Algorithms", "Database Technology"]
    },
    {
      "institution": "Uppsala University",
      "area": "Computer Science",
      "studyType": "BSc",
      "startDate": "2010-08",
      "endDate": "2013-06"
    }
  ]$json$::jsonb,
  target_roles = '{Senior Backend Engineer,Platform Engineer,Site Reliability Engineer,Staff Engineer}',
  target_locations = '{Stockholm,Berlin,Remote (Europe)}',
  remote_preferences = '{remote,hybrid}',
  salary_min = 80000,
  salary_max = 105000,
  salary_currency = 'EUR',
  open_to_relocation = true,
  follow_up_days = 7
where id = '11111111-1111-4111-8111-111111111111';

update public.profiles set
  headline = 'Senior Data Engineer · dbt, Airflow, BigQuery, Kafka',
  phone = '+44 7700 900418',
  location = 'London, United Kingdom',
  website_url = 'https://danielokafor.example',
  linkedin_url = 'https://www.linkedin.com/in/daniel-okafor-demo',
  github_url = 'https://github.com/daniel-okafor-demo',
  summary = 'Data engineer who turns slow, fragile batch jobs into tested, incremental pipelines people trust. '
    || 'At Parcelbridge I rebuilt the warehouse load in dbt on BigQuery (5 hours down to 35 minutes, 62% cheaper) and built a '
    || 'Kafka streaming pipeline for 40 million events a day. Comfortable owning the platform end to end, from Terraform to the '
    || 'data-quality checks analysts rely on. Looking for a senior data or analytics engineering role in London or remote in the UK.',
  skills = '{Python,SQL,dbt,Airflow,BigQuery,Snowflake,Postgres,Kafka,Spark,Terraform,GCP,AWS,Docker,Great Expectations,Looker,Data modelling}',
  work_experience = $json$[
    {
      "name": "Parcelbridge",
      "position": "Senior Data Engineer",
      "location": "London, United Kingdom",
      "url": "https://parcelbridge.example",
      "startDate": "2021-06",
      "summary": "Data platform for a parcel-delivery network shipping 1.1 million parcels a week across the UK.",
      "highlights": [
        "Rebuilt the nightly warehouse load as incremental dbt models on BigQuery, cutting runtime from 5 hours to 35 minutes and cost by 62%.",
        "Built a Kafka-to-BigQuery streaming pipeline for 40 million tracking events a day with under 2 minutes of end-to-end latency.",
        "Added Great Expectations checks to Airflow that stop around 15 bad upstream loads a month before they reach dashboards.",
        "Own the data platform's Terraform and onboarded three analysts to self-serve modelling in dbt."
      ]
    },
    {
      "name": "Halcyon Insurance",
      "position": "Data Engineer",
      "location": "London, United Kingdom",
      "startDate": "2018-09",
      "endDate": "2021-05",
      "summary": "Home and motor insurer with 700,000 policies.",
      "highlights": [
        "Migrated 14 SSIS packages to Python and Airflow on AWS, retiring a GBP 90,000-a-year licence.",
        "Delivered the claims-fraud feature store used by the pricing team's models, which lifted fraud-model AUC from 0.71 to 0.78."
      ]
    },
    {
      "name": "Brindle Research",
      "position": "Data Analyst",
      "location": "Manchester, United Kingdom",
      "startDate": "2016-07",
      "endDate": "2018-08",
      "highlights": [
        "Automated weekly client reporting in Python and SQL, saving the analyst team 12 hours a week."
      ]
    }
  ]$json$::jsonb,
  education = $json$[
    {
      "institution": "Birkbeck, University of London",
      "area": "Data Science",
      "studyType": "MSc",
      "startDate": "2019-10",
      "endDate": "2021-09",
      "score": "Distinction",
      "courses": ["Big Data Analytics", "Machine Learning", "Cloud Computing"]
    },
    {
      "institution": "University of Manchester",
      "url": "https://www.manchester.ac.uk",
      "area": "Mathematics",
      "studyType": "BSc",
      "startDate": "2013-09",
      "endDate": "2016-06",
      "score": "First Class Honours"
    }
  ]$json$::jsonb,
  target_roles = '{Senior Data Engineer,Analytics Engineer,Data Platform Engineer}',
  target_locations = '{London,Remote (UK)}',
  remote_preferences = '{remote,hybrid}',
  salary_min = 80000,
  salary_max = 95000,
  salary_currency = 'GBP',
  open_to_relocation = false,
  follow_up_days = 5
where id = '22222222-2222-4222-8222-222222222222';

-- Section: portfolio projects
insert into public.projects (user_id, name, role, description, url, repository_url, start_date, end_date, technologies, achievements, metrics, relevance_tags, is_featured, created_at, updated_at)
values
  ('11111111-1111-4111-8111-111111111111', 'pgshift', 'Author and maintainer',
   'An open-source, zero-downtime migration runner for PostgreSQL written in Go. It splits risky DDL into expand and contract steps, takes locks with short timeouts and retries, and refuses migrations that would rewrite a large table while it is in use.',
   'https://pgshift.example', 'https://github.com/maya-lindqvist-demo/pgshift', '2019-04-01', null,
   '{Go,PostgreSQL,GitHub Actions,Docker}',
   '{"Grew to 1,100 GitHub stars and 40 outside contributors.","Used in production by around 30 companies, including for more than 120 migrations at Berliner Kassenwerk.","Lock-timeout retries removed every migration-related incident the Kassenwerk teams had logged the year before."}',
   '{"github_stars": 1100, "contributors": 40, "production_users": 30}',
   '{open-source,postgresql,developer-tooling,reliability}', true, pg_temp.ago(58), pg_temp.ago(20)),
  ('11111111-1111-4111-8111-111111111111', 'Trip-pricing read path', 'Tech lead',
   'Redesign of the read path behind Voltera''s trip-pricing API: a partitioned PostgreSQL read replica, a Redis cache with event-driven invalidation from Kafka, and load tests in CI that fail a build on a latency regression.',
   null, null, '2023-02-01', '2023-09-30',
   '{Go,PostgreSQL,Redis,Kafka,k6}',
   '{"Cut p95 latency from 420 ms to 95 ms at 2,400 requests per second.","Removed the nightly pricing outage window entirely.","Load tests in CI caught three latency regressions before release in the first quarter."}',
   '{"latency_p95_ms_before": 420, "latency_p95_ms_after": 95, "peak_rps": 2400}',
   '{performance,backend,caching,mobility}', true, pg_temp.ago(58), pg_temp.ago(58)),
  ('11111111-1111-4111-8111-111111111111', 'Kubernetes cost dashboard', 'Sole developer',
   'Per-team cost reporting for Voltera''s EKS clusters built from Prometheus metrics and AWS billing data, with weekly Slack digests and right-sizing suggestions for every deployment.',
   null, 'https://github.com/maya-lindqvist-demo/kube-cost-digest', '2024-01-15', '2024-04-30',
   '{Kubernetes,Prometheus,Grafana,Python,AWS}',
   '{"Teams cut requested CPU by 38% within two months of the first digest.","Saves about EUR 9,000 a month on compute."}',
   '{"monthly_savings_eur": 9000, "cpu_request_reduction_pct": 38, "teams": 11}',
   '{finops,platform,observability}', false, pg_temp.ago(57), pg_temp.ago(57)),
  ('11111111-1111-4111-8111-111111111111', 'Home-lab GitOps cluster', 'Hobby project',
   'A three-node k3s cluster on Raspberry Pis managed entirely through Git with Argo CD, used to try out Cilium, eBPF-based network policies and backup and restore drills before proposing them at work.',
   null, 'https://github.com/maya-lindqvist-demo/homelab', '2022-06-01', null,
   '{Kubernetes,Argo CD,Terraform,Cilium,Linux}',
   '{"Full cluster rebuild from an empty SD card to running services in 25 minutes.","Monthly restore drills with Velero, 12 in a row without data loss."}',
   '{"nodes": 3, "rebuild_minutes": 25}',
   '{gitops,kubernetes,learning}', false, pg_temp.ago(56), pg_temp.ago(30)),

  ('22222222-2222-4222-8222-222222222222', 'tfl-pulse', 'Author',
   'A personal pipeline that collects London bus and Tube arrival predictions from the TfL open-data API every 30 seconds, models punctuality per line and stop in dbt, and publishes a small public dashboard.',
   'https://tfl-pulse.example', 'https://github.com/daniel-okafor-demo/tfl-pulse', '2022-03-01', null,
   '{Python,Airflow,dbt,BigQuery,Looker Studio,Terraform}',
   '{"Ingests 2.5 million arrival predictions a day for about GBP 11 a month in cloud costs.","Incremental dbt models rebuild a day of data in under 3 minutes.","Featured in a London dbt meetup talk on cheap, well-tested hobby pipelines."}',
   '{"rows_per_day": 2500000, "monthly_cost_gbp": 11, "daily_rebuild_minutes": 3}',
   '{open-data,dbt,batch,side-project}', true, pg_temp.ago(44), pg_temp.ago(15)),
  ('22222222-2222-4222-8222-222222222222', 'Parcel tracking stream', 'Lead engineer',
   'Parcelbridge''s streaming pipeline from depot scanners to the warehouse: Kafka topics with schema-registry contracts, a Python consumer service that deduplicates and enriches scans, and partitioned BigQuery tables for operations dashboards.',
   null, null, '2022-05-01', '2022-12-15',
   '{Kafka,Python,BigQuery,Terraform,Docker}',
   '{"Handles 40 million events a day with under 2 minutes of end-to-end latency.","Replaced hourly batch loads, so depot managers see missed scans while the van is still on the road."}',
   '{"events_per_day": 40000000, "latency_p95_seconds": 95}',
   '{streaming,logistics,data-platform}', true, pg_temp.ago(44), pg_temp.ago(44)),
  ('22222222-2222-4222-8222-222222222222', 'dbt-coverage-check', 'Author and maintainer',
   'A small open-source CLI and pre-commit hook that fails a dbt build when models lose test or documentation coverage, with a report that points at the exact columns missing tests.',
   null, 'https://github.com/daniel-okafor-demo/dbt-coverage-check', '2023-05-01', null,
   '{Python,dbt,GitHub Actions}',
   '{"About 4,000 downloads a month on PyPI.","Adopted by more than 200 public dbt projects on GitHub."}',
   '{"monthly_downloads": 4000, "public_projects": 200}',
   '{open-source,data-quality,dbt}', false, pg_temp.ago(43), pg_temp.ago(43)),
  ('22222222-2222-4222-8222-222222222222', 'Claims-fraud feature store', 'Data engineer',
   'Halcyon''s first feature store: daily Spark jobs on AWS computing 120 claim and policy features with point-in-time correctness, served to the pricing team''s fraud models.',
   null, null, '2020-01-01', '2020-11-30',
   '{Spark,Python,AWS,Airflow,Postgres}',
   '{"Fraud-model AUC rose from 0.71 to 0.78 once features were point-in-time correct.","Cut feature preparation for a new model from three weeks to two days."}',
   '{"features": 120, "auc_before": 0.71, "auc_after": 0.78}',
   '{feature-store,insurance,batch}', false, pg_temp.ago(43), pg_temp.ago(43));

-- Section: CV templates
-- Mustache bodies rendered with a JSON Resume document (basics, work, projects, skills, education).
insert into public.cv_templates (id, owner_id, name, description, format, body, is_default, created_at, updated_at)
values
  ('5eed0000-0000-4000-8000-000000000001', null, 'Classic', 'A plain one-column CV in Markdown: reads well in any ATS and converts cleanly to PDF or DOCX.', 'markdown', $mustache$# {{basics.name}}

{{#basics.label}}**{{basics.label}}**

{{/basics.label}}
{{basics.email}}{{#basics.phone}} · {{basics.phone}}{{/basics.phone}}{{#basics.location.city}} · {{basics.location.city}}{{/basics.location.city}}{{#basics.url}} · {{basics.url}}{{/basics.url}}{{#basics.profiles}} · [{{network}}]({{url}}){{/basics.profiles}}

{{#basics.summary}}
## Summary

{{basics.summary}}

{{/basics.summary}}
## Experience
{{#work}}

### {{position}} · {{name}}

{{startDate}} – {{#endDate}}{{endDate}}{{/endDate}}{{^endDate}}present{{/endDate}}{{#location}} · {{location}}{{/location}}

{{#summary}}
{{summary}}

{{/summary}}
{{#highlights}}
- {{.}}
{{/highlights}}
{{/work}}

## Projects
{{#projects}}

### {{name}}{{#url}} ({{url}}){{/url}}

{{#description}}
{{description}}

{{/description}}
{{#highlights}}
- {{.}}
{{/highlights}}
{{/projects}}

## Skills

{{#skills}}
- **{{name}}**{{#keywordsText}}: {{keywordsText}}{{/keywordsText}}
{{/skills}}

## Education
{{#education}}

### {{studyType}} {{area}} · {{institution}}

{{startDate}} – {{endDate}}{{#score}} · {{score}}{{/score}}
{{/education}}
$mustache$, true, pg_temp.ago(90), pg_temp.ago(90)),

  ('5eed0000-0000-4000-8000-000000000002', null, 'Modern', 'A two-column HTML CV with a sidebar for contact details and skills; prints to A4 or Letter.', 'html', $mustache$<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{{basics.name}} – CV</title>
  <style>
    body { font-family: "Inter", "Helvetica Neue", Arial, sans-serif; color: #1f2933; margin: 0; }
    .cv { display: grid; grid-template-columns: 32% 68%; max-width: 960px; margin: 0 auto; }
    aside { background: #f3f5f7; padding: 32px 24px; }
    main { padding: 32px; }
    h1 { margin: 0 0 4px; font-size: 28px; }
    h2 { font-size: 14px; letter-spacing: .08em; text-transform: uppercase; color: #52606d; border-bottom: 1px solid #cbd2d9; padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 16px 0 2px; }
    .dates { color: #7b8794; font-size: 13px; }
    ul.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
    ul.tags li { background: #e4e7eb; border-radius: 4px; padding: 2px 6px; font-size: 12px; }
    @media print { aside { background: none; } }
  </style>
</head>
<body>
<div class="cv">
  <aside>
    <h1>{{basics.name}}</h1>
    {{#basics.label}}<p class="label">{{basics.label}}</p>{{/basics.label}}
    <h2>Contact</h2>
    <p>{{basics.email}}<br>{{#basics.phone}}{{basics.phone}}<br>{{/basics.phone}}{{#basics.location.city}}{{basics.location.city}}{{/basics.location.city}}</p>
    <p>{{#basics.profiles}}<a href="{{url}}">{{network}}</a><br>{{/basics.profiles}}</p>
    <h2>Skills</h2>
    <ul class="tags">{{#skills}}<li>{{name}}</li>{{/skills}}</ul>
    <h2>Education</h2>
    {{#education}}
    <h3>{{studyType}} {{area}}</h3>
    <p>{{institution}}<br><span class="dates">{{startDate}} – {{endDate}}</span>{{#score}}<br>{{score}}{{/score}}</p>
    {{/education}}
  </aside>
  <main>
    {{#basics.summary}}<section><h2>Profile</h2><p>{{basics.summary}}</p></section>{{/basics.summary}}
    <section>
      <h2>Experience</h2>
      {{#work}}
      <article>
        <h3>{{position}} · {{name}}</h3>
        <div class="dates">{{startDate}} – {{#endDate}}{{endDate}}{{/endDate}}{{^endDate}}present{{/endDate}}{{#location}} · {{location}}{{/location}}</div>
        {{#summary}}<p>{{summary}}</p>{{/summary}}
        <ul>{{#highlights}}<li>{{.}}</li>{{/highlights}}</ul>
      </article>
      {{/work}}
    </section>
    <section>
      <h2>Projects</h2>
      {{#projects}}
      <article>
        <h3>{{#url}}<a href="{{url}}">{{name}}</a>{{/url}}{{^url}}{{name}}{{/url}}</h3>
        {{#description}}<p>{{description}}</p>{{/description}}
        <ul>{{#highlights}}<li>{{.}}</li>{{/highlights}}</ul>
      </article>
      {{/projects}}
    </section>
  </main>
</div>
</body>
</html>
$mustache$, false, pg_temp.ago(90), pg_temp.ago(90)),

  ('11111111-0002-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', 'Maya – one page, skills first',
   'My own Markdown layout: skills and a short profile up top, at most three highlights per role.', 'markdown', $mustache$# {{basics.name}} — {{basics.label}}

{{basics.email}}{{#basics.phone}} | {{basics.phone}}{{/basics.phone}}{{#basics.location.city}} | {{basics.location.city}}{{/basics.location.city}}{{#basics.profiles}} | {{url}}{{/basics.profiles}}

**Skills:** {{skillsText}}

{{basics.summary}}

## Experience
{{#work}}

**{{position}}**, {{name}} ({{startDate}} – {{#endDate}}{{endDate}}{{/endDate}}{{^endDate}}present{{/endDate}})
{{#highlights}}
- {{.}}
{{/highlights}}
{{/work}}

## Selected projects
{{#projects}}
- **{{name}}** — {{description}}
{{/projects}}

## Education
{{#education}}
- {{studyType}} {{area}}, {{institution}} ({{endDate}})
{{/education}}
$mustache$, true, pg_temp.ago(50), pg_temp.ago(26)),

  ('22222222-0002-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222', 'Daniel – data portfolio (HTML)',
   'Single-column HTML with projects before experience, for roles where the portfolio matters most.', 'html', $mustache$<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{{basics.name}}</title>
<style>body{font-family:Georgia,serif;max-width:760px;margin:40px auto;line-height:1.45;color:#222}h2{border-bottom:2px solid #0b7285;color:#0b7285}small{color:#666}</style>
</head>
<body>
<header>
  <h1>{{basics.name}}</h1>
  <p>{{basics.label}} · {{basics.email}}{{#basics.location.city}} · {{basics.location.city}}{{/basics.location.city}}</p>
  <p>{{#basics.profiles}}<a href="{{url}}">{{network}}</a> {{/basics.profiles}}</p>
</header>
<p>{{basics.summary}}</p>
<h2>Projects</h2>
{{#projects}}
<h3>{{name}}</h3>
<p>{{description}}</p>
<ul>{{#highlights}}<li>{{.}}</li>{{/highlights}}</ul>
{{/projects}}
<h2>Experience</h2>
{{#work}}
<h3>{{position}}, {{name}} <small>{{startDate}} – {{#endDate}}{{endDate}}{{/endDate}}{{^endDate}}present{{/endDate}}</small></h3>
<ul>{{#highlights}}<li>{{.}}</li>{{/highlights}}</ul>
{{/work}}
<h2>Skills</h2>
<p>{{skillsText}}</p>
<h2>Education</h2>
<ul>{{#education}}<li>{{studyType}} {{area}}, {{institution}}, {{endDate}}{{#score}} ({{score}}){{/score}}</li>{{/education}}</ul>
</body>
</html>
$mustache$, false, pg_temp.ago(40), pg_temp.ago(40));

-- Section: shared job board (owner_id null, as ingest writes it)
-- Skill spellings are deliberately mixed ("Postgres"/"PostgreSQL", "JS"/"JavaScript", "k8s"/"Kubernetes"),
-- as they are on real boards; matching normalises them. Some postings have no salary, a few are
-- inactive or past their expiry date, and one job appears on two boards (same fingerprint).
with companies (key, name, url, blurb) as (
  values
    ('kelpie', 'Kelpie Payments', 'https://www.kelpie-payments.example', 'Kelpie Payments runs payment infrastructure for European marketplaces: split payouts, KYC and reconciliation for 1,400 platforms in 19 countries. We are 240 people, profitable since 2023, with offices in Berlin and Lisbon.'),
    ('fjordlight', 'Fjordlight Energy', 'https://fjordlight.example', 'Fjordlight builds software that lets Nordic utilities balance the grid in real time, forecasting demand and dispatching batteries and heat pumps across 600,000 connected homes.'),
    ('glarus', 'Glarus Ledger AG', 'https://glarus-ledger.example', 'Glarus Ledger provides digital-asset custody and treasury software to Swiss and German private banks. We are supervised by FINMA and take correctness as seriously as our clients do.'),
    ('ledgerly', 'Ledgerly', 'https://ledgerly.example', 'Ledgerly is bookkeeping software for UK small businesses and their accountants. Around 85,000 businesses use us to reconcile bank feeds, file VAT returns and run payroll.'),
    ('sabia', 'Sabiá Pay', 'https://sabiapay.example', 'Sabiá Pay processes instant Pix payments for Brazilian retailers and marketplaces, handling more than 9 million transactions a day.'),
    ('cobalt', 'Cobalt Harbor Bank', 'https://cobaltharbor.example', 'Cobalt Harbor is a chartered digital bank for small businesses in the US, offering checking, lending and treasury products to 300,000 customers.'),
    ('bergamot', 'Bergamot Travel', 'https://bergamot-travel.example', 'Bergamot Travel sells rail-and-hotel city breaks across Europe; our search compares 40,000 hotels and 12 rail operators in under a second.'),
    ('quillstack', 'Quillstack', 'https://quillstack.example', 'Quillstack is a documentation platform for developer tools: docs as code, API references and search, used by 3,000 engineering teams. We are fully remote across 14 time zones.'),
    ('kalev', 'Kalev Cloud', 'https://kalev.example', 'Kalev Cloud is an independent European cloud provider running its own data centres in Tallinn and Helsinki, offering virtual machines, managed Postgres and object storage.'),
    ('meridian', 'Meridian Rail Systems', 'https://meridian-rail.example', 'Meridian Rail Systems develops timetabling and dispatching software used by rail operators in Germany, Austria and Switzerland.'),
    ('sprucegrid', 'Sprucegrid', 'https://sprucegrid.example', 'Sprucegrid is an open-core observability platform: metrics, logs and traces on one columnar store, with an agent running on 250,000 nodes.'),
    ('nordvik', 'Nordvik Logistics AB', 'https://nordvik.example', 'Nordvik Logistics moves freight across Scandinavia by road, rail and sea, and is rebuilding its planning systems in-house.'),
    ('brightwell', 'Brightwell Health', 'https://brightwell.example', 'Brightwell Health runs an online GP service for NHS practices and private insurers, with 1.8 million registered patients.'),
    ('maplewave', 'Maplewave Media', 'https://maplewave.example', 'Maplewave is a Canadian streaming service for independent film and live sport, with 2.3 million subscribers.'),
    ('helio', 'Helio Climate', 'https://helioclimate.example', 'Helio Climate helps manufacturers measure and cut their carbon emissions, from supplier data to audited CSRD reports.'),
    ('quartzline', 'Quartzline Data', 'https://quartzline.example', 'Quartzline Data is a consultancy of 60 data and platform engineers delivering projects for retailers, insurers and public-sector clients in the UK and EU.'),
    ('hopscotch', 'Hopscotch Learning', 'https://hopscotch-learning.example', 'Hopscotch is a language-learning app with 6 million monthly learners, built around short lessons recorded by native speakers.'),
    ('hopscotch-ltd', 'Hopscotch Learning Ltd.', 'https://hopscotch-learning.example', 'Hopscotch is a language-learning app with 6 million monthly learners, built around short lessons recorded by native speakers.'),
    ('canal', 'Canal Street Analytics', 'https://canalstreet.example', 'Canal Street Analytics forecasts demand for grocery and fashion retailers so they order the right stock for each store.'),
    ('kestrel', 'Kestrel Insure', 'https://kestrel-insure.example', 'Kestrel Insure sells home and contents insurance online, pricing each policy with our own models rather than industry tables.'),
    ('jabuti', 'Jabuti Commerce', 'https://jabuti.example', 'Jabuti Commerce is an e-commerce platform for Brazilian brands, from storefront to logistics, serving 12,000 shops.'),
    ('oakham', 'Oakham Retail Group', 'https://oakham-retail.example', 'Oakham Retail Group operates 230 home-and-garden stores across the north of England and a fast-growing online shop.'),
    ('sundial', 'Sundial HR', 'https://sundialhr.example', 'Sundial builds HR and payroll software for mid-sized companies in Ireland and the UK.'),
    ('tessellate', 'Tessellate Robotics', 'https://tessellate-robotics.example', 'Tessellate Robotics builds autonomous picking robots for warehouses. We started as an ETH Zürich research project and are now live at 40 sites.'),
    ('vireo', 'Vireo Labs', 'https://vireolabs.example', 'Vireo Labs uses drone and satellite imagery to spot crop disease early for farms in Poland, Ukraine and Romania.'),
    ('orbital', 'Orbital Grocer', 'https://orbitalgrocer.example', 'Orbital Grocer delivers groceries in 20 minutes in Berlin, Hamburg and Munich from 35 micro-warehouses.'),
    ('gleam', 'Gleam Studio', 'https://gleam-studio.example', 'Gleam Studio makes a collaborative design tool for motion and interactive prototypes, used by 400,000 designers.'),
    ('verdant', 'Verdant Clinical', 'https://verdantclinical.example', 'Verdant Clinical makes software for running decentralised clinical trials: e-consent, patient diaries and remote site monitoring.'),
    ('mares', 'Marés Mobility', 'https://mares-mobility.example', 'Marés runs shared e-bikes and cargo bikes in Lisbon, Porto and Valencia, with 9,000 vehicles on the street.'),
    ('tidewater', 'Tidewater Games', 'https://tidewater-games.example', 'Tidewater Games is an independent mobile studio in Stockholm; our puzzle games have been downloaded 70 million times.'),
    ('bastion', 'Bastion Labs', 'https://bastionlabs.example', 'Bastion Labs is a security engineering firm doing application security reviews, penetration tests and secure-by-default tooling for SaaS companies.'),
    ('fieldnote', 'Fieldnote Research', 'https://fieldnote.example', 'Fieldnote is a research repository for product teams: interview recordings, transcripts and tagged insights in one searchable place.')
),
postings (source, ext, co, title, location, cc, remote, emp, smin, smax, cur, period, req, pref, days, expires, active, about, reqs, resps) as (
  values
    -- Backend
    ('greenhouse', '4471203', 'kelpie', 'Senior Backend Engineer, Payments Ledger', 'Berlin, Germany', 'DE', 'hybrid', 'full_time', 80000, 100000, 'EUR', 'year',
     '{Go,Postgres,Kafka,gRPC}', '{Kubernetes,Terraform,"event sourcing"}', 28.2, 60, true,
     'The Payments Ledger team owns the double-entry ledger every euro at Kelpie passes through: 40 million entries a day, reconciled to the cent with our banking partners. We are looking for a senior engineer to help us split the ledger into independently scalable services without ever losing a cent of consistency.',
     array['5+ years building backend services in production, at least 2 of them in Go.', 'Deep knowledge of Postgres: transactions and isolation levels, indexing, and running schema changes on busy tables.', 'Experience with Kafka or a similar log, including consumer groups, ordering and idempotent processing.', 'You have designed APIs that other teams depend on; gRPC experience is a plus.', 'Comfortable working in English; German is not required.'],
     array['Design and build ledger services in Go that stay correct under retries, partial failures and replays.', 'Own the path from a payout request to a booked entry, including on-call for it one week in six.', 'Work with finance and compliance on reconciliation and audit requirements.', 'Review designs and code, and mentor mid-level engineers on the team.']),
    ('lever', null, 'fjordlight', 'Backend Engineer (Go), Grid APIs', 'Stockholm, Sweden', 'SE', 'hybrid', 'full_time', 55000, 68000, 'SEK', 'month',
     '{Golang,PostgreSQL,"REST APIs",Docker}', '{TimescaleDB,Kubernetes,MQTT}', 19.5, null, true,
     'Our Grid APIs let utilities and aggregators send dispatch signals to batteries, heat pumps and EV chargers and get telemetry back within seconds. You will join a team of five that owns these public APIs and the time-series storage behind them.',
     array['3+ years of backend development, ideally in Go (or strong in another typed language and keen to switch).', 'Good PostgreSQL skills; time-series experience with TimescaleDB or similar is a bonus.', 'You write clear REST APIs with proper versioning, pagination and error handling.', 'You live in or are willing to move to the Stockholm area; we meet in the office on Tuesdays and Thursdays.'],
     array['Build and operate APIs that handle 80,000 device messages per second at peak.', 'Improve how we store and downsample telemetry so queries stay fast as we grow.', 'Work directly with utility customers to understand integration problems.', 'Share on-call for the APIs during office hours, with a paid weekend rotation.']),
    ('greenhouse', '5520981', 'glarus', 'Senior Software Engineer, Custody Platform (Kotlin)', 'Zürich, Switzerland', 'CH', 'hybrid', 'full_time', 130000, 160000, 'CHF', 'year',
     '{Kotlin,Java,PostgreSQL,"Spring Boot"}', '{Kafka,HSM,"domain-driven design"}', 55.1, 45, true,
     'Our custody platform safeguards digital assets for private banks: it signs transactions with hardware security modules, enforces four-eyes approval and keeps an audit trail regulators can read. We are hiring a senior engineer for the core transaction-orchestration services.',
     array['6+ years of backend engineering on the JVM, with production Kotlin or modern Java.', 'Strong relational modelling skills in PostgreSQL and an instinct for where consistency matters.', 'Experience in a regulated environment (banking, payments, healthcare) is a strong plus.', 'You can explain trade-offs clearly to engineers, auditors and product managers alike.'],
     array['Design and build the services that orchestrate transaction approval and signing.', 'Model complex approval workflows with the product and compliance teams.', 'Raise the bar on testing, including property-based tests for our policy engine.', 'Take part in incident reviews and the quarterly disaster-recovery exercises.']),
    ('workable', '9F3A21C7B0', 'ledgerly', 'Backend Engineer (Python/Django)', 'London, United Kingdom', 'GB', 'hybrid', 'full_time', 65000, 80000, 'GBP', 'year',
     '{Python,Django,Postgres,Celery}', '{AWS,Redis,"Open Banking"}', 16.8, 60, true,
     'The Bank Feeds team connects Ledgerly to more than 40 UK banks through Open Banking and turns messy transaction data into suggestions accountants actually accept. We are looking for a backend engineer who enjoys untangling real-world data.',
     array['Commercial experience with Python and Django, including the ORM and migrations.', 'Solid SQL and Postgres knowledge; you are comfortable reading a query plan.', 'Experience with background job systems such as Celery or RQ.', 'Eligible to work in the UK; we are in our Shoreditch office two days a week.'],
     array['Build and maintain integrations with banks and aggregators.', 'Improve the matching engine that reconciles bank lines against invoices and bills.', 'Keep the bank-feed pipeline fast and reliable as customer numbers grow.', 'Pair with product and support to fix the problems customers care about most.']),
    ('lever', null, 'sabia', 'Senior Backend Engineer (Kotlin) – Pix', 'São Paulo, Brazil', 'BR', 'hybrid', 'full_time', 18000, 24000, 'BRL', 'month',
     '{Kotlin,"Spring Boot",PostgreSQL,Kafka}', '{AWS,DynamoDB,Kubernetes}', 12.3, null, true,
     'Pix settles in seconds, and so must we. The Pix Core team runs the services that receive, validate and settle instant payments with the Brazilian Central Bank, 24 hours a day. We are hiring a senior engineer to help us prepare for Pix Automático.',
     array['5+ years building high-throughput backend systems, with Kotlin or Java on Spring Boot.', 'Experience with Kafka, PostgreSQL and designing for idempotency and retries.', 'Familiarity with payments, ideally Pix or card networks.', 'Advanced English and native or fluent Portuguese.'],
     array['Build and evolve services that settle millions of Pix transactions a day.', 'Work on latency and reliability targets agreed with the Central Bank.', 'Contribute to technical design reviews and incident post-mortems.', 'Mentor engineers joining the Pix Core team.']),
    ('greenhouse', '6102334', 'cobalt', 'Staff Backend Engineer, Core Banking', 'New York, NY, United States', 'US', 'hybrid', 'full_time', 210000, 250000, 'USD', 'year',
     '{Java,PostgreSQL,AWS,"distributed systems"}', '{Kotlin,Temporal,"payments"}', 31.4, 90, true,
     'Core Banking owns accounts, balances and money movement at Cobalt Harbor. As a Staff Engineer you will set the technical direction for the next generation of our ledger and work across product lines to make money movement safe and observable.',
     array['10+ years of software engineering, including leading large changes to systems with real money or safety at stake.', 'Expert in Java and relational databases, especially PostgreSQL.', 'Experience running services on AWS at scale.', 'A track record of growing other engineers and writing design documents people want to read.'],
     array['Lead the architecture of our ledger and account services.', 'Partner with risk, compliance and finance on how money moves through the bank.', 'Drive reliability work: SLOs, capacity planning and game days.', 'Mentor senior engineers across three teams.']),
    ('ashby', null, 'bergamot', 'Backend Engineer, Search & Pricing', 'Barcelona, Spain', 'ES', 'hybrid', 'full_time', 50000, 62000, 'EUR', 'year',
     '{Node.js,TypeScript,Elasticsearch,Redis}', '{Postgres,Kafka,"GraphQL"}', 9.6, 45, true,
     'Search & Pricing is the heart of Bergamot: every search combines live rail fares with hotel availability and must come back in under a second. You will work on the services that fan out to suppliers, cache aggressively and rank the results.',
     array['3+ years building backend services in Node.js with TypeScript.', 'Hands-on experience with Elasticsearch or OpenSearch relevance tuning.', 'Good instincts for caching and for what happens when a supplier API is slow.', 'Based in Barcelona or willing to relocate; we help with visas and moving.'],
     array['Improve search latency and relevance across 40,000 hotels.', 'Build integrations with new rail operators.', 'Run experiments on ranking with the data science team.', 'Share on-call for search during European daytime hours.']),
    ('greenhouse', '7730418', 'quillstack', 'Senior Backend Engineer (Rust)', 'Remote (Europe)', null, 'remote', 'full_time', 90000, 115000, 'EUR', 'year',
     '{Rust,Postgres,"distributed systems"}', '{Tokio,WebAssembly,"full-text search"}', 40.2, 60, true,
     'We are rebuilding Quillstack''s search and build pipeline in Rust so docs sites with 50,000 pages rebuild in seconds, not minutes. You will be one of three senior engineers on this work, fully remote, overlapping at least four hours with Central European Time.',
     array['Several years of professional systems programming, with at least one shipped Rust project.', 'Experience with async Rust (Tokio) and profiling real workloads.', 'Good Postgres knowledge for the metadata store.', 'Strong written communication: most of our collaboration happens in documents.'],
     array['Design and build the incremental build engine in Rust.', 'Make search indexing fast and memory-efficient.', 'Write design docs and review those of others.', 'Help shape how we test and benchmark performance-critical code.']),
    ('lever', null, 'kalev', 'Backend Engineer, Billing', 'Tallinn, Estonia', 'EE', 'hybrid', 'full_time', 4500, 6000, 'EUR', 'month',
     '{Go,PostgreSQL,"REST APIs"}', '{Stripe,"usage-based billing",Prometheus}', 22.7, null, true,
     'Kalev Cloud bills customers by the second for compute, storage and traffic. The Billing team turns billions of usage records into accurate invoices every month, and we need another engineer to help us launch committed-use discounts.',
     array['2+ years writing backend services in Go.', 'Comfortable with PostgreSQL, including large aggregations and partitioned tables.', 'Care for correctness: a rounding error here is a customer''s money.', 'Based in Estonia or Finland, or willing to relocate to Tallinn.'],
     array['Build the rating engine that prices usage records.', 'Integrate with payment providers and our accounting system.', 'Write reconciliation jobs that prove invoices match usage.', 'Work with support to explain and fix billing questions.']),
    ('seed', 'MRS-2291', 'meridian', 'Software Engineer, Timetabling Services', 'Munich, Germany', 'DE', 'onsite', 'full_time', 70000, 85000, 'EUR', 'year',
     '{Java,Spring,Postgres}', '{"operations research",Kafka,German}', 36.0, 60, true,
     'Every night our timetabling services plan which train runs on which track for more than 25,000 daily services. We are hiring a software engineer for the team that turns planners'' changes into conflict-free timetables.',
     array['3+ years of Java development, ideally with Spring.', 'Interest in optimisation problems; experience with operations research is a plus.', 'Good SQL skills and experience with PostgreSQL.', 'German at B2 level or above, as most of our customers work in German.'],
     array['Develop and maintain the timetable conflict-detection services.', 'Work with planners from our rail customers to understand edge cases.', 'Improve test coverage for safety-relevant scheduling rules.', 'Take part in on-site customer visits a few times a year.']),

    -- Platform, DevOps and SRE
    ('greenhouse', '3390127', 'sprucegrid', 'Platform Engineer, Kubernetes', 'Berlin, Germany', 'DE', 'remote', 'full_time', 85000, 105000, 'EUR', 'year',
     '{Kubernetes,Go,Terraform,Prometheus}', '{eBPF,ArgoCD,"ClickHouse"}', 45.3, 60, true,
     'The Platform team runs the multi-tenant Kubernetes clusters behind Sprucegrid Cloud: 14 clusters in 5 regions ingesting 30 TB of telemetry a day. We are looking for an engineer who treats the platform as a product for our 90 developers.',
     array['3+ years running Kubernetes in production, including upgrades, networking and autoscaling.', 'Go or another language you use to write operators and tooling.', 'Infrastructure as code with Terraform.', 'Experience with Prometheus-style metrics and alerting.', 'Remote anywhere within two hours of CET; Berlin office available.'],
     array['Operate and improve our clusters, from node pools to service mesh.', 'Build self-service tooling so product teams can ship without tickets.', 'Own capacity planning and cost for the ingest path.', 'Join an on-call rotation of six with generous compensation.']),
    ('lever', null, 'fjordlight', 'Site Reliability Engineer', 'Stockholm, Sweden', 'SE', 'hybrid', 'full_time', 60000, 72000, 'SEK', 'month',
     '{k8s,Prometheus,Terraform,Linux}', '{GCP,Go,PostgreSQL}', 11.9, 45, true,
     'Utilities rely on Fjordlight to keep the grid balanced, so our availability target is 99.95%. Our SRE team of four sets SLOs with product teams, runs the GKE platform and leads incident response. We want a fifth member who enjoys both building and teaching.',
     array['Experience running Kubernetes clusters in production (GKE, EKS or self-managed).', 'Solid Linux and networking fundamentals.', 'Terraform and a scripting or programming language such as Go or Python.', 'Experience with SLOs, alerting and blameless post-mortems.'],
     array['Run and improve our GKE platform and its observability stack.', 'Define SLOs together with product teams and build the dashboards behind them.', 'Lead incident response and the follow-up work that stops repeats.', 'Automate toil away, one runbook at a time.']),
    ('greenhouse', '4471877', 'kelpie', 'Staff Platform Engineer', 'Remote (EU)', null, 'remote', 'full_time', 110000, 135000, 'EUR', 'year',
     '{Kubernetes,AWS,Terraform,Go,PostgreSQL}', '{"multi-region",Vault,Cilium}', 7.4, 60, true,
     'Kelpie is going multi-region in 2027. As Staff Platform Engineer you will lead the design of how our 70 services, their Postgres clusters and their secrets run active-active across two AWS regions, and bring three platform teams along with you.',
     array['8+ years in infrastructure or backend roles, with several years leading platform work.', 'Deep hands-on experience with Kubernetes and AWS networking.', 'Terraform at scale, with module design and safe rollouts.', 'Experience operating PostgreSQL with high availability and failover.', 'Remote within the EU, with a few trips a year to Berlin.'],
     array['Own the multi-region architecture, from DNS to databases.', 'Write and review design documents across three platform teams.', 'Run game days and failover tests until they are boring.', 'Coach senior engineers and help hire the next platform team.']),
    ('workable', '3B81D09E44', 'nordvik', 'DevOps Engineer', 'Gothenburg, Sweden', 'SE', 'onsite', 'full_time', 48000, 58000, 'SEK', 'month',
     '{Azure,Terraform,"CI/CD",Docker}', '{Ansible,"Azure DevOps",PowerShell}', 33.0, 45, true,
     'Nordvik is moving its planning systems from a data centre in Mölndal to Azure. You will join a small infrastructure team at our Gothenburg head office and help developers deploy safely several times a day.',
     array['2+ years in a DevOps or infrastructure role.', 'Experience with Azure and Terraform.', 'You have built CI/CD pipelines for containerised applications.', 'Swedish or English; both are used daily.'],
     array['Build the landing zone and networking for our Azure migration.', 'Create CI/CD pipelines and templates for development teams.', 'Move legacy Windows services into containers where it makes sense.', 'Document how things work so others can run them.']),
    ('seed', 'KC-SRE-17', 'kalev', 'Senior Site Reliability Engineer', 'Tallinn, Estonia', 'EE', 'remote', 'full_time', null, null, null, null,
     '{Linux,Kubernetes,Ceph,Ansible}', '{OpenStack,"bare metal",Python}', 26.5, null, true,
     'We run our own hardware: 3,000 servers, Ceph clusters holding 40 PB and the Kubernetes control planes behind our managed services. Our SREs know the stack from the BIOS to the API.',
     array['Several years operating Linux fleets and distributed storage in production.', 'Hands-on experience with Ceph, or another distributed storage system at scale.', 'Configuration management with Ansible or similar.', 'Calm under pressure and comfortable leading an incident.'],
     array['Keep storage and compute clusters healthy and fast.', 'Plan hardware refreshes and capacity with the data-centre team.', 'Automate provisioning from rack to running node.', 'Share on-call with the SRE team across two time zones.']),
    ('greenhouse', '2287715', 'brightwell', 'Site Reliability Engineer', 'London, United Kingdom', 'GB', 'hybrid', 'full_time', 85000, 100000, 'GBP', 'year',
     '{AWS,k8s,Terraform,Python}', '{Datadog,"NHS DSPT","incident management"}', 24.1, 60, true,
     'Patients book GP appointments with us at 8 a.m. sharp, every day. Our reliability team makes sure the platform stays up through those peaks and that we meet the NHS Data Security and Protection Toolkit.',
     array['Experience operating production systems on AWS with Kubernetes.', 'Infrastructure as code with Terraform, and Python for tooling.', 'Experience with incident management and on-call.', 'Eligible to work in the UK; office in King''s Cross two days a week.'],
     array['Scale the platform for the morning booking peak.', 'Own monitoring, alerting and incident response processes.', 'Work with security on compliance evidence and audits.', 'Coach product teams on operability.']),
    ('lever', null, 'maplewave', 'DevOps Engineer', 'Toronto, ON, Canada', 'CA', 'hybrid', 'full_time', 105000, 125000, 'CAD', 'year',
     '{GCP,Kubernetes,Helm,"GitHub Actions"}', '{Terraform,"video streaming",Go}', 14.6, 60, true,
     'Live sport means traffic that goes from quiet to 400,000 concurrent viewers in two minutes. The Infrastructure team keeps our GKE clusters, CI pipelines and CDN configuration ready for kick-off.',
     array['3+ years in DevOps or platform engineering.', 'Production experience with GCP and Kubernetes, packaging services with Helm.', 'You have built and maintained CI/CD pipelines in GitHub Actions or similar.', 'Legally able to work in Canada; Toronto office three days a week.'],
     array['Prepare infrastructure for big live events, including load tests.', 'Maintain CI/CD templates used by 20 teams.', 'Reduce cloud spend without hurting reliability.', 'Take part in a follow-the-sun on-call rotation.']),
    ('ashby', null, 'helio', 'Cloud Infrastructure Engineer', 'Copenhagen, Denmark', 'DK', 'hybrid', 'full_time', 650000, 800000, 'DKK', 'year',
     '{AWS,Terraform,Python}', '{FinOps,Kubernetes,"AWS Organizations"}', 5.2, 45, true,
     'We are a climate company, so we care about the footprint of our own infrastructure too. You will own Helio''s AWS organisation: accounts, networking, security baselines and a cost and carbon dashboard for every team.',
     array['3+ years building on AWS, including IAM, networking and multi-account setups.', 'Terraform and Python.', 'An interest in cost and energy efficiency of cloud workloads.', 'Based in Copenhagen or able to come in twice a week.'],
     array['Own the AWS organisation and its guardrails.', 'Build paved roads for deploying new services.', 'Report cost and estimated emissions per team and help reduce both.', 'Support the security team during ISO 27001 audits.']),
    ('seed', 'QD-C-041', 'quartzline', 'Freelance Kubernetes Consultant (6 months)', 'Remote (Europe)', null, 'remote', 'contract', 650, 800, 'EUR', 'day',
     '{Kubernetes,Helm,"Argo CD",Terraform}', '{Istio,"AWS EKS",German}', 3.1, 30, true,
     'A German insurer is moving 120 applications onto a new Kubernetes platform, and we are staffing the platform team for the first six months. Remote with one week a month on site in Cologne.',
     array['Proven experience building Kubernetes platforms for several teams.', 'GitOps with Argo CD and packaging with Helm.', 'Terraform for cluster and cloud resources.', 'Available to start within four weeks; German is a plus.'],
     array['Build the cluster baseline and GitOps repository structure.', 'Onboard the first application teams and write the guides they follow.', 'Hand over to the client''s own platform team by the end of the contract.']),

    -- Data engineering and analytics
    ('greenhouse', '8812046', 'hopscotch', 'Senior Data Engineer', 'London, United Kingdom', 'GB', 'hybrid', 'full_time', 80000, 95000, 'GBP', 'year',
     '{Python,SQL,Airflow,dbt,BigQuery,Dataflow}', '{Kafka,Terraform,"data contracts"}', 22.4, 60, true,
     'Every lesson a learner takes produces events that drive our recommendations, our A/B tests and the reports we send to schools. The Data Platform team of six builds the pipelines and models behind all of it, and we are hiring a senior engineer to lead our move from daily batches to near-real-time.',
     array['5+ years in data engineering, with strong Python and SQL.', 'Production experience with Airflow and dbt.', 'Experience with BigQuery, and ideally Dataflow or Apache Beam for streaming.', 'You think about data quality and contracts, not only pipelines.', 'Eligible to work in the UK; Farringdon office two days a week.'],
     array['Design and build streaming ingestion for learner events.', 'Own core dbt models used by product, finance and the schools team.', 'Introduce data contracts with the app teams that produce events.', 'Mentor two mid-level data engineers.']),
    ('workable', 'E5D0C4A219', 'hopscotch-ltd', 'Senior Data Engineer', 'London, United Kingdom', 'GB', 'hybrid', 'full_time', 80000, 95000, 'GBP', 'year',
     '{Python,SQL,Airflow,dbt,BigQuery}', '{Kafka,Terraform}', 21.0, 60, true,
     'Hopscotch is hiring a Senior Data Engineer for its Data Platform team in London. You will build streaming and batch pipelines for learner events and own core dbt models used across the company.',
     array['Strong Python and SQL.', 'Airflow, dbt and BigQuery in production.', 'Right to work in the UK.'],
     array['Build streaming ingestion for learner events.', 'Own core dbt models.', 'Mentor mid-level data engineers.']),
    ('workable', 'A7C9021F3D', 'ledgerly', 'Data Engineer', 'Remote (UK)', 'GB', 'remote', 'full_time', 65000, 78000, 'GBP', 'year',
     '{Python,dbt,Snowflake,Airflow}', '{Fivetran,Looker,"reverse ETL"}', 8.7, 60, true,
     'Ledgerly''s data team is small and busy: three engineers serving finance, product and a growing machine-learning effort on transaction categorisation. You will own ingestion into Snowflake and the dbt project at its centre.',
     array['3+ years of data engineering with Python and SQL.', 'dbt and Airflow in production.', 'Experience with Snowflake or another cloud warehouse.', 'UK-based; we meet in London once a month, travel paid.'],
     array['Own ingestion from our product databases and third-party tools.', 'Keep the dbt project tidy, tested and documented.', 'Build data sets for the categorisation models with our ML engineer.', 'Help finance close the month faster with reliable reporting.']),
    ('ashby', null, 'canal', 'Analytics Engineer', 'Amsterdam, Netherlands', 'NL', 'hybrid', 'full_time', 60000, 75000, 'EUR', 'year',
     '{SQL,dbt,Snowflake,Looker}', '{Python,"data modelling"}', 17.3, 60, true,
     'Our forecasts are only as good as the sales and stock data our retail customers send us. As an analytics engineer you will model that data in dbt so forecasters and customer success can trust every number.',
     array['2+ years as an analytics engineer or BI developer.', 'Excellent SQL and hands-on dbt.', 'Experience with Snowflake and a BI tool such as Looker.', 'Living in the Netherlands or eligible to relocate; 30% ruling may apply.'],
     array['Model customer sales and inventory data in dbt.', 'Build data-quality checks that catch broken feeds early.', 'Create Looker explores for customer success.', 'Document the models so others can build on them.']),
    ('greenhouse', '1190342', 'kestrel', 'Lead Data Engineer', 'London, United Kingdom', 'GB', 'hybrid', 'full_time', 95000, 115000, 'GBP', 'year',
     '{Spark,Databricks,Python,Azure}', '{"Delta Lake",Kafka,"insurance pricing"}', 44.0, 45, true,
     'Pricing is everything in insurance. Kestrel''s data platform feeds our pricing models with quotes, claims and third-party data, and we are looking for a lead to take it to the next level on Databricks.',
     array['Experience leading a team of data engineers.', 'Deep knowledge of Spark and Databricks, including Delta Lake.', 'Python and Azure in production.', 'Experience in insurance or another regulated industry is a plus.'],
     array['Lead a team of four data engineers.', 'Own the lakehouse architecture on Databricks.', 'Work with pricing actuaries and data scientists on model inputs.', 'Set engineering standards for testing and deployment.']),
    ('seed', 'QD-C-052', 'quartzline', 'Data Engineer (Contract, Outside IR35)', 'Remote (UK)', 'GB', 'remote', 'contract', 500, 600, 'GBP', 'day',
     '{Python,Spark,AWS,Airflow}', '{Glue,Redshift,Terraform}', 35.2, 30, true,
     'A UK retailer needs help moving its batch pipelines from on-premise Hadoop to AWS. Three-month initial contract with likely extension, outside IR35, fully remote.',
     array['Strong Python and Spark.', 'Experience with AWS data services such as Glue, EMR or Redshift.', 'Airflow for orchestration.', 'Available within two weeks.'],
     array['Migrate Spark jobs from Hadoop to AWS.', 'Set up Airflow orchestration and monitoring.', 'Document the new platform for the client''s team.']),
    ('lever', null, 'jabuti', 'Data Engineer', 'São Paulo, Brazil', 'BR', 'remote', 'full_time', 16000, 21000, 'BRL', 'month',
     '{Python,Spark,Airflow,AWS}', '{dbt,Redshift,Kafka}', 27.9, null, true,
     'Jabuti''s shops want to know what is selling, where and why. Our data team builds the pipelines behind merchant dashboards and the marketing attribution models used by 12,000 brands.',
     array['3+ years of data engineering with Python and Spark.', 'Airflow in production.', 'Experience with AWS services for data (S3, EMR, Redshift).', 'Living in Brazil; fluent Portuguese and intermediate English.'],
     array['Build and maintain batch and streaming pipelines.', 'Improve the performance and cost of our Spark jobs.', 'Work with analysts on merchant-facing metrics.', 'Help migrate transformations to dbt.']),
    ('greenhouse', '6640021', 'maplewave', 'Senior Data Engineer, Streaming', 'Toronto, ON, Canada', 'CA', 'hybrid', 'full_time', 130000, 150000, 'CAD', 'year',
     '{Kafka,Flink,Scala,Java}', '{"Apache Iceberg",Kubernetes}', 38.6, 60, true,
     'When 400,000 people watch the same match, every second of buffering shows up in our playback events. The Streaming Data team processes those events in real time to adapt bitrates and alert operations within seconds.',
     array['5+ years in data or backend engineering with stream processing.', 'Production experience with Kafka and Flink.', 'Scala or Java.', 'Able to work from Toronto three days a week.'],
     array['Own the real-time playback analytics pipeline.', 'Reduce end-to-end latency from 30 to under 5 seconds.', 'Move historical storage to Apache Iceberg.', 'Mentor engineers new to streaming.']),
    ('ashby', null, 'helio', 'Data Engineer, Emissions Data', 'Copenhagen, Denmark', 'DK', 'remote', 'full_time', 580000, 700000, 'DKK', 'year',
     '{Python,PostgreSQL,dbt,Dagster}', '{"LCA data","data quality"}', 13.2, 60, true,
     'Supplier emissions data arrives as spreadsheets, PDFs and API feeds of very mixed quality. You will build the pipelines that turn it into audited numbers our customers put in their CSRD reports.',
     array['3+ years of data engineering in Python.', 'Good PostgreSQL and dbt skills.', 'Experience with an orchestrator such as Dagster or Airflow.', 'Remote within Denmark, Sweden or Germany.'],
     array['Build ingestion for supplier and activity data.', 'Model emissions factors and calculations in dbt with full lineage.', 'Add data-quality checks an auditor can follow.', 'Work closely with our sustainability experts.']),
    ('seed', 'ORG-DE-118', 'oakham', 'Data Engineer', 'Manchester, United Kingdom', 'GB', 'hybrid', 'full_time', 55000, 65000, 'GBP', 'year',
     '{SQL,Python,"Azure Data Factory","Power BI"}', '{Databricks,"retail analytics"}', 47.0, 30, true,
     'Oakham is building its first in-house data team. You will move store and online sales reporting from spreadsheets to Azure, working closely with the merchandising and finance teams.',
     array['Experience with SQL and Python for data pipelines.', 'Azure Data Factory or similar tools.', 'Experience preparing data for Power BI reports.', 'Able to be in our Manchester office three days a week.'],
     array['Build pipelines from the till and e-commerce systems into Azure.', 'Create trusted sales and stock data sets.', 'Support analysts building Power BI reports.']),
    ('greenhouse', '5099217', 'sundial', 'Data Platform Engineer', 'Dublin, Ireland', 'IE', 'hybrid', 'full_time', 75000, 90000, 'EUR', 'year',
     '{Python,Kafka,Snowflake,Terraform,dbt}', '{"data governance",GDPR}', 50.1, 60, true,
     'HR and payroll data is some of the most sensitive data a company holds. Our Data Platform team builds the pipelines and governance that let product teams use it for analytics without compromising employee privacy.',
     array['4+ years of data engineering or platform engineering.', 'Python, Kafka and a cloud warehouse such as Snowflake.', 'Infrastructure as code with Terraform.', 'A working understanding of GDPR and data minimisation.', 'Based in Ireland or willing to relocate to Dublin.'],
     array['Build and operate ingestion from product databases through Kafka.', 'Own access controls and masking policies in Snowflake.', 'Provide paved paths for analysts using dbt.', 'Work with legal on data retention.']),
    ('lever', null, 'brightwell', 'Analytics Engineer, Clinical Operations', 'London, United Kingdom', 'GB', 'hybrid', 'full_time', 60000, 72000, 'GBP', 'year',
     '{SQL,dbt,Looker}', '{Python,"healthcare data"}', 58.2, 28, false,
     'Clinical Operations needs trustworthy numbers on appointment waiting times and clinician capacity. You will build the dbt models and dashboards they use every morning.',
     array['Strong SQL and dbt.', 'Experience building dashboards in Looker or a similar tool.', 'Interest in healthcare; experience with NHS data is a plus.'],
     array['Model appointment and capacity data in dbt.', 'Build daily operational dashboards.', 'Work with clinicians to define metrics.']),

    -- Data science and machine learning
    ('greenhouse', '2214870', 'canal', 'Senior Data Scientist, Forecasting', 'Amsterdam, Netherlands', 'NL', 'hybrid', 'full_time', 75000, 90000, 'EUR', 'year',
     '{Python,"time series",SQL,scikit-learn}', '{PyTorch,Spark,LightGBM}', 29.8, 60, true,
     'We forecast sales for 60 million store-product combinations every night. Our forecasting team improves the models behind those numbers and explains them to retailers who order stock based on them.',
     array['5+ years in data science with a focus on time-series forecasting.', 'Excellent Python and SQL.', 'Experience with gradient boosting and probabilistic forecasts.', 'You can explain a model''s mistakes to a buyer without jargon.'],
     array['Improve forecast accuracy for promotions and new products.', 'Design backtests and metrics that reflect business value.', 'Work with engineers to put models into production.', 'Mentor junior data scientists.']),
    ('lever', null, 'tessellate', 'Machine Learning Engineer, Perception', 'Zürich, Switzerland', 'CH', 'onsite', 'full_time', 120000, 145000, 'CHF', 'year',
     '{Python,PyTorch,"computer vision","C++"}', '{ROS,CUDA,TensorRT}', 20.4, 60, true,
     'Our robots pick 1,200 items an hour from cluttered bins. The Perception team builds the models that decide where to grasp, and runs them on the robot in under 50 milliseconds.',
     array['MSc or PhD in a relevant field, or equivalent industry experience.', 'Strong Python and PyTorch; production C++ is a big plus.', 'Experience with 2D and 3D computer vision.', 'Enjoy working next to real hardware in our Zürich lab.'],
     array['Train and evaluate grasp-detection models.', 'Optimise inference on robot GPUs.', 'Build data pipelines from fleet recordings to training sets.', 'Test new models on the robots with the field team.']),
    ('ashby', null, 'vireo', 'ML Engineer, Crop Imaging', 'Warsaw, Poland', 'PL', 'hybrid', 'full_time', 22000, 30000, 'PLN', 'month',
     '{Python,PyTorch,OpenCV,Docker}', '{"satellite imagery",GDAL,AWS}', 15.7, 60, true,
     'We detect fungal disease in wheat fields about ten days before a farmer would see it. You will improve the segmentation models behind those alerts and the pipeline that runs them on 4 million hectares every week.',
     array['3+ years building computer vision models with PyTorch.', 'Experience with OpenCV and image preprocessing.', 'Docker and deploying models as services.', 'Based in Poland; English required, Polish helpful.'],
     array['Improve segmentation models for disease detection.', 'Build training data pipelines from drone and satellite imagery.', 'Deploy and monitor models in production.', 'Visit partner farms during the growing season.']),
    ('greenhouse', '2287931', 'brightwell', 'Machine Learning Engineer, NLP', 'London, United Kingdom', 'GB', 'hybrid', 'full_time', 90000, 110000, 'GBP', 'year',
     '{Python,PyTorch,LLMs,MLOps}', '{"clinical NLP","evaluation"}', 6.3, 60, true,
     'GPs spend too much of each appointment writing notes. We are building a clinician-reviewed summarisation assistant, and we need an ML engineer who cares as much about evaluation and safety as about model quality.',
     array['Experience training or fine-tuning language models with PyTorch.', 'Solid Python engineering and MLOps practice.', 'Experience designing evaluations for generative models.', 'Interest in clinical safety and working with clinicians.'],
     array['Build and evaluate summarisation models for consultations.', 'Design human-in-the-loop review workflows with clinicians.', 'Monitor model quality and drift in production.', 'Contribute to our clinical safety case.']),
    ('lever', null, 'cobalt', 'MLOps Engineer', 'New York, NY, United States', 'US', 'hybrid', 'full_time', 170000, 200000, 'USD', 'year',
     '{Python,Kubernetes,MLflow,AWS}', '{SageMaker,Feast,Terraform}', 18.5, 60, true,
     'Cobalt Harbor''s credit and fraud models decide in milliseconds whether to approve a payment. The ML Platform team makes training, deployment and monitoring of those models safe and repeatable.',
     array['3+ years in MLOps or ML platform engineering.', 'Python, Kubernetes and AWS in production.', 'Experience with MLflow or a similar model registry.', 'Understanding of model risk management is a plus.'],
     array['Build the model training and deployment platform.', 'Implement model monitoring and drift detection.', 'Partner with model risk on validation evidence.', 'Improve feature serving latency.']),
    ('seed', 'HS-DS-07', 'hopscotch', 'Data Scientist, Experimentation', 'Remote (UK)', 'GB', 'remote', 'full_time', 60000, 75000, 'GBP', 'year',
     '{Python,SQL,"A/B testing",statistics}', '{"causal inference",BigQuery}', 30.5, 60, true,
     'We run around 40 experiments a month on lesson design, pricing and notifications. You will make sure each one is designed well, analysed correctly and turned into a clear decision.',
     array['Strong statistics, especially experiment design and analysis.', 'Python and SQL.', 'Experience with sequential testing or variance reduction is a plus.', 'UK-based.'],
     array['Review experiment designs with product teams.', 'Improve our experimentation platform''s statistics.', 'Teach product managers to read results correctly.']),
    ('greenhouse', '6640399', 'maplewave', 'Machine Learning Intern (Summer 2027)', 'Toronto, ON, Canada', 'CA', 'onsite', 'internship', 28, 34, 'CAD', 'hour',
     '{Python,"machine learning"}', '{PyTorch,SQL,"recommender systems"}', 2.4, 75, true,
     'A 16-week paid internship on the recommendations team. You will ship a real improvement to how we suggest films and matches, with a mentor and a demo to the whole company at the end.',
     array['Currently enrolled in a university programme in computer science, statistics or a related field.', 'Python and the basics of machine learning.', 'Available from May to August 2027 in Toronto.'],
     array['Explore and prototype a recommendation model improvement.', 'Run an offline evaluation and, if it goes well, an A/B test.', 'Present your results at the end of the internship.']),

    -- Frontend and full-stack
    ('greenhouse', '4012887', 'orbital', 'Senior Frontend Engineer (React)', 'Berlin, Germany', 'DE', 'hybrid', 'full_time', 70000, 88000, 'EUR', 'year',
     '{React,TypeScript,JS,GraphQL}', '{Next.js,Storybook,"web performance"}', 10.2, 60, true,
     'Our web shop has to feel as quick as the 20-minute delivery it sells. You will work on the storefront used by 300,000 customers a month, with a strong focus on performance and accessibility.',
     array['5+ years building web applications, 3+ of them with React and TypeScript.', 'Experience consuming GraphQL APIs.', 'Solid understanding of browser performance and Core Web Vitals.', 'Berlin-based or willing to relocate; visa support available.'],
     array['Build features across the storefront and checkout.', 'Improve load time on low-end phones.', 'Contribute to our design system in Storybook.', 'Mentor other frontend engineers.']),
    ('lever', null, 'gleam', 'Frontend Engineer, Canvas', 'Paris, France', 'FR', 'hybrid', 'full_time', 60000, 75000, 'EUR', 'year',
     '{TypeScript,WebGL,React}', '{WebGPU,"Rust",WebAssembly}', 25.0, 60, true,
     'The Canvas team builds the editor at the centre of Gleam: a WebGL renderer, real-time collaboration and a timeline for animation. We care about 60 frames per second on a five-year-old laptop.',
     array['Strong TypeScript and experience with WebGL or another graphics API.', 'Experience with performance profiling in the browser.', 'React for the surrounding UI.', 'Paris-based, or willing to come in three days a week.'],
     array['Build rendering and interaction features in the canvas.', 'Profile and optimise rendering performance.', 'Work with designers on new animation tools.']),
    ('workable', '77D2AC01B5', 'bergamot', 'Full-Stack Engineer', 'Barcelona, Spain', 'ES', 'hybrid', 'full_time', 48000, 60000, 'EUR', 'year',
     '{JavaScript,Node,React,PostgreSQL}', '{TypeScript,"Stripe"}', 42.8, 45, true,
     'The Booking team owns everything after a customer clicks Book: payment, confirmation emails, changes and refunds. It is a small team that ships end to end, from database migrations to the React screens.',
     array['3+ years of full-stack development with JavaScript or TypeScript.', 'Node.js on the server and React on the client.', 'Comfortable with PostgreSQL schema design.'],
     array['Build booking and post-booking features end to end.', 'Improve the reliability of payments and refunds.', 'Work closely with customer support.']),
    ('ashby', null, 'sundial', 'Frontend Engineer', 'Dublin, Ireland', 'IE', 'hybrid', 'full_time', 65000, 80000, 'EUR', 'year',
     '{Vue.js,TypeScript,CSS}', '{Vitest,"accessibility"}', 7.9, 60, true,
     'HR managers spend whole days in Sundial. You will build the screens they use for onboarding, leave and payroll approvals, and make them fast, accessible and pleasant.',
     array['3+ years of frontend development with Vue or a similar framework.', 'TypeScript and modern CSS.', 'A habit of writing tests for the UI.'],
     array['Build product features with Vue 3 and TypeScript.', 'Improve accessibility across the app.', 'Contribute to the component library.']),
    ('greenhouse', '3177420', 'sabia', 'Full-stack Engineer (TypeScript)', 'São Paulo, Brazil', 'BR', 'remote', 'full_time', 15000, 20000, 'BRL', 'month',
     '{TypeScript,React,Node.js,Postgres}', '{Next.js,AWS}', 4.5, 60, true,
     'Merchants manage their Pix keys, refunds and payouts in the Sabiá dashboard. You will build it end to end, from the API to the React front end.',
     array['3+ years of full-stack development with TypeScript.', 'React and Node.js in production.', 'Good SQL and Postgres knowledge.', 'Living in Brazil.'],
     array['Build dashboard features for merchants.', 'Design APIs together with backend engineers.', 'Improve the onboarding flow for new merchants.']),
    ('seed', 'QS-FS-03', 'quillstack', 'Senior Full-Stack Engineer', 'Remote (worldwide)', null, 'remote', 'full_time', null, null, null, null,
     '{TypeScript,React,Postgres,JS}', '{Next.js,"developer tools"}', 52.5, null, true,
     'The Editor team builds the web editor where technical writers and engineers write and review docs together. We hire anywhere and pay the same bands wherever you live.',
     array['6+ years of full-stack development.', 'Deep TypeScript and React experience.', 'Postgres on the backend.', 'Excellent written communication.'],
     array['Build collaborative editing features.', 'Improve editor performance for very large documents.', 'Work with our developer-experience team on Markdown extensions.']),
    ('lever', null, 'verdant', 'Frontend Developer, Accessibility', 'Toronto, ON, Canada', 'CA', 'remote', 'full_time', 95000, 115000, 'CAD', 'year',
     '{JavaScript,React,WCAG,TypeScript}', '{"screen readers",Playwright}', 21.6, 60, true,
     'Trial participants include older adults and people with disabilities, so our patient app must work for everyone. You will lead accessibility work on the web and help the whole team build it in from the start.',
     array['Strong JavaScript and React.', 'Practical experience with WCAG 2.2 AA and testing with screen readers.', 'TypeScript.', 'Based in Canada.'],
     array['Audit and fix accessibility issues in the patient app.', 'Build accessible components for our design system.', 'Teach the team accessible patterns.']),

    -- Mobile
    ('greenhouse', '8812511', 'hopscotch', 'iOS Engineer', 'London, United Kingdom', 'GB', 'hybrid', 'full_time', 70000, 85000, 'GBP', 'year',
     '{Swift,SwiftUI,"Core Data"}', '{"audio processing",XCTest}', 32.2, 60, true,
     'Most of our learners use Hopscotch on iPhone, in five-minute breaks. You will work on lesson playback, speech exercises and offline mode.',
     array['3+ years building iOS apps in Swift.', 'SwiftUI and Core Data.', 'Experience with audio on iOS is a plus.'],
     array['Build new lesson types.', 'Improve offline mode and sync.', 'Keep the app fast and crash-free.']),
    ('lever', null, 'mares', 'Android Engineer', 'Lisbon, Portugal', 'PT', 'hybrid', 'full_time', 45000, 58000, 'EUR', 'year',
     '{Kotlin,"Jetpack Compose",Android}', '{Bluetooth,"Google Maps SDK"}', 23.3, 60, true,
     'Riders unlock our bikes with the Marés app, usually in a hurry and sometimes in the rain. You will work on unlocking over Bluetooth, maps and payments for 200,000 monthly riders.',
     array['3+ years of Android development in Kotlin.', 'Jetpack Compose.', 'Experience with Bluetooth Low Energy is a big plus.', 'Lisbon-based or willing to relocate.'],
     array['Build features in the rider app.', 'Make Bluetooth unlocking faster and more reliable.', 'Improve app start-up time.']),
    ('workable', '1C44F8E0A2', 'tidewater', 'Mobile Game Developer (Unity)', 'Stockholm, Sweden', 'SE', 'onsite', 'full_time', 50000, 62000, 'SEK', 'month',
     '{Unity,"C#"}', '{"mobile performance",Firebase}', 39.4, 45, true,
     'We are a 35-person studio making puzzle games. You will join a small game team building our next title from prototype to launch.',
     array['2+ years developing games in Unity and C#.', 'At least one shipped mobile game.', 'Interest in puzzle design.'],
     array['Build gameplay features and tools for designers.', 'Optimise performance on low-end Android devices.', 'Take part in playtests every week.']),
    ('ashby', null, 'orbital', 'React Native Engineer', 'Berlin, Germany', 'DE', 'remote', 'full_time', 65000, 80000, 'EUR', 'year',
     '{"React Native",TypeScript,JavaScript}', '{Expo,Detox}', 14.1, 60, true,
     'Our riders and pickers use an internal React Native app to pack and deliver orders. Every second saved per order matters across 50,000 orders a day.',
     array['3+ years of React Native.', 'TypeScript.', 'Experience shipping to both app stores.'],
     array['Build features for pickers and riders.', 'Improve reliability on low-end Android devices.', 'Work on-site in a warehouse once a quarter.']),
    ('greenhouse', '6102877', 'cobalt', 'Senior iOS Engineer', 'New York, NY, United States', 'US', 'hybrid', 'full_time', 180000, 210000, 'USD', 'year',
     '{Swift,UIKit,SwiftUI}', '{"banking apps",Combine}', 49.6, 60, true,
     'Small-business owners run their finances from our iOS app. You will work on payments, cards and cash-flow insights, with the polish a bank app needs.',
     array['6+ years of iOS development.', 'Swift, UIKit and SwiftUI.', 'Experience with secure storage and authentication on iOS.'],
     array['Lead iOS work on payments features.', 'Improve architecture and test coverage.', 'Mentor iOS engineers.']),

    -- QA and testing
    ('greenhouse', '4473019', 'kelpie', 'QA Automation Engineer', 'Berlin, Germany', 'DE', 'hybrid', 'full_time', 55000, 68000, 'EUR', 'year',
     '{Playwright,TypeScript,"API testing"}', '{Postman,"contract testing"}', 15.0, 60, true,
     'Our merchant dashboard and APIs move real money, so tests are not optional. You will build end-to-end and API test suites that developers actually run.',
     array['3+ years in test automation.', 'Playwright or Cypress with TypeScript.', 'Experience testing REST APIs.'],
     array['Build and maintain end-to-end tests for the dashboard.', 'Introduce contract tests between services.', 'Help teams make tests fast and reliable.']),
    ('seed', 'MRS-2307', 'meridian', 'Test Engineer, Rail Safety Software', 'Munich, Germany', 'DE', 'onsite', 'full_time', null, null, null, null,
     '{Python,"test automation","EN 50128"}', '{German,"safety cases"}', 53.3, 40, false,
     'Software that schedules trains must be verified to the EN 50128 standard. You will design and automate tests for our safety-relevant components and produce the evidence our assessors review.',
     array['Experience testing safety-critical software, ideally in rail.', 'Python for test automation.', 'Knowledge of EN 50128 or similar standards.', 'Fluent German.'],
     array['Design test plans for safety-relevant features.', 'Automate verification tests.', 'Prepare evidence for external assessors.']),
    ('lever', null, 'jabuti', 'QA Analyst', 'São Paulo, Brazil', 'BR', 'hybrid', 'full_time', 9000, 12000, 'BRL', 'month',
     '{Cypress,JavaScript,SQL}', '{"mobile testing",Jira}', 11.1, 60, true,
     'Black Friday is our World Cup. You will help make sure checkout, shipping and payments keep working for 12,000 stores when traffic is ten times normal.',
     array['2+ years in QA.', 'Test automation with Cypress and JavaScript.', 'SQL for checking data.'],
     array['Write and maintain automated tests.', 'Plan regression testing before big campaigns.', 'Work with developers on bug triage.']),
    ('workable', '5E0B33D7C8', 'mares', 'QA Tester (temporary, 3 months)', 'Lisbon, Portugal', 'PT', 'onsite', 'temporary', 700, 850, 'EUR', 'week',
     '{"manual testing","mobile testing"}', '{Android,iOS}', 6.9, 21, true,
     'We are launching cargo bikes in Valencia and need hands-on help testing the rider app and the bikes'' lock firmware together, on the street and in the workshop.',
     array['Experience with manual testing of mobile apps.', 'Comfortable riding a bike in city traffic.', 'Available full-time for three months in Lisbon.'],
     array['Test app and lock firmware releases on real bikes.', 'Write clear bug reports with steps and videos.', 'Help the team build a regression checklist.']),

    -- Security
    ('greenhouse', '1023377', 'bastion', 'Application Security Engineer', 'Remote (Europe)', null, 'remote', 'full_time', 85000, 105000, 'EUR', 'year',
     '{"threat modeling",OWASP,Go,Python}', '{Semgrep,"cloud security"}', 19.0, 60, true,
     'Our clients are SaaS companies that want security built in rather than bolted on. You will run application security reviews, write custom static-analysis rules and help engineering teams fix what we find.',
     array['3+ years in application security or as a developer with a security focus.', 'Hands-on experience with threat modelling and the OWASP Top 10.', 'Able to read and write Go and Python.', 'Remote within Europe.'],
     array['Run security reviews and threat models with client teams.', 'Write static-analysis rules for common vulnerabilities.', 'Teach secure-coding workshops.']),
    ('lever', null, 'glarus', 'Cloud Security Engineer', 'Zürich, Switzerland', 'CH', 'hybrid', 'full_time', 125000, 150000, 'CHF', 'year',
     '{AWS,IAM,Terraform,SIEM}', '{"FINMA",Kubernetes}', 34.4, 60, true,
     'Custody is a security business. You will own the security of our AWS environment: identity, network boundaries, detection and the evidence our regulator asks for.',
     array['Experience securing AWS environments, especially IAM.', 'Infrastructure as code with Terraform.', 'Experience with a SIEM and detection engineering.', 'Swiss work permit or EU citizenship.'],
     array['Design and enforce IAM and network guardrails.', 'Build detections and respond to alerts.', 'Prepare evidence for audits.']),
    ('greenhouse', '6103004', 'cobalt', 'Detection & Response Engineer', 'New York, NY, United States', 'US', 'onsite', 'full_time', 160000, 190000, 'USD', 'year',
     '{Splunk,Python,"incident response"}', '{AWS,"threat intelligence"}', 1.6, 60, true,
     'Banks are targets. Our Detection & Response team writes the detections, hunts threats and leads the response when something goes wrong.',
     array['3+ years in detection engineering or incident response.', 'Splunk and Python.', 'Experience with cloud logs, ideally AWS.'],
     array['Write and tune detections.', 'Lead incident response.', 'Run threat hunts and tabletop exercises.']),
    ('seed', 'KI-SEC-22', 'kestrel', 'Penetration Tester (Contract)', 'London, United Kingdom', 'GB', 'hybrid', 'contract', 550, 650, 'GBP', 'day',
     '{"penetration testing","web application security",Burp}', '{CREST,"cloud security"}', 10.7, 30, true,
     'A three-month contract to test our new customer portal and the APIs behind it before launch, and to help the team fix what you find.',
     array['Proven experience testing web applications and APIs.', 'Burp Suite and manual testing skills.', 'CREST or OSCP certification preferred.'],
     array['Test the customer portal and APIs.', 'Write clear findings with reproduction steps.', 'Retest fixes with the engineering team.']),

    -- Product, design, leadership and others
    ('greenhouse', '3340098', 'fieldnote', 'Senior Product Manager', 'Amsterdam, Netherlands', 'NL', 'hybrid', 'full_time', 80000, 95000, 'EUR', 'year',
     '{"B2B SaaS","product discovery",SQL}', '{"research tools","AI features"}', 20.9, 60, true,
     'Researchers use Fieldnote to find the insight hiding in 200 interview recordings. You will own search and AI-assisted tagging, our most-used and most-requested area.',
     array['5+ years of product management in B2B SaaS.', 'Strong discovery practice: you talk to customers every week.', 'Comfortable with SQL to answer your own questions.'],
     array['Own the roadmap for search and tagging.', 'Run discovery with research teams at our customers.', 'Work with design and engineering from idea to launch.']),
    ('lever', null, 'mares', 'Product Manager, Fleet Operations', 'Lisbon, Portugal', 'PT', 'hybrid', 'full_time', 50000, 62000, 'EUR', 'year',
     '{"product management",SQL,"operations"}', '{"logistics","mobile apps"}', 27.0, 60, true,
     'Our field teams swap batteries and repair 9,000 bikes. You will own the tools they use, and the routing that decides which bike gets visited next.',
     array['3+ years in product management.', 'Experience with operational or logistics products.', 'SQL for analysis.'],
     array['Own the roadmap for fleet operations tools.', 'Spend time in the field with mechanics and swappers.', 'Measure and improve fleet availability.']),
    ('greenhouse', '5590110', 'gleam', 'Product Designer', 'Paris, France', 'FR', 'remote', 'full_time', 55000, 70000, 'EUR', 'year',
     '{Figma,"design systems",prototyping}', '{"motion design","user research"}', 18.2, 60, true,
     'Designers are our users, so the bar is high. You will design new animation features in the Gleam editor and keep the design system coherent as the product grows.',
     array['4+ years of product design for complex tools.', 'Excellent Figma and prototyping skills.', 'Experience contributing to a design system.'],
     array['Design new editor features end to end.', 'Run usability tests with our users.', 'Maintain the design system with frontend engineers.']),
    ('seed', 'FN-UXR-02', 'fieldnote', 'UX Researcher (part-time, 24 hours/week)', 'Amsterdam, Netherlands', 'NL', 'hybrid', 'part_time', 32000, 38000, 'EUR', 'year',
     '{"user research","interviewing","usability testing"}', '{"mixed methods"}', 9.0, 45, true,
     'A part-time role for a researcher who wants to shape a product for researchers. Salary shown is for 24 hours a week.',
     array['3+ years of UX research.', 'Experience with qualitative and usability research.', 'Able to work in Amsterdam two days a week.'],
     array['Plan and run research studies.', 'Share findings with the product team.', 'Build a research panel of customers.']),
    ('ashby', null, 'verdant', 'Senior Product Designer', 'Toronto, ON, Canada', 'CA', 'hybrid', 'full_time', 110000, 130000, 'CAD', 'year',
     '{Figma,"accessibility","user research"}', '{"healthcare","design systems"}', 37.5, 60, true,
     'You will design the experience of trial participants, from consent to daily symptom diaries, with accessibility and clarity as hard requirements.',
     array['6+ years of product design.', 'Experience designing accessible products.', 'Comfortable running your own research.'],
     array['Lead design for the patient app.', 'Run research with participants and clinicians.', 'Work with engineering on the design system.']),
    ('greenhouse', '7102451', 'helio', 'Engineering Manager, Platform', 'Copenhagen, Denmark', 'DK', 'hybrid', 'full_time', 850000, 1000000, 'DKK', 'year',
     '{"people management",Kubernetes,AWS}', '{"hiring","incident management"}', 16.1, 60, true,
     'Lead a team of six platform and data-infrastructure engineers who keep Helio''s product running and its engineers productive.',
     array['2+ years managing engineers.', 'A background in platform or infrastructure engineering.', 'Experience with Kubernetes and AWS.'],
     array['Grow and support the team.', 'Set the platform roadmap with product engineering.', 'Hire two more engineers this year.']),
    ('greenhouse', '3390455', 'sprucegrid', 'Developer Advocate', 'Berlin, Germany', 'DE', 'remote', 'full_time', null, null, null, null,
     '{"technical writing","public speaking",Kubernetes}', '{OpenTelemetry,Go}', 41.3, 60, true,
     'Help developers get more out of open-source Sprucegrid: write tutorials, give talks and bring what you hear back to the product team.',
     array['Experience as a developer or SRE, ideally with observability tools.', 'Clear technical writing.', 'Enjoy speaking at meetups and conferences.'],
     array['Write tutorials and example projects.', 'Speak at events across Europe.', 'Represent the community in product planning.']),
    ('seed', 'QS-TW-11', 'quillstack', 'Technical Writer (freelance)', 'Remote (worldwide)', null, 'remote', 'freelance', 60, 80, 'USD', 'hour',
     '{"technical writing",Markdown,"API documentation"}', '{OpenAPI,Git}', 29.0, null, true,
     'We are looking for freelance technical writers to help our customers write clear API references and tutorials. Flexible hours, around 10 to 20 hours a week.',
     array['A portfolio of developer documentation.', 'Comfortable with Markdown and Git.', 'Able to read code examples in at least one language.'],
     array['Write and edit API references and guides.', 'Work with customer engineering teams.']),
    ('lever', null, 'tidewater', 'Product Manager, Live Ops', 'Stockholm, Sweden', 'SE', 'onsite', 'full_time', 55000, 68000, 'SEK', 'month',
     '{"live operations",SQL,"A/B testing"}', '{"mobile games"}', 56.7, 30, true,
     'Plan the events, offers and seasons that keep our players coming back, and measure what works.',
     array['3+ years in product or live operations for mobile games.', 'SQL and experimentation.'],
     array['Own the live-ops calendar.', 'Design and analyse in-game events.', 'Work with designers and data scientists.']),
    ('workable', '9A1E6B0F27', 'sundial', 'Software Engineering Intern', 'Dublin, Ireland', 'IE', 'hybrid', 'internship', 2500, 2800, 'EUR', 'month',
     '{Python,JavaScript}', '{Django,Vue.js}', 3.8, 60, true,
     'A six-month paid internship in one of our product teams, with a dedicated mentor and real features to ship.',
     array['Studying computer science or a related degree.', 'Some experience with Python or JavaScript.', 'Available from January for six months.'],
     array['Ship features with your team.', 'Write tests and documentation.', 'Present your work at the end of the internship.']),
    ('ashby', null, 'tessellate', 'Embedded Software Engineer', 'Zürich, Switzerland', 'CH', 'onsite', 'full_time', null, null, null, null,
     '{"C++",RTOS,"embedded Linux"}', '{CAN,"motor control"}', 46.2, 60, true,
     'Write the firmware that moves our robot arms safely and precisely, from motor control loops to the safety supervisor.',
     array['Several years of embedded C++ development.', 'Experience with an RTOS or embedded Linux.', 'Comfortable with oscilloscopes and logic analysers.'],
     array['Develop and test motor-control firmware.', 'Work with hardware engineers on new boards.', 'Improve our hardware-in-the-loop test rig.']),
    ('greenhouse', '2288090', 'brightwell', 'Backend Engineer, Appointments (Kotlin)', 'Manchester, United Kingdom', 'GB', 'hybrid', 'full_time', 60000, 75000, 'GBP', 'year',
     '{Kotlin,PostgreSQL,AWS}', '{Kafka,"FHIR"}', 0.4, 60, true,
     'We are opening an engineering hub in Manchester. The Appointments team owns booking, reminders and the integrations with GP practice systems.',
     array['3+ years of backend development with Kotlin or Java.', 'PostgreSQL and AWS.', 'Interest in healthcare interoperability (FHIR).'],
     array['Build booking and reminder services.', 'Integrate with GP practice systems.', 'Help shape the new Manchester hub.']),
    ('lever', null, 'kalev', 'Database Reliability Engineer (PostgreSQL)', 'Helsinki, Finland', 'FI', 'hybrid', 'full_time', 5500, 7000, 'EUR', 'month',
     '{PostgreSQL,Linux,Patroni}', '{Go,pgBackRest,Kubernetes}', 2.0, 60, true,
     'Our managed Postgres service runs 12,000 databases for customers. You will keep them fast, backed up and upgraded, and build the automation that lets four people run it.',
     array['Deep PostgreSQL operations experience: replication, backups, upgrades and tuning.', 'Linux systems skills.', 'Experience with Patroni or another HA tool.'],
     array['Operate and automate the managed Postgres fleet.', 'Run major-version upgrades without customer downtime.', 'Help customers with performance problems.'])
)
insert into public.jobs (
  owner_id, source, external_id, source_url, title, company, company_url, location, country_code, remote_type, employment_type,
  description, requirements, responsibilities, salary_min, salary_max, salary_currency, salary_period,
  required_skills, preferred_skills, posted_at, expires_at, is_active, created_at, updated_at
)
select
  null,
  p.source,
  coalesce(p.ext, md5(p.source || ':' || p.co || ':' || p.title)::uuid::text),
  case p.source
    when 'greenhouse' then 'https://boards.greenhouse.io/' || replace(p.co, '-', '') || '/jobs/' || p.ext
    when 'lever' then 'https://jobs.lever.co/' || p.co || '/' || md5(p.source || ':' || p.co || ':' || p.title)::uuid
    when 'workable' then 'https://apply.workable.com/' || p.co || '/j/' || p.ext
    when 'ashby' then 'https://jobs.ashbyhq.com/' || p.co || '/' || md5(p.source || ':' || p.co || ':' || p.title)::uuid
    else c.url || '/careers/' || lower(p.ext)
  end,
  p.title, c.name, c.url, p.location, p.cc, p.remote::public.remote_type, p.emp::public.employment_type,
  p.about || E'\n\nAbout ' || c.name || E'\n\n' || c.blurb,
  '- ' || array_to_string(p.reqs, E'\n- '),
  '- ' || array_to_string(p.resps, E'\n- '),
  p.smin, p.smax, p.cur, p.period::public.salary_period,
  p.req::text[], p.pref::text[],
  pg_temp.ago(p.days),
  pg_temp.ago(p.days) + p.expires * interval '1 day',
  p.active,
  pg_temp.ago(p.days), pg_temp.ago(p.days)
from postings p
join companies c on c.key = p.co;

-- Section: private postings (owner_id set: one pasted from a URL, one typed in by hand)
insert into public.jobs (
  id, owner_id, source, external_id, source_url, title, company, company_url, location, country_code, remote_type, employment_type,
  description, requirements, responsibilities, salary_min, salary_max, salary_currency, salary_period,
  required_skills, preferred_skills, posted_at, expires_at, is_active, created_at, updated_at
)
values
  ('11111111-0001-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', 'url', null,
   'https://careers.skargard-systems.example/jobs/senior-platform-engineer',
   'Senior Platform Engineer', 'Skärgård Systems AB', 'https://skargard-systems.example', 'Stockholm, Sweden', 'SE', 'hybrid', 'full_time',
   'Skärgård Systems builds booking and ticketing software for ferry and archipelago boat operators around the Baltic. '
     || 'Our platform team of four is replacing a Nomad setup with Kubernetes this spring and wants a senior engineer to lead the migration and the observability work that comes with it.',
   E'- Several years running container platforms in production, ideally Kubernetes.\n- Go or Python for tooling.\n- PostgreSQL operations: replication, backups and upgrades.\n- Experience setting up metrics, logs and tracing with OpenTelemetry or similar.',
   E'- Lead the migration from Nomad to Kubernetes.\n- Own the observability stack and on-call tooling.\n- Coach product teams on deploying and operating their services.',
   62000, 75000, 'SEK', 'month',
   '{Kubernetes,Go,PostgreSQL,OpenTelemetry}', '{GitOps,Terraform,Nomad}',
   pg_temp.ago(6.5), pg_temp.ago(6.5) + interval '30 days', true, pg_temp.ago(2.8), pg_temp.ago(2.8)),
  ('22222222-0001-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222', 'manual', null, null,
   'Senior Data Engineer', 'Riverside Energy', null, 'London, United Kingdom', 'GB', 'hybrid', 'full_time',
   'Copied from the recruiter''s email (Priya, Harbour Talent): Riverside Energy is an independent energy supplier with 400,000 customers. '
     || 'The data team is rebuilding its trading and metering data platform on Snowflake and needs a senior engineer to own ingestion and modelling. Hybrid, two days a week in Southwark.',
   E'- Strong Python and SQL.\n- dbt and Airflow in production.\n- Snowflake experience.\n- Energy or trading data is a bonus, not a must.',
   E'- Own ingestion of half-hourly smart-meter and trading data.\n- Build the dbt models the pricing and forecasting teams use.\n- Improve data quality and monitoring.',
   85000, 95000, 'GBP', 'year',
   '{Python,dbt,Snowflake,Airflow}', '{Azure,"energy trading"}',
   pg_temp.ago(4), null, true, pg_temp.ago(1.9), pg_temp.ago(1.9));

-- Section: document helpers (session-local)
-- A tailored CV as a JSON Resume document, built from the user's own profile and projects so that
-- every employer, date and number in it is grounded, the way the deterministic engine builds it.
create function pg_temp.cv_document(user_id uuid, label text, summary text, country_code text, skills jsonb, project_names text[])
returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'basics', jsonb_strip_nulls(jsonb_build_object(
      'name', p.full_name,
      'label', cv_document.label,
      'email', p.email,
      'phone', p.phone,
      'url', p.website_url,
      'summary', cv_document.summary,
      'location', jsonb_build_object('city', split_part(p.location, ',', 1), 'countryCode', cv_document.country_code),
      'profiles', jsonb_build_array(
        jsonb_build_object('network', 'LinkedIn', 'url', p.linkedin_url),
        jsonb_build_object('network', 'GitHub', 'url', p.github_url)
      )
    )),
    'work', p.work_experience,
    'projects', coalesce((
      select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
          'name', pr.name,
          'description', pr.description,
          'highlights', to_jsonb(pr.achievements),
          'keywords', to_jsonb(pr.technologies),
          'roles', jsonb_build_array(pr.role),
          'startDate', to_char(pr.start_date, 'YYYY-MM'),
          'endDate', to_char(pr.end_date, 'YYYY-MM'),
          'url', coalesce(pr.url, pr.repository_url)
        )) order by array_position(cv_document.project_names, pr.name))
      from public.projects pr
      where pr.user_id = cv_document.user_id and pr.name = any (cv_document.project_names)
    ), '[]'),
    'skills', cv_document.skills,
    'education', p.education
  )
  from public.profiles p
  where p.id = cv_document.user_id
$$;

-- The Markdown the "Classic" system template produces for a JSON Resume document.
create function pg_temp.render_markdown(cv jsonb)
returns text
language plpgsql
stable
as $$
declare
  basics jsonb := cv -> 'basics';
  md text;
  entry jsonb;
begin
  md := '# ' || (basics ->> 'name') || E'\n\n'
    || coalesce('**' || (basics ->> 'label') || E'**\n\n', '')
    || (basics ->> 'email')
    || coalesce(' · ' || (basics ->> 'phone'), '')
    || coalesce(' · ' || (basics -> 'location' ->> 'city'), '')
    || coalesce(' · ' || (basics ->> 'url'), '')
    || coalesce((select string_agg(' · [' || (pf ->> 'network') || '](' || (pf ->> 'url') || ')', '' order by n)
                 from jsonb_array_elements(basics -> 'profiles') with ordinality as x(pf, n)), '')
    || E'\n\n'
    || coalesce(E'## Summary\n\n' || (basics ->> 'summary') || E'\n\n', '')
    || '## Experience';
  for entry in select value from jsonb_array_elements(cv -> 'work') loop
    md := md || E'\n\n### ' || (entry ->> 'position') || ' · ' || (entry ->> 'name') || E'\n\n'
      || (entry ->> 'startDate') || ' – ' || coalesce(entry ->> 'endDate', 'present') || coalesce(' · ' || (entry ->> 'location'), '')
      || coalesce(E'\n\n' || (entry ->> 'summary'), '')
      || coalesce(E'\n\n' || (select string_agg('- ' || hl, E'\n' order by n)
                              from jsonb_array_elements_text(entry -> 'highlights') with ordinality as x(hl, n)), '');
  end loop;
  md := md || E'\n\n## Projects';
  for entry in select value from jsonb_array_elements(cv -> 'projects') loop
    md := md || E'\n\n### ' || (entry ->> 'name') || coalesce(' (' || (entry ->> 'url') || ')', '')
      || coalesce(E'\n\n' || (entry ->> 'description'), '')
      || coalesce(E'\n\n' || (select string_agg('- ' || hl, E'\n' order by n)
                              from jsonb_array_elements_text(entry -> 'highlights') with ordinality as x(hl, n)), '');
  end loop;
  md := md || E'\n\n## Skills\n\n'
    || (select string_agg('- **' || (sk ->> 'name') || ':**'
                          || (select string_agg(' `' || kw || '`', '' order by m) from jsonb_array_elements_text(sk -> 'keywords') with ordinality as y(kw, m)),
                          E'\n' order by n)
        from jsonb_array_elements(cv -> 'skills') with ordinality as x(sk, n))
    || E'\n\n## Education';
  for entry in select value from jsonb_array_elements(cv -> 'education') loop
    md := md || E'\n\n### ' || concat_ws(' ', entry ->> 'studyType', entry ->> 'area') || ' · ' || (entry ->> 'institution') || E'\n\n'
      || (entry ->> 'startDate') || ' – ' || coalesce(entry ->> 'endDate', 'present') || coalesce(' · ' || (entry ->> 'score'), '');
  end loop;
  return md || E'\n';
end;
$$;

-- Section: tailored CVs and cover letters
-- One insert per document: the version trigger numbers each (user, job) series 1, 2, 3...
-- Match scores weigh required skills 70% and preferred skills 30%. Skills are compared after alias
-- normalisation (the posting's "Postgres" matches the profile's "PostgreSQL", "ArgoCD" matches
-- "Argo CD") and reported by their canonical names in public.skills ("Apache Kafka"); a skill the
-- dictionary does not know is reported as written.

-- Maya -> Kelpie Payments, Senior Backend Engineer: v1 from the engine, v2 after her own edits.
insert into public.generated_cvs (id, user_id, job_id, template_id, content, rendered_markdown, match_score, matched_skills, missing_required_skills, missing_preferred_skills, generator, created_at)
select '11111111-0004-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111',
  pg_temp.posting('Kelpie Payments', 'Senior Backend Engineer, Payments Ledger'), '5eed0000-0000-4000-8000-000000000001',
  d.doc, pg_temp.render_markdown(d.doc), 73, '{Go,PostgreSQL,Apache Kafka,Kubernetes,Terraform}', '{gRPC}', '{event sourcing}', 'deterministic', pg_temp.ago(25.1)
from (select pg_temp.cv_document('11111111-1111-4111-8111-111111111111',
  'Senior Backend Engineer · Payments and event-driven systems',
  'Backend engineer with more than ten years of experience building payment and event-driven systems in Go and PostgreSQL. Built a card-terminal gateway handling 3,000 transactions a minute at peak and an outbox-based Kafka pipeline that processes 1.2 million events a day with idempotent consumers.',
  'SE',
  '[{"name": "Matches this role", "keywords": ["Go", "PostgreSQL", "Kafka", "Kubernetes", "Terraform"]},
    {"name": "Infrastructure", "keywords": ["AWS", "Redis", "Docker", "Prometheus", "Grafana", "Argo CD", "Linux", "CI/CD"]},
    {"name": "Languages", "keywords": ["Python", "Java"]},
    {"name": "Practices", "keywords": ["Event-driven architecture", "Distributed systems", "On-call & incident response"]}]',
  '{Trip-pricing read path,pgshift}') as doc) d;

insert into public.generated_cvs (id, user_id, job_id, template_id, content, rendered_markdown, match_score, matched_skills, missing_required_skills, missing_preferred_skills, generator, created_at)
select '11111111-0004-4000-8000-000000000002', '11111111-1111-4111-8111-111111111111',
  pg_temp.posting('Kelpie Payments', 'Senior Backend Engineer, Payments Ledger'), '5eed0000-0000-4000-8000-000000000001',
  d.doc, pg_temp.render_markdown(d.doc), 73, '{Go,PostgreSQL,Apache Kafka,Kubernetes,Terraform}', '{gRPC}', '{event sourcing}', 'manual', pg_temp.ago(24.3)
from (select pg_temp.cv_document('11111111-1111-4111-8111-111111111111',
  'Senior Backend Engineer · Payments, ledgers and Kafka',
  'Backend engineer who has made money movement and bookings reliable since 2017: a Go card-terminal gateway at 3,000 transactions a minute with 99.98% availability, and a Kafka outbox pipeline for 1.2 million events a day with zero lost bookings since launch. Equally at home in PostgreSQL internals and on call.',
  'SE',
  '[{"name": "Matches this role", "keywords": ["Go", "PostgreSQL", "Kafka", "Kubernetes", "Terraform"]},
    {"name": "Infrastructure", "keywords": ["AWS", "Redis", "Docker", "Prometheus", "Grafana", "Linux", "CI/CD"]},
    {"name": "Practices", "keywords": ["Event-driven architecture", "Distributed systems", "On-call & incident response"]}]',
  '{pgshift,Trip-pricing read path}') as doc) d;

-- Maya -> Sprucegrid, Platform Engineer.
insert into public.generated_cvs (id, user_id, job_id, template_id, content, rendered_markdown, match_score, matched_skills, missing_required_skills, missing_preferred_skills, generator, created_at)
select '11111111-0004-4000-8000-000000000003', '11111111-1111-4111-8111-111111111111',
  pg_temp.posting('Sprucegrid', 'Platform Engineer, Kubernetes'), '5eed0000-0000-4000-8000-000000000001',
  d.doc, pg_temp.render_markdown(d.doc), 80, '{Kubernetes,Go,Terraform,Prometheus,Argo CD}', '{}', '{eBPF,ClickHouse}', 'deterministic', pg_temp.ago(41.6)
from (select pg_temp.cv_document('11111111-1111-4111-8111-111111111111',
  'Platform Engineer · Kubernetes, Terraform, Go',
  'Platform engineer who led the migration of 38 services to Kubernetes (EKS) with Terraform, taking deploys from twice a week to more than 25 a day. Builds the tooling other engineers rely on, including pgshift, an open-source PostgreSQL migration runner in Go with 1,100 GitHub stars.',
  'SE',
  '[{"name": "Matches this role", "keywords": ["Kubernetes", "Go", "Terraform", "Prometheus", "Argo CD"]},
    {"name": "Infrastructure", "keywords": ["AWS", "Docker", "Grafana", "Linux", "CI/CD"]},
    {"name": "Data", "keywords": ["PostgreSQL", "Kafka", "Redis"]},
    {"name": "Languages", "keywords": ["Python", "Java"]}]',
  '{Home-lab GitOps cluster,Kubernetes cost dashboard,pgshift}') as doc) d;

-- Daniel -> Hopscotch Learning, Senior Data Engineer.
insert into public.generated_cvs (id, user_id, job_id, template_id, content, rendered_markdown, match_score, matched_skills, missing_required_skills, missing_preferred_skills, generator, created_at)
select '22222222-0004-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222',
  pg_temp.posting('Hopscotch Learning', 'Senior Data Engineer'), '5eed0000-0000-4000-8000-000000000001',
  d.doc, pg_temp.render_markdown(d.doc), 78, '{Python,SQL,Apache Airflow,dbt,BigQuery,Apache Kafka,Terraform}', '{Dataflow}', '{data contracts}', 'deterministic', pg_temp.ago(20.2)
from (select pg_temp.cv_document('22222222-2222-4222-8222-222222222222',
  'Senior Data Engineer · Airflow, dbt, BigQuery, Kafka',
  'Data engineer who rebuilt Parcelbridge''s warehouse load as incremental dbt models on BigQuery (5 hours down to 35 minutes, 62% cheaper) and built a Kafka-to-BigQuery stream for 40 million events a day with under 2 minutes of latency. Adds the data-quality checks that keep dashboards trustworthy.',
  'GB',
  '[{"name": "Matches this role", "keywords": ["Python", "SQL", "Airflow", "dbt", "BigQuery", "Kafka", "Terraform"]},
    {"name": "Data platforms", "keywords": ["Snowflake", "Spark", "Postgres", "Great Expectations", "Looker"]},
    {"name": "Cloud", "keywords": ["GCP", "AWS", "Docker"]},
    {"name": "Practices", "keywords": ["Data modelling"]}]',
  '{Parcel tracking stream,tfl-pulse,dbt-coverage-check}') as doc) d;

-- Daniel -> Ledgerly, Data Engineer.
insert into public.generated_cvs (id, user_id, job_id, template_id, content, rendered_markdown, match_score, matched_skills, missing_required_skills, missing_preferred_skills, generator, created_at)
select '22222222-0004-4000-8000-000000000002', '22222222-2222-4222-8222-222222222222',
  pg_temp.posting('Ledgerly', 'Data Engineer'), '5eed0000-0000-4000-8000-000000000001',
  d.doc, pg_temp.render_markdown(d.doc), 80, '{Python,dbt,Snowflake,Apache Airflow,Looker}', '{}', '{Fivetran,reverse ETL}', 'deterministic', pg_temp.ago(4.9)
from (select pg_temp.cv_document('22222222-2222-4222-8222-222222222222',
  'Data Engineer · dbt, Snowflake, Airflow',
  'Data engineer who keeps dbt projects tidy, tested and fast: rebuilt a warehouse load as incremental dbt models (5 hours down to 35 minutes) and maintains dbt-coverage-check, an open-source coverage gate used by more than 200 dbt projects.',
  'GB',
  '[{"name": "Matches this role", "keywords": ["Python", "dbt", "Snowflake", "Airflow", "Looker"]},
    {"name": "Data platforms", "keywords": ["SQL", "BigQuery", "Postgres", "Kafka", "Spark", "Great Expectations"]},
    {"name": "Cloud", "keywords": ["GCP", "AWS", "Terraform", "Docker"]},
    {"name": "Practices", "keywords": ["Data modelling"]}]',
  '{dbt-coverage-check,tfl-pulse,Claims-fraud feature store}') as doc) d;

insert into public.cover_letters (id, user_id, job_id, tone, max_words, body, generator, created_at)
values
  ('11111111-0005-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111',
   pg_temp.posting('Kelpie Payments', 'Senior Backend Engineer, Payments Ledger'), 'warm', 300, $letter$Dear Kelpie Payments team,

I'm excited to apply for the Senior Backend Engineer role on the Payments Ledger team. Moving money correctly is the kind of problem I enjoy most. At Berliner Kassenwerk I built the Go gateway between card terminals and acquirers, handling 3,000 transactions a minute at peak with 99.98% monthly availability. At Voltera Mobility I designed an outbox-based event pipeline on Kafka that processes 1.2 million events a day with idempotent consumers and has not lost a booking since launch.

Your posting asks for Go, Postgres and Kafka, which are the core of my work at Voltera today. I also care about running what I build: I led the migration of 38 services to Kubernetes with Terraform, and the on-call runbooks I wrote brought our mean time to recovery from three hours to 40 minutes. I haven't used gRPC in production yet, and I'd be glad to learn it with your team.

I lived and worked in Berlin for more than three years and would be happy to work from your office there a few days a week.

Thank you for your time. I'd love to talk about how I can help the ledger team grow without losing a cent.

Warm regards,
Maya Lindqvist$letter$, 'deterministic', pg_temp.ago(24.2));

insert into public.cover_letters (id, user_id, job_id, tone, max_words, body, generator, created_at)
values
  ('11111111-0005-4000-8000-000000000002', '11111111-1111-4111-8111-111111111111',
   pg_temp.posting('Sprucegrid', 'Platform Engineer, Kubernetes'), 'concise', 200, $letter$Hello Sprucegrid team,

I'd like to join Sprucegrid as a Platform Engineer. At Voltera Mobility I run Kubernetes, Terraform and Prometheus in production: I led the migration of 38 services to EKS, which took deploys from twice a week to more than 25 a day, and built a per-team cost dashboard from Prometheus metrics that saves about EUR 9,000 a month. In my spare time I maintain pgshift, an open-source PostgreSQL migration runner in Go with 1,100 stars, so I know what it means to build tools other engineers depend on.

I'm based in Stockholm and used to working with teams across Europe, and I'd bring the same care to the platform behind your agent fleet.

Best regards,
Maya Lindqvist$letter$, 'deterministic', pg_temp.ago(41.5));

insert into public.cover_letters (id, user_id, job_id, tone, max_words, body, generator, created_at)
values
  ('22222222-0005-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222',
   pg_temp.posting('Hopscotch Learning', 'Senior Data Engineer'), 'formal', 350, $letter$Dear Hiring Manager,

I am writing to apply for the Senior Data Engineer position in the Data Platform team at Hopscotch Learning. Your plan to move learner events from daily batches to near-real-time is very close to the work I have led at Parcelbridge over the past few years.

At Parcelbridge I built a Kafka-to-BigQuery streaming pipeline that handles 40 million tracking events a day with under two minutes of end-to-end latency. I also rebuilt the nightly warehouse load as incremental dbt models on BigQuery, cutting the runtime from five hours to 35 minutes and the cost by 62%. To keep that data trustworthy, I added Great Expectations checks to our Airflow pipelines, which now stop around 15 bad upstream loads a month before they reach a dashboard.

I have not yet used Dataflow in production, but my streaming work has given me a solid grounding in the same ideas, and I would expect to become productive with it quickly. Outside work I maintain tfl-pulse, an Airflow and dbt pipeline that ingests 2.5 million arrival predictions a day, and dbt-coverage-check, a small open-source tool used by more than 200 dbt projects.

I would welcome the opportunity to discuss how I could contribute to the Data Platform team.

Yours faithfully,
Daniel Okafor$letter$, 'deterministic', pg_temp.ago(19.6));

-- Section: applications
-- Written as transition_application() would have left them: applied_at is when the application
-- entered applied; follow_up_at is proposed on applying (profile.follow_up_days later), replaced by
-- record_follow_up(), kept while interviewing or offered and cleared when the application closes.
-- The superuser may insert a status other than draft (backfilled history); users cannot.
with apps (id, user_id, job_id, status, cv_id, cover_letter_id, created, applied, follow_up_at, updated, external_application_id, notes) as (
  values
    -- Maya (follow_up_days = 7)
    ('11111111-0003-4000-8000-000000000001'::uuid, '11111111-1111-4111-8111-111111111111'::uuid, '11111111-0001-4000-8000-000000000001'::uuid,
     'draft', null::uuid, null::uuid, 2.8, null::numeric, null::timestamptz, 2.7, null,
     'Referred by Erik (ex-Voltera). Ask about on-call pay and whether the platform team also owns Postgres.'),
    ('11111111-0003-4000-8000-000000000002', '11111111-1111-4111-8111-111111111111', pg_temp.posting('Fjordlight Energy', 'Site Reliability Engineer'),
     'applied', null, null, 8.2, 6.1, pg_temp.ago(6.1) + interval '7 days', 6.1, null,
     'Stockholm, so no move needed. Salary band in SEK per month: 60-72k, roughly EUR 63-75k a year, below my floor; negotiate or treat as a backup.'),
    ('11111111-0003-4000-8000-000000000003', '11111111-1111-4111-8111-111111111111', pg_temp.posting('Kelpie Payments', 'Senior Backend Engineer, Payments Ledger'),
     'interviewing', '11111111-0004-4000-8000-000000000002', '11111111-0005-4000-8000-000000000001', 25.3, 24.0, null, 4.6, 'gh-app-55810273',
     'Top choice. The ledger team is the one I want; Berlin hybrid works, and they cover relocation.'),
    ('11111111-0003-4000-8000-000000000004', '11111111-1111-4111-8111-111111111111', pg_temp.posting('Sprucegrid', 'Platform Engineer, Kubernetes'),
     'offered', '11111111-0004-4000-8000-000000000003', '11111111-0005-4000-8000-000000000002', 42.0, 41.2, pg_temp.local_time(5, '09:00', 'Europe/Stockholm'), 8.0, 'gh-app-55102946',
     'Offer on the table: EUR 98k base, options, remote within the EU. Decide after the Kelpie on-site.'),
    ('11111111-0003-4000-8000-000000000005', '11111111-1111-4111-8111-111111111111', pg_temp.posting('Glarus Ledger AG', 'Senior Software Engineer, Custody Platform (Kotlin)'),
     'rejected', null, null, 52.2, 51.0, null, 30.1, null,
     'Zürich salary is great but the role is JVM-first.'),
    ('11111111-0003-4000-8000-000000000006', '11111111-1111-4111-8111-111111111111', pg_temp.posting('Quillstack', 'Senior Backend Engineer (Rust)'),
     'withdrawn', null, null, 37.0, 35.5, null, 29.8, null, null),

    -- Daniel (follow_up_days = 5)
    ('22222222-0003-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222', '22222222-0001-4000-8000-000000000001',
     'draft', null, null, 1.9, null, null, 1.8, null,
     'Recruiter: Priya at Harbour Talent. Hybrid, two days in Southwark. Ask about on-call and the Snowflake migration timeline.'),
    ('22222222-0003-4000-8000-000000000002', '22222222-2222-4222-8222-222222222222', pg_temp.posting('Ledgerly', 'Data Engineer'),
     'applied', '22222222-0004-4000-8000-000000000002', null, 5.0, 4.2, pg_temp.ago(4.2) + interval '5 days', 4.2, null,
     'Fully remote in the UK, monthly London meet-ups. Band tops out at GBP 78k; ask whether senior scope is possible.'),
    ('22222222-0003-4000-8000-000000000003', '22222222-2222-4222-8222-222222222222', pg_temp.posting('Hopscotch Learning', 'Senior Data Engineer'),
     'interviewing', '22222222-0004-4000-8000-000000000001', '22222222-0005-4000-8000-000000000001', 20.4, 19.5, null, 1.85, 'gh-app-88120339',
     'Best fit so far: streaming plus dbt, and the mission is good.'),
    ('22222222-0003-4000-8000-000000000004', '22222222-2222-4222-8222-222222222222', pg_temp.posting('Sundial HR', 'Data Platform Engineer'),
     'declined', null, null, 38.5, 37.8, null, 6.3, null,
     'Posting says relocation to Dublin; recruiter hinted UK-remote might be possible.'),
    ('22222222-0003-4000-8000-000000000005', '22222222-2222-4222-8222-222222222222', pg_temp.posting('Kestrel Insure', 'Lead Data Engineer'),
     'rejected', null, null, 40.5, 40.1, null, 27.4, null, null),
    ('22222222-0003-4000-8000-000000000006', '22222222-2222-4222-8222-222222222222', pg_temp.posting('Quartzline Data', 'Data Engineer (Contract, Outside IR35)'),
     'withdrawn', null, null, 30.3, 29.9, null, 18.2, null,
     'Contract route as a fallback while permanent processes run.')
)
insert into public.applications (id, user_id, job_id, status, cv_id, cover_letter_id, applied_at, follow_up_at, notes, external_application_id, application_url, created_at, updated_at)
select a.id, a.user_id, a.job_id, a.status::public.application_status, a.cv_id, a.cover_letter_id,
  pg_temp.ago(a.applied), a.follow_up_at, a.notes, a.external_application_id, j.source_url,
  pg_temp.ago(a.created), pg_temp.ago(a.updated)
from apps a
join public.jobs j on j.id = a.job_id;

-- Section: application timelines
-- What transition_application, schedule_interview, add_application_note and record_follow_up
-- write. Interviews are recorded when they are booked (occurred_at) for a time that may still
-- be ahead (details.scheduled_at).
with events (application_id, kind, from_status, to_status, days, note, details) as (
  values
    -- Maya: Skärgård Systems (private posting), draft
    ('11111111-0003-4000-8000-000000000001'::uuid, 'note', null, null, 2.7,
     'Erik says the platform team is four people and they are replacing Nomad with Kubernetes this spring. Tailor the CV towards the migration.', '{}'::jsonb),

    -- Maya: Fjordlight, applied
    ('11111111-0003-4000-8000-000000000002', 'status_change', 'draft', 'applied', 6.1, 'Applied on Lever with my standard CV.', '{}'),

    -- Maya: Kelpie Payments, interviewing
    ('11111111-0003-4000-8000-000000000003', 'status_change', 'draft', 'applied', 24.0, 'Sent CV v2 and the cover letter through Greenhouse.', '{}'),
    ('11111111-0003-4000-8000-000000000003', 'follow_up', null, null, 17.0,
     'Pinged Sofia (recruiter) on LinkedIn; the hiring manager is reviewing this week.', '{}'),
    ('11111111-0003-4000-8000-000000000003', 'status_change', 'applied', 'interviewing', 14.2, 'Sofia invited me to a recruiter call.', '{}'),
    ('11111111-0003-4000-8000-000000000003', 'interview', null, null, 14.15, null,
     pg_temp.interview(-12, '10:00', 'Europe/Berlin', 'phone', 'Phone', 'Sofia Marchetti (Talent Partner)', 30)),
    ('11111111-0003-4000-8000-000000000003', 'interview', null, null, 9.5, 'Technical interview: system design of a payout ledger.',
     pg_temp.interview(-7, '15:00', 'Europe/Berlin', 'video', 'https://meet.kelpie-payments.example/ledger-tech', 'Jonas Becker (Engineering Manager) and Aylin Demir (Staff Engineer)', 90)),
    ('11111111-0003-4000-8000-000000000003', 'note', null, null, 4.8,
     'Tech interview went well: they liked the outbox design and asked a lot about reconciliation. Next is the on-site loop.', '{}'),
    ('11111111-0003-4000-8000-000000000003', 'interview', null, null, 4.7, 'Kelpie covers travel; flight from Arlanda the evening before.',
     pg_temp.interview(3, '10:00', 'Europe/Berlin', 'onsite', 'Kelpie Payments, Torstraße 140, 10119 Berlin', 'Ledger team: four interviews and lunch', 240)),
    ('11111111-0003-4000-8000-000000000003', 'note', null, null, 4.6,
     'Prep list: double-entry invariants, idempotency keys, Kafka consumer rebalancing, gRPC basics.', '{}'),

    -- Maya: Sprucegrid, offered
    ('11111111-0003-4000-8000-000000000004', 'status_change', 'draft', 'applied', 41.2, null, '{}'),
    ('11111111-0003-4000-8000-000000000004', 'follow_up', null, null, 34.2,
     'Short follow-up email to the hiring manager with a link to pgshift.', '{}'),
    ('11111111-0003-4000-8000-000000000004', 'status_change', 'applied', 'interviewing', 33.1, 'Recruiter screen booked.', '{}'),
    ('11111111-0003-4000-8000-000000000004', 'interview', null, null, 33.05, null,
     pg_temp.interview(-31, '13:30', 'Europe/Berlin', 'phone', 'Phone', 'Lukas Brandt (Recruiter)', 30)),
    ('11111111-0003-4000-8000-000000000004', 'interview', null, null, 28.5, 'Take-home: a Kubernetes operator that rotates a secret, four-hour time box.',
     pg_temp.interview(-26, '17:00', 'Europe/Berlin', 'take_home', 'Private GitHub repository shared by Sprucegrid', 'Platform team', 240)),
    ('11111111-0003-4000-8000-000000000004', 'interview', null, null, 23.5, 'Final loop: take-home review, incident scenario, values.',
     pg_temp.interview(-21, '14:00', 'Europe/Berlin', 'video', 'https://meet.sprucegrid.example/final-loop', 'Nadia Okonkwo (VP Engineering) and two platform engineers', 180)),
    ('11111111-0003-4000-8000-000000000004', 'status_change', 'interviewing', 'offered', 9.1,
     'Offer: EUR 98,000 base, 0.08% options, fully remote within the EU, 30 days of holiday.', '{}'),
    ('11111111-0003-4000-8000-000000000004', 'follow_up', null, null, 8.0,
     'Asked Lukas for a one-week extension to finish the Kelpie process; agreed.',
     jsonb_build_object('next_follow_up_at', pg_temp.local_time(5, '09:00', 'Europe/Stockholm'))),

    -- Maya: Glarus Ledger, rejected after interviews
    ('11111111-0003-4000-8000-000000000005', 'status_change', 'draft', 'applied', 51.0, null, '{}'),
    ('11111111-0003-4000-8000-000000000005', 'status_change', 'applied', 'interviewing', 40.3, null, '{}'),
    ('11111111-0003-4000-8000-000000000005', 'interview', null, null, 40.25, null,
     pg_temp.interview(-38, '09:30', 'Europe/Zurich', 'phone', 'Phone', 'Lena Fischer (Talent Acquisition)', 30)),
    ('11111111-0003-4000-8000-000000000005', 'interview', null, null, 35.5, 'Kotlin pairing exercise and an architecture discussion.',
     pg_temp.interview(-33, '14:00', 'Europe/Zurich', 'video', 'https://teams.glarus-ledger.example/custody-interview', 'Thomas Widmer (Head of Custody Engineering)', 60)),
    ('11111111-0003-4000-8000-000000000005', 'status_change', 'interviewing', 'rejected', 30.2,
     'Feedback: strong system design, but they want several years of production Kotlin.', '{}'),
    ('11111111-0003-4000-8000-000000000005', 'note', null, null, 30.1,
     'Lesson: ask about language expectations in the first call before investing in a JVM-first process.', '{}'),

    -- Maya: Quillstack, withdrawn
    ('11111111-0003-4000-8000-000000000006', 'status_change', 'draft', 'applied', 35.5, null, '{}'),
    ('11111111-0003-4000-8000-000000000006', 'note', null, null, 30.0,
     'Read their engineering handbook: the team is all Rust, and on-call covers APAC hours from Europe.', '{}'),
    ('11111111-0003-4000-8000-000000000006', 'status_change', 'applied', 'withdrawn', 29.8,
     'Withdrew: a Rust-only role; focusing on Go and platform roles.', '{}'),

    -- Daniel: Riverside Energy (private posting), draft
    ('22222222-0003-4000-8000-000000000001', 'note', null, null, 1.8,
     'Priya says the process is two stages and the salary ceiling is GBP 95k.', '{}'),

    -- Daniel: Ledgerly, applied
    ('22222222-0003-4000-8000-000000000002', 'status_change', 'draft', 'applied', 4.2, 'Applied on Workable with the tailored CV.', '{}'),

    -- Daniel: Hopscotch, interviewing
    ('22222222-0003-4000-8000-000000000003', 'status_change', 'draft', 'applied', 19.5, null, '{}'),
    ('22222222-0003-4000-8000-000000000003', 'follow_up', null, null, 14.4,
     'Chased on LinkedIn; the recruiter replied that feedback is due this week.', '{}'),
    ('22222222-0003-4000-8000-000000000003', 'status_change', 'applied', 'interviewing', 11.2, null, '{}'),
    ('22222222-0003-4000-8000-000000000003', 'interview', null, null, 11.15, null,
     pg_temp.interview(-9, '11:00', 'Europe/London', 'phone', 'Phone', 'Hannah Reid (Talent Partner)', 30)),
    ('22222222-0003-4000-8000-000000000003', 'interview', null, null, 6.8, 'Model lesson-completion events in dbt and sketch a streaming design.',
     pg_temp.interview(-4, '18:00', 'Europe/London', 'take_home', 'Brief sent by email', 'Data Platform team', 180)),
    ('22222222-0003-4000-8000-000000000003', 'interview', null, null, 1.85, 'Final round: take-home review and system design.',
     pg_temp.interview(3, '14:00', 'Europe/London', 'video', 'https://meet.hopscotch-learning.example/final-round', 'Marcus Lee (Head of Data) and Aisha Khan (Staff Data Engineer)', 120)),
    ('22222222-0003-4000-8000-000000000003', 'note', null, null, 1.9,
     'Take-home feedback was positive. Brush up on Beam/Dataflow windowing before the final round.', '{}'),

    -- Daniel: Sundial HR, offer declined
    ('22222222-0003-4000-8000-000000000004', 'status_change', 'draft', 'applied', 37.8, null, '{}'),
    ('22222222-0003-4000-8000-000000000004', 'status_change', 'applied', 'interviewing', 30.2, null, '{}'),
    ('22222222-0003-4000-8000-000000000004', 'interview', null, null, 30.15, null,
     pg_temp.interview(-28, '12:00', 'Europe/Dublin', 'phone', 'Phone', 'Ciara Byrne (Recruiter)', 30)),
    ('22222222-0003-4000-8000-000000000004', 'interview', null, null, 25.5, 'System design: a GDPR-safe analytics pipeline for payroll data.',
     pg_temp.interview(-23, '15:00', 'Europe/Dublin', 'video', 'https://meet.sundialhr.example/data-platform', 'Eoin Walsh (Data Platform Lead)', 75)),
    ('22222222-0003-4000-8000-000000000004', 'status_change', 'interviewing', 'offered', 12.1,
     'Offer: EUR 88,000 + 10% bonus and a relocation package; hybrid three days a week in Dublin.', '{}'),
    ('22222222-0003-4000-8000-000000000004', 'status_change', 'offered', 'declined', 6.3,
     'Declined: the role requires moving to Dublin within six months, and I am staying in London.', '{}'),

    -- Daniel: Kestrel Insure, rejected without interview
    ('22222222-0003-4000-8000-000000000005', 'status_change', 'draft', 'applied', 40.1, null, '{}'),
    ('22222222-0003-4000-8000-000000000005', 'status_change', 'applied', 'rejected', 27.4,
     'Automated email: moving forward with candidates with more Databricks and team-lead experience.', '{}'),

    -- Daniel: Quartzline, withdrawn while interviewing
    ('22222222-0003-4000-8000-000000000006', 'status_change', 'draft', 'applied', 29.9, null, '{}'),
    ('22222222-0003-4000-8000-000000000006', 'status_change', 'applied', 'interviewing', 26.0, null, '{}'),
    ('22222222-0003-4000-8000-000000000006', 'interview', null, null, 25.95, null,
     pg_temp.interview(-24, '16:00', 'Europe/London', 'video', 'https://meet.quartzline.example/intro', 'Quartzline account manager and the client''s data lead', 45)),
    ('22222222-0003-4000-8000-000000000006', 'status_change', 'interviewing', 'withdrawn', 18.2,
     'Withdrew: the client now says the contract is inside IR35, and Hopscotch is moving forward.', '{}')
)
insert into public.application_events (application_id, user_id, kind, from_status, to_status, note, details, occurred_at, created_at)
select e.application_id, a.user_id, e.kind::public.application_event_kind, e.from_status::public.application_status,
  e.to_status::public.application_status, e.note, e.details, pg_temp.ago(e.days), pg_temp.ago(e.days)
from events e
join public.applications a on a.id = e.application_id;

-- Section: per-user marks on postings (favorites, hidden, private notes)
with marks (user_id, job_id, is_favorite, is_hidden, notes, days) as (
  values
    ('11111111-1111-4111-8111-111111111111'::uuid, pg_temp.posting('Kelpie Payments', 'Senior Backend Engineer, Payments Ledger'), true, false,
     'Dream team for payments work. On-site loop coming up.', 26.0),
    ('11111111-1111-4111-8111-111111111111', pg_temp.posting('Kelpie Payments', 'Staff Platform Engineer'), true, false,
     'Multi-region Postgres is exactly my thing. Apply once the Ledger process is settled so the two don''t compete.', 6.8),
    ('11111111-1111-4111-8111-111111111111', pg_temp.posting('Helio Climate', 'Cloud Infrastructure Engineer'), true, false,
     'Copenhagen is an hour''s flight from Stockholm. Ask whether remote from Sweden works.', 4.9),
    ('11111111-1111-4111-8111-111111111111', pg_temp.posting('Kalev Cloud', 'Database Reliability Engineer (PostgreSQL)'), true, false, null, 1.5),
    ('11111111-1111-4111-8111-111111111111', pg_temp.posting('Cobalt Harbor Bank', 'Staff Backend Engineer, Core Banking'), false, true,
     'US only and no visa sponsorship mentioned.', 30.2),
    ('11111111-1111-4111-8111-111111111111', pg_temp.posting('Orbital Grocer', 'Senior Frontend Engineer (React)'), false, true, null, 9.9),
    ('11111111-1111-4111-8111-111111111111', pg_temp.posting('Fjordlight Energy', 'Backend Engineer (Go), Grid APIs'), false, false,
     'Same company as the SRE role I applied for; mention both if they call.', 18.0),

    ('22222222-2222-4222-8222-222222222222', pg_temp.posting('Hopscotch Learning', 'Senior Data Engineer'), true, false,
     'Top choice: mission plus streaming work.', 21.8),
    ('22222222-2222-4222-8222-222222222222', pg_temp.posting('Hopscotch Learning Ltd.', 'Senior Data Engineer'), false, true,
     'Duplicate of the Greenhouse posting.', 20.8),
    ('22222222-2222-4222-8222-222222222222', pg_temp.posting('Ledgerly', 'Data Engineer'), true, false, null, 8.0),
    ('22222222-2222-4222-8222-222222222222', pg_temp.posting('Canal Street Analytics', 'Analytics Engineer'), true, false,
     'Amsterdam would mean relocating; only worth it if remote from the UK is negotiable.', 16.5),
    ('22222222-2222-4222-8222-222222222222', pg_temp.posting('Oakham Retail Group', 'Data Engineer'), false, true,
     'Mostly Power BI reporting, not the engineering role I want.', 44.0),
    ('22222222-2222-4222-8222-222222222222', pg_temp.posting('Jabuti Commerce', 'Data Engineer'), false, true, null, 25.0),
    ('22222222-2222-4222-8222-222222222222', pg_temp.posting('Helio Climate', 'Data Engineer, Emissions Data'), false, false,
     'Remote only within Denmark, Sweden or Germany. Keep an eye out for a UK opening.', 12.0)
)
insert into public.user_job_preferences (user_id, job_id, is_favorite, is_hidden, notes, created_at, updated_at)
select m.user_id, m.job_id, m.is_favorite, m.is_hidden, m.notes, pg_temp.ago(m.days), pg_temp.ago(m.days)
from marks m;

-- Section: calendar feeds
-- Known demo tokens (64 hex characters like real ones), so a calendar app can subscribe locally:
--   {functions URL}/calendar?token=1111111111111111111111111111111111111111111111111111111111111111   (Maya)
--   {functions URL}/calendar?token=2222222222222222222222222222222222222222222222222222222222222222   (Daniel)
-- Only their SHA-256 is stored, as rotate_calendar_token() does; rotating issues a random one.
insert into public.calendar_feeds (user_id, token_hash, created_at, rotated_at)
values
  ('11111111-1111-4111-8111-111111111111', encode(extensions.digest(repeat('1', 64), 'sha256'), 'hex'), pg_temp.ago(40), pg_temp.ago(40)),
  ('22222222-2222-4222-8222-222222222222', encode(extensions.digest(repeat('2', 64), 'sha256'), 'hex'), pg_temp.ago(19), pg_temp.ago(19));

-- Section: self-check
-- The seed fails loudly rather than leave an inconsistent demo behind.
do $$
declare
  problem text;
begin
  -- Every timeline walks the state machine from draft to the application's current status.
  select string_agg(format('application %s: %s', a.id, a.why), '; ') into problem
  from (
    select app.id,
      case
        when bad.from_status is not null then format('illegal or broken step %s -> %s', bad.from_status, bad.to_status)
        when coalesce(last.to_status, 'draft') <> app.status then format('timeline ends at %s but status is %s', coalesce(last.to_status, 'draft'), app.status)
        when app.applied_at is distinct from applied.occurred_at then 'applied_at does not match the draft -> applied event'
        when app.status in ('draft', 'accepted', 'declined', 'rejected', 'withdrawn') and app.follow_up_at is not null then 'closed or draft application with a follow-up date'
        when first.occurred_at < app.created_at then 'event before the application was created'
        when j.posted_at > app.created_at then 'application created before the posting was published'
        when app.updated_at < coalesce(last_any.occurred_at, app.created_at) then 'updated_at before the latest event'
      end as why
    from public.applications app
    join public.jobs j on j.id = app.job_id
    left join lateral (
      select e.to_status from public.application_events e
      where e.application_id = app.id and e.kind = 'status_change' order by e.occurred_at desc limit 1
    ) last on true
    left join lateral (
      select e.occurred_at from public.application_events e
      where e.application_id = app.id and e.kind = 'status_change' and e.from_status = 'draft' and e.to_status = 'applied'
    ) applied on true
    left join lateral (
      select min(e.occurred_at) as occurred_at from public.application_events e where e.application_id = app.id
    ) first on true
    left join lateral (
      select max(e.occurred_at) as occurred_at from public.application_events e where e.application_id = app.id
    ) last_any on true
    left join lateral (
      select s.from_status, s.to_status
      from (
        select e.from_status, e.to_status,
          lag(e.to_status, 1, 'draft') over (order by e.occurred_at) as previous
        from public.application_events e
        where e.application_id = app.id and e.kind = 'status_change'
      ) s
      where s.from_status is distinct from s.previous
         or not exists (
           select from public.application_status_transitions t
           where t.from_status = s.from_status and t.to_status = s.to_status
         )
      limit 1
    ) bad on true
  ) a
  where a.why is not null;
  if problem is not null then
    raise exception 'seed timelines are inconsistent: %', problem;
  end if;

  -- An interview is booked before it takes place and takes place before its stage ends.
  select string_agg(format('interview %s of application %s', i.id, i.application_id), '; ') into problem
  from public.application_events i
  where i.kind = 'interview'
    and ((i.details ->> 'scheduled_at')::timestamptz <= i.occurred_at
      or exists (
        select from public.application_events s
        where s.application_id = i.application_id and s.kind = 'status_change'
          and s.occurred_at > i.occurred_at and s.occurred_at < (i.details ->> 'scheduled_at')::timestamptz
      )
      or extract(isodow from ((i.details ->> 'scheduled_at')::timestamptz at time zone (i.details ->> 'time_zone'))) > 5);
  if problem is not null then
    raise exception 'seed interviews out of order or on a weekend: %', problem;
  end if;

  -- Attached documents are for the application's own posting.
  select string_agg(app.id::text, ', ') into problem
  from public.applications app
  left join public.generated_cvs cv on cv.id = app.cv_id
  left join public.cover_letters cl on cl.id = app.cover_letter_id
  where cv.job_id <> app.job_id or cl.job_id <> app.job_id;
  if problem is not null then
    raise exception 'seed applications with a CV or letter for another posting: %', problem;
  end if;
end;
$$;

-- Section: cleanup
drop function pg_temp.render_markdown(jsonb);
drop function pg_temp.cv_document(uuid, text, text, text, jsonb, text[]);
drop function pg_temp.posting(text, text);
drop function pg_temp.interview(integer, time, text, text, text, text, integer);
drop function pg_temp.local_time(integer, time, text);
drop function pg_temp.ago(numeric);

commit;
