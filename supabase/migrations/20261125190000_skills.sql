-- Skill normalisation in one place: canonical skills, their aliases, and the SQL functions that map
-- what people and postings write ("JS", "postgres", "k8s") to one canonical name. Matching, import
-- and CV tailoring all go through here; the TypeScript side (_shared/skills.ts) loads the same
-- dictionary and keys it with the same rule as private.skill_key().

-- Section: functions used by constraints
-- The key rule, identical to skillKey() in supabase/functions/_shared/skills.ts:
--   raw.trim().toLowerCase().replace(/\s+/g, " ")
-- JavaScript's trim() and \s mean the ECMAScript white space and line terminators, listed here
-- explicitly (POSIX [[:space:]] depends on the server's locale); toLowerCase() is Unicode's default
-- case mapping, which ICU's root locale implements (glibc's C.UTF-8 does not: "İ", final "Σ").
-- One definition of the white-space rule, over an array so bulk callers (the jobs trigger) pay one
-- call per posting, not one per skill.
create or replace function private.collapse_whitespace(vals text[])
returns text[]
language sql
immutable
strict
parallel safe
set search_path = ''
as $$
  select pg_catalog.array_agg(
    pg_catalog.regexp_replace(
      pg_catalog.regexp_replace(item.value,
        '^[\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$',
        '', 'g'),
      '[\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', ' ', 'g')
    order by item.position)
  from pg_catalog.unnest(collapse_whitespace.vals) with ordinality as item (value, position)
$$;
comment on function private.collapse_whitespace(text[]) is 'JavaScript''s s.trim().replace(/\s+/g, " ") on each element: trims and collapses ECMAScript white space and line terminators. Nulls stay null.';

create or replace function private.skill_key(value text)
returns text
language sql
immutable
strict
parallel safe
set search_path = ''
as $$
  select pg_catalog.lower((private.collapse_whitespace(array[skill_key.value]))[1] collate "und-x-icu") collate "default"
$$;
comment on function private.skill_key(text) is 'Dictionary key of a skill spelling: trimmed, lower-cased (Unicode default mapping), inner whitespace collapsed. Identical to skillKey() in _shared/skills.ts.';

-- CHECK constraints and triggers call these as the writing role.
grant execute on function private.collapse_whitespace(text[]), private.skill_key(text) to authenticated, service_role;

-- Section: tables
create table public.skills (
  name text primary key check (array[name] = private.collapse_whitespace(array[name]) and pg_catalog.length(name) between 1 and 100),
  category text not null check (category in (
    'language', 'frontend', 'backend', 'mobile', 'database', 'cloud', 'devops', 'data', 'ml', 'testing',
    'security', 'practice', 'tool', 'design', 'soft'
  )),
  created_at timestamptz not null default pg_catalog.now()
);
comment on table public.skills is 'Canonical skills: the one spelling shown everywhere (PostgreSQL, Kubernetes, JavaScript). Written by the service role only.';
comment on column public.skills.name is 'Canonical display name; its key (private.skill_key) is unique too, so "postgresql" cannot name two skills.';
comment on column public.skills.category is 'Coarse grouping for display: language, frontend, backend, mobile, database, cloud, devops, data, ml, testing, security, practice, tool, design, soft.';

create table public.skill_aliases (
  alias text primary key check (alias = private.skill_key(alias) and pg_catalog.length(alias) between 1 and 100),
  skill_name text not null references public.skills (name) on update cascade on delete cascade,
  created_at timestamptz not null default pg_catalog.now()
);
comment on table public.skill_aliases is 'Alias key -> canonical skill ("k8s" -> Kubernetes). Every canonical name is also its own alias, so one lookup resolves any spelling. Written by the service role only.';
comment on column public.skill_aliases.alias is 'A spelling as a key: trimmed, lower-cased, inner whitespace collapsed (private.skill_key), e.g. "node.js", "c#", "amazon web services".';

-- Section: functions
-- Invoker functions: the dictionary is readable by every signed-in role, so they resolve alike for
-- users, the service role and the triggers those write through.
-- Keys below are lower(collapsed spelling) inline: that is private.skill_key() without a second
-- call per element (canonical names are stored collapsed, so the same holds for them).
create or replace function public.normalize_skill(raw text)
returns text
language sql
stable
strict
parallel safe
set search_path = ''
as $$
  select coalesce(
    (select a.skill_name from public.skill_aliases a where a.alias = pg_catalog.lower(item.collapsed collate "und-x-icu") collate "default"),
    item.collapsed
  )
  from (select (private.collapse_whitespace(array[normalize_skill.raw]))[1] as collapsed) as item
$$;
comment on function public.normalize_skill(text) is 'The canonical name of a skill ("postgres" -> "PostgreSQL", "k8s" -> "Kubernetes"), or the input trimmed with whitespace collapsed when the dictionary does not know it. Same result as canonicalSkill() in _shared/skills.ts.';

-- The one resolver behind normalize_skills() and the posting trigger: one dictionary query per list
-- (plpgsql, because a set-based SQL body costs several times more per call on short lists).
create or replace function private.resolve_skills(raws text[], out names text[], out keys text[])
language plpgsql
stable
strict
parallel safe
set search_path = ''
as $$
declare
  collapsed text[] := private.collapse_whitespace(resolve_skills.raws);
  raw_keys text[] := '{}'::text[];
  known_aliases text[];
  known_names text[];
  found_names text[] := '{}'::text[];
  found_keys text[] := '{}'::text[];
  item text;
  name text;
  key text;
begin
  if pg_catalog.cardinality(resolve_skills.raws) = 0 then
    names := '{}';
    keys := '{}';
    return;
  end if;
  foreach item in array collapsed loop
    raw_keys := raw_keys || pg_catalog.lower(item collate "und-x-icu");
  end loop;
  select pg_catalog.array_agg(a.alias), pg_catalog.array_agg(a.skill_name)
    into known_aliases, known_names
  from public.skill_aliases a
  where a.alias = any (raw_keys);
  for i in 1 .. coalesce(pg_catalog.cardinality(collapsed), 0) loop
    continue when collapsed[i] is null or collapsed[i] = '';
    name := coalesce(known_names[pg_catalog.array_position(known_aliases, raw_keys[i])], collapsed[i]);
    key := pg_catalog.lower(name collate "und-x-icu");
    -- De-duplicated by key, first spelling kept: "postgres" and "PostgreSQL" are one skill.
    continue when pg_catalog.array_position(found_keys, key) is not null;
    found_names := found_names || name;
    found_keys := found_keys || key;
  end loop;
  names := found_names;
  keys := found_keys;
end;
$$;
comment on function private.resolve_skills(text[]) is 'Canonical names and their keys for a list of skills, in first-seen order, de-duplicated by key, blanks and nulls dropped: the shared core of normalize_skills() and private.skill_keys().';

create or replace function public.normalize_skills(raws text[])
returns text[]
language sql
stable
strict
parallel safe
set search_path = ''
as $$
  select (private.resolve_skills(normalize_skills.raws)).names
$$;
comment on function public.normalize_skills(text[]) is 'Canonical names of a list of skills, in first-seen order, de-duplicated case-insensitively (first spelling kept), blanks and nulls dropped. Same result as canonicalSkills() in _shared/skills.ts.';

create or replace function private.skill_keys(raws text[])
returns text[]
language sql
stable
strict
parallel safe
set search_path = ''
as $$
  select (private.resolve_skills(skill_keys.raws)).keys
$$;
comment on function private.skill_keys(text[]) is 'Keys of the canonical names of a list of skills ("Postgres", "postgresql" -> {postgresql}): what matching compares.';

-- Every canonical name resolves to itself, so lookups need only the alias table.
create or replace function private.trigger_register_canonical_alias()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  existing text;
begin
  select a.skill_name into existing from public.skill_aliases a where a.alias = private.skill_key(new.name);
  if existing is null then
    insert into public.skill_aliases (alias, skill_name) values (private.skill_key(new.name), new.name);
  elsif existing <> new.name then
    raise exception 'skill % collides with the alias "%" of %', new.name, private.skill_key(new.name), existing
      using errcode = '23505', hint = 'Rename the skill or delete the alias first.';
  end if;
  return new;
end;
$$;
comment on function private.trigger_register_canonical_alias() is 'Adds a canonical skill''s own key to skill_aliases; rejects (23505) a name whose key is already another skill''s alias.';

grant execute on function private.resolve_skills(text[]), private.skill_keys(text[]) to authenticated, service_role;
grant execute on function public.normalize_skill(text), public.normalize_skills(text[])
  to authenticated, service_role;

-- Section: indexes
-- Two canonical names may not share a key; this also serves lookups by key.
create unique index skills_key_idx on public.skills (private.skill_key(name));
create index skill_aliases_skill_name_idx on public.skill_aliases (skill_name);

-- Section: grants
-- Readable by signed-in users (the dictionary is public knowledge); written by the service role.
revoke all on table public.skills, public.skill_aliases from anon, authenticated;
grant select on table public.skills, public.skill_aliases to authenticated;

-- Section: row-level security
alter table public.skills enable row level security;
alter table public.skill_aliases enable row level security;

create policy "Signed-in users can read the skill dictionary"
  on public.skills for select
  to authenticated
  using (true);

create policy "Signed-in users can read skill aliases"
  on public.skill_aliases for select
  to authenticated
  using (true);

-- Section: triggers
create trigger skills_register_canonical_alias
  after insert or update of name on public.skills
  for each row execute function private.trigger_register_canonical_alias();

-- Section: dictionary
insert into public.skills (name, category) values
  -- languages
  ('JavaScript', 'language'), ('TypeScript', 'language'), ('Python', 'language'), ('Java', 'language'),
  ('Kotlin', 'language'), ('Go', 'language'), ('Rust', 'language'), ('C', 'language'), ('C++', 'language'),
  ('C#', 'language'), ('Ruby', 'language'), ('PHP', 'language'), ('Swift', 'language'),
  ('Objective-C', 'language'), ('Scala', 'language'), ('Elixir', 'language'), ('Erlang', 'language'),
  ('Haskell', 'language'), ('Clojure', 'language'), ('R', 'language'), ('Julia', 'language'),
  ('Dart', 'language'), ('Lua', 'language'), ('Perl', 'language'), ('Bash', 'language'),
  ('PowerShell', 'language'), ('SQL', 'language'), ('Solidity', 'language'), ('MATLAB', 'language'),
  ('F#', 'language'), ('Groovy', 'language'), ('COBOL', 'language'), ('Assembly', 'language'),
  ('HTML', 'language'), ('CSS', 'language'), ('Sass', 'language'), ('GraphQL', 'language'),
  ('WebAssembly', 'language'),
  -- frontend
  ('React', 'frontend'), ('Next.js', 'frontend'), ('Vue.js', 'frontend'), ('Nuxt', 'frontend'),
  ('Angular', 'frontend'), ('AngularJS', 'frontend'), ('Svelte', 'frontend'), ('SvelteKit', 'frontend'),
  ('Redux', 'frontend'), ('Tailwind CSS', 'frontend'), ('Bootstrap', 'frontend'), ('jQuery', 'frontend'),
  ('Webpack', 'frontend'), ('Vite', 'frontend'), ('Storybook', 'frontend'), ('Three.js', 'frontend'),
  ('D3.js', 'frontend'), ('Web Accessibility', 'frontend'),
  -- backend
  ('Node.js', 'backend'), ('Express', 'backend'), ('NestJS', 'backend'), ('Deno', 'backend'), ('Bun', 'backend'),
  ('Django', 'backend'), ('Django REST Framework', 'backend'), ('Flask', 'backend'), ('FastAPI', 'backend'),
  ('Ruby on Rails', 'backend'), ('Spring Boot', 'backend'), ('Spring', 'backend'), ('Laravel', 'backend'),
  ('Symfony', 'backend'), ('.NET', 'backend'), ('gRPC', 'backend'), ('REST APIs', 'backend'),
  ('Microservices', 'backend'), ('RabbitMQ', 'backend'), ('WebSockets', 'backend'), ('Prisma', 'backend'),
  ('SQLAlchemy', 'backend'), ('Hibernate', 'backend'), ('Phoenix', 'backend'),
  -- mobile
  ('React Native', 'mobile'), ('Flutter', 'mobile'), ('iOS', 'mobile'), ('Android', 'mobile'),
  ('SwiftUI', 'mobile'), ('Jetpack Compose', 'mobile'), ('Xamarin', 'mobile'),
  -- databases
  ('PostgreSQL', 'database'), ('MySQL', 'database'), ('MariaDB', 'database'), ('SQLite', 'database'),
  ('Microsoft SQL Server', 'database'), ('Oracle Database', 'database'), ('MongoDB', 'database'),
  ('Redis', 'database'), ('Cassandra', 'database'), ('DynamoDB', 'database'), ('Elasticsearch', 'database'),
  ('Neo4j', 'database'), ('Snowflake', 'database'), ('BigQuery', 'database'), ('Amazon Redshift', 'database'),
  ('ClickHouse', 'database'), ('Supabase', 'database'), ('Firebase', 'database'), ('CockroachDB', 'database'),
  -- cloud
  ('AWS', 'cloud'), ('Google Cloud', 'cloud'), ('Microsoft Azure', 'cloud'), ('AWS Lambda', 'cloud'),
  ('Amazon S3', 'cloud'), ('Amazon EC2', 'cloud'), ('Cloudflare', 'cloud'), ('Heroku', 'cloud'),
  ('Vercel', 'cloud'), ('Netlify', 'cloud'), ('DigitalOcean', 'cloud'), ('Serverless', 'cloud'),
  -- devops
  ('Docker', 'devops'), ('Docker Compose', 'devops'), ('Kubernetes', 'devops'), ('Helm', 'devops'),
  ('Terraform', 'devops'), ('Pulumi', 'devops'), ('Ansible', 'devops'), ('CI/CD', 'devops'),
  ('GitHub Actions', 'devops'), ('GitLab CI', 'devops'), ('Jenkins', 'devops'), ('CircleCI', 'devops'),
  ('Argo CD', 'devops'), ('Prometheus', 'devops'), ('Grafana', 'devops'), ('Datadog', 'devops'),
  ('OpenTelemetry', 'devops'), ('Linux', 'devops'), ('Nginx', 'devops'), ('Git', 'tool'), ('GitHub', 'tool'),
  ('GitLab', 'tool'), ('Istio', 'devops'), ('Site Reliability Engineering', 'devops'), ('DevOps', 'devops'),
  ('Infrastructure as Code', 'devops'),
  -- data
  ('Apache Kafka', 'data'), ('Apache Spark', 'data'), ('Apache Airflow', 'data'), ('dbt', 'data'),
  ('Apache Flink', 'data'), ('Hadoop', 'data'), ('pandas', 'data'), ('NumPy', 'data'), ('ETL', 'data'),
  ('Data Warehousing', 'data'), ('Tableau', 'data'), ('Power BI', 'data'), ('Looker', 'data'), ('Excel', 'tool'),
  ('Data Modeling', 'data'), ('Databricks', 'data'), ('Statistics', 'data'),
  -- machine learning
  ('Machine Learning', 'ml'), ('Deep Learning', 'ml'), ('Artificial Intelligence', 'ml'),
  ('Natural Language Processing', 'ml'), ('Computer Vision', 'ml'), ('Large Language Models', 'ml'),
  ('Generative AI', 'ml'), ('TensorFlow', 'ml'), ('PyTorch', 'ml'), ('scikit-learn', 'ml'), ('Keras', 'ml'),
  ('Hugging Face', 'ml'), ('MLOps', 'ml'), ('LangChain', 'ml'),
  -- testing
  ('Jest', 'testing'), ('Vitest', 'testing'), ('Cypress', 'testing'), ('Playwright', 'testing'),
  ('Selenium', 'testing'), ('pytest', 'testing'), ('JUnit', 'testing'), ('Test-Driven Development', 'testing'),
  ('Unit Testing', 'testing'),
  -- security
  ('OAuth', 'security'), ('OpenID Connect', 'security'), ('Cybersecurity', 'security'),
  ('Penetration Testing', 'security'), ('OWASP', 'security'),
  -- practices and tools
  ('Agile', 'practice'), ('Scrum', 'practice'), ('Kanban', 'practice'), ('Jira', 'tool'), ('Confluence', 'tool'),
  ('Figma', 'design'), ('System Design', 'practice'), ('Object-Oriented Programming', 'practice'),
  ('Functional Programming', 'practice'), ('Domain-Driven Design', 'practice'),
  ('Event-Driven Architecture', 'practice'), ('Distributed Systems', 'practice'), ('Algorithms', 'practice'),
  ('API Design', 'practice'), ('Search Engine Optimization', 'practice'), ('UX Design', 'design'),
  ('UI Design', 'design'), ('Product Management', 'practice'), ('Project Management', 'practice'),
  ('Technical Writing', 'soft'), ('Leadership', 'soft'), ('Mentoring', 'soft'),
  ('Stakeholder Management', 'soft'), ('Communication', 'soft');

-- Alias keys (already in key form: lower-case, single spaces). Canonical names were added by the trigger.
insert into public.skill_aliases (alias, skill_name) values
  ('js', 'JavaScript'), ('java script', 'JavaScript'), ('ecmascript', 'JavaScript'), ('es6', 'JavaScript'),
  ('es2015', 'JavaScript'), ('vanilla js', 'JavaScript'), ('vanillajs', 'JavaScript'),
  ('ts', 'TypeScript'), ('type script', 'TypeScript'),
  ('py', 'Python'), ('python3', 'Python'), ('python 3', 'Python'),
  ('java se', 'Java'), ('core java', 'Java'),
  ('kotlin/jvm', 'Kotlin'),
  ('golang', 'Go'), ('go lang', 'Go'), ('go language', 'Go'),
  ('rust-lang', 'Rust'), ('rustlang', 'Rust'),
  ('c language', 'C'), ('ansi c', 'C'),
  ('cpp', 'C++'), ('c plus plus', 'C++'), ('cplusplus', 'C++'),
  ('csharp', 'C#'), ('c sharp', 'C#'), ('c-sharp', 'C#'),
  ('ruby lang', 'Ruby'),
  ('php7', 'PHP'), ('php 8', 'PHP'), ('php8', 'PHP'),
  ('swift lang', 'Swift'),
  ('objc', 'Objective-C'), ('obj-c', 'Objective-C'), ('objective c', 'Objective-C'),
  ('r language', 'R'), ('rlang', 'R'),
  ('shell', 'Bash'), ('shell scripting', 'Bash'), ('bash scripting', 'Bash'), ('sh', 'Bash'),
  ('pwsh', 'PowerShell'),
  ('structured query language', 'SQL'), ('ansi sql', 'SQL'),
  ('fsharp', 'F#'), ('f sharp', 'F#'),
  ('asm', 'Assembly'), ('assembler', 'Assembly'),
  ('html5', 'HTML'), ('html 5', 'HTML'),
  ('css3', 'CSS'), ('css 3', 'CSS'),
  ('scss', 'Sass'),
  ('gql', 'GraphQL'), ('graph ql', 'GraphQL'),
  ('wasm', 'WebAssembly'), ('web assembly', 'WebAssembly'),
  ('react.js', 'React'), ('reactjs', 'React'), ('react js', 'React'),
  ('nextjs', 'Next.js'), ('next js', 'Next.js'), ('next', 'Next.js'),
  ('vue', 'Vue.js'), ('vuejs', 'Vue.js'), ('vue js', 'Vue.js'), ('vue 3', 'Vue.js'),
  ('nuxt.js', 'Nuxt'), ('nuxtjs', 'Nuxt'),
  ('angular 2+', 'Angular'), ('angular2', 'Angular'),
  ('angular.js', 'AngularJS'), ('angular 1', 'AngularJS'),
  ('sveltejs', 'Svelte'), ('svelte kit', 'SvelteKit'),
  ('redux.js', 'Redux'), ('redux toolkit', 'Redux'), ('rtk', 'Redux'),
  ('tailwind', 'Tailwind CSS'), ('tailwindcss', 'Tailwind CSS'),
  ('vitejs', 'Vite'),
  ('threejs', 'Three.js'),
  ('d3', 'D3.js'), ('d3js', 'D3.js'),
  ('accessibility', 'Web Accessibility'), ('a11y', 'Web Accessibility'), ('wcag', 'Web Accessibility'),
  ('node', 'Node.js'), ('nodejs', 'Node.js'), ('node js', 'Node.js'),
  ('express.js', 'Express'), ('expressjs', 'Express'),
  ('nest.js', 'NestJS'), ('nest js', 'NestJS'),
  ('bun.js', 'Bun'),
  ('drf', 'Django REST Framework'), ('django rest', 'Django REST Framework'),
  ('fast api', 'FastAPI'),
  ('rails', 'Ruby on Rails'), ('ror', 'Ruby on Rails'), ('ruby-on-rails', 'Ruby on Rails'),
  ('springboot', 'Spring Boot'), ('spring-boot', 'Spring Boot'),
  ('spring framework', 'Spring'),
  ('dotnet', '.NET'), ('.net core', '.NET'), ('dotnet core', '.NET'), ('asp.net', '.NET'), ('asp.net core', '.NET'),
  ('net core', '.NET'),
  ('rest', 'REST APIs'), ('rest api', 'REST APIs'), ('restful', 'REST APIs'), ('restful apis', 'REST APIs'),
  ('restful api', 'REST APIs'),
  ('microservice', 'Microservices'), ('micro services', 'Microservices'), ('microservice architecture', 'Microservices'),
  ('rabbit mq', 'RabbitMQ'), ('rabbit', 'RabbitMQ'),
  ('websocket', 'WebSockets'), ('web sockets', 'WebSockets'),
  ('prisma orm', 'Prisma'),
  ('jpa', 'Hibernate'),
  ('react-native', 'React Native'), ('reactnative', 'React Native'),
  ('ios development', 'iOS'), ('android development', 'Android'), ('android sdk', 'Android'),
  ('swift ui', 'SwiftUI'),
  ('postgres', 'PostgreSQL'), ('psql', 'PostgreSQL'), ('pg', 'PostgreSQL'), ('postgre', 'PostgreSQL'),
  ('postgre sql', 'PostgreSQL'), ('postgres sql', 'PostgreSQL'), ('pgsql', 'PostgreSQL'),
  ('my sql', 'MySQL'),
  ('sqlite3', 'SQLite'),
  ('sql server', 'Microsoft SQL Server'), ('mssql', 'Microsoft SQL Server'), ('ms sql', 'Microsoft SQL Server'),
  ('t-sql', 'Microsoft SQL Server'), ('tsql', 'Microsoft SQL Server'),
  ('oracle', 'Oracle Database'), ('oracle db', 'Oracle Database'), ('pl/sql', 'Oracle Database'), ('plsql', 'Oracle Database'),
  ('mongo', 'MongoDB'), ('mongo db', 'MongoDB'),
  ('apache cassandra', 'Cassandra'),
  ('dynamo', 'DynamoDB'), ('dynamo db', 'DynamoDB'), ('aws dynamodb', 'DynamoDB'),
  ('elastic search', 'Elasticsearch'), ('elastic', 'Elasticsearch'),
  ('big query', 'BigQuery'), ('google bigquery', 'BigQuery'),
  ('redshift', 'Amazon Redshift'), ('aws redshift', 'Amazon Redshift'),
  ('firestore', 'Firebase'),
  ('cockroach', 'CockroachDB'),
  ('amazon web services', 'AWS'), ('aws cloud', 'AWS'), ('amazon aws', 'AWS'),
  ('gcp', 'Google Cloud'), ('google cloud platform', 'Google Cloud'),
  ('azure', 'Microsoft Azure'), ('ms azure', 'Microsoft Azure'), ('azure cloud', 'Microsoft Azure'),
  ('lambda', 'AWS Lambda'),
  ('s3', 'Amazon S3'), ('aws s3', 'Amazon S3'),
  ('ec2', 'Amazon EC2'), ('aws ec2', 'Amazon EC2'),
  ('digital ocean', 'DigitalOcean'),
  ('serverless architecture', 'Serverless'), ('faas', 'Serverless'),
  ('docker-compose', 'Docker Compose'),
  ('k8s', 'Kubernetes'), ('kube', 'Kubernetes'), ('k8', 'Kubernetes'),
  ('helm charts', 'Helm'),
  ('hashicorp terraform', 'Terraform'),
  ('ci cd', 'CI/CD'), ('cicd', 'CI/CD'), ('ci-cd', 'CI/CD'), ('ci/cd pipelines', 'CI/CD'),
  ('continuous integration', 'CI/CD'), ('continuous delivery', 'CI/CD'), ('continuous deployment', 'CI/CD'),
  ('gh actions', 'GitHub Actions'),
  ('gitlab ci/cd', 'GitLab CI'), ('gitlab-ci', 'GitLab CI'),
  ('circle ci', 'CircleCI'),
  ('argocd', 'Argo CD'),
  ('data dog', 'Datadog'),
  ('otel', 'OpenTelemetry'), ('open telemetry', 'OpenTelemetry'),
  ('gnu/linux', 'Linux'),
  ('sre', 'Site Reliability Engineering'),
  ('dev ops', 'DevOps'),
  ('iac', 'Infrastructure as Code'), ('infrastructure-as-code', 'Infrastructure as Code'),
  ('kafka', 'Apache Kafka'),
  ('spark', 'Apache Spark'), ('pyspark', 'Apache Spark'),
  ('airflow', 'Apache Airflow'),
  ('data build tool', 'dbt'), ('dbt core', 'dbt'),
  ('flink', 'Apache Flink'),
  ('apache hadoop', 'Hadoop'),
  ('elt', 'ETL'), ('etl/elt', 'ETL'), ('etl pipelines', 'ETL'),
  ('data warehouse', 'Data Warehousing'), ('dwh', 'Data Warehousing'),
  ('powerbi', 'Power BI'),
  ('ms excel', 'Excel'), ('microsoft excel', 'Excel'),
  ('data modelling', 'Data Modeling'),
  ('stats', 'Statistics'), ('statistical analysis', 'Statistics'),
  ('ml', 'Machine Learning'), ('machine-learning', 'Machine Learning'),
  ('dl', 'Deep Learning'),
  ('ai', 'Artificial Intelligence'),
  ('nlp', 'Natural Language Processing'),
  ('computer-vision', 'Computer Vision'),
  ('llm', 'Large Language Models'), ('llms', 'Large Language Models'), ('large language model', 'Large Language Models'),
  ('genai', 'Generative AI'), ('gen ai', 'Generative AI'),
  ('torch', 'PyTorch'),
  ('sklearn', 'scikit-learn'), ('scikit learn', 'scikit-learn'),
  ('huggingface', 'Hugging Face'),
  ('ml ops', 'MLOps'),
  ('selenium webdriver', 'Selenium'),
  ('py.test', 'pytest'),
  ('junit5', 'JUnit'),
  ('tdd', 'Test-Driven Development'), ('test driven development', 'Test-Driven Development'),
  ('unit tests', 'Unit Testing'),
  ('oauth2', 'OAuth'), ('oauth 2.0', 'OAuth'),
  ('oidc', 'OpenID Connect'),
  ('cyber security', 'Cybersecurity'), ('infosec', 'Cybersecurity'), ('information security', 'Cybersecurity'),
  ('pentesting', 'Penetration Testing'), ('pen testing', 'Penetration Testing'),
  ('agile methodologies', 'Agile'),
  ('systems design', 'System Design'),
  ('oop', 'Object-Oriented Programming'), ('object oriented programming', 'Object-Oriented Programming'),
  ('fp', 'Functional Programming'),
  ('ddd', 'Domain-Driven Design'), ('domain driven design', 'Domain-Driven Design'),
  ('eda', 'Event-Driven Architecture'), ('event driven architecture', 'Event-Driven Architecture'),
  ('data structures and algorithms', 'Algorithms'), ('dsa', 'Algorithms'),
  ('seo', 'Search Engine Optimization'),
  ('ux', 'UX Design'), ('user experience', 'UX Design'),
  ('ui', 'UI Design'), ('user interface design', 'UI Design'),
  ('technical documentation', 'Technical Writing'),
  ('team leadership', 'Leadership'),
  ('coaching', 'Mentoring'),
  ('stakeholder communication', 'Stakeholder Management');
