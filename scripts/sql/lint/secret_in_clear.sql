-- Check: secret_in_clear
-- What: a column of a `public` table or view whose name says it holds a credential (password,
--   passphrase, secret, token, api key, private/access/secret key, client secret, credentials, jwt,
--   otp) and whose type can hold one in clear (text, varchar, char, bytea, json, jsonb, or arrays of
--   these), unless the name says it is a one-way hash (`*_hash`, `*_hashed`, `*_digest`, `*_hmac`,
--   `*_sha256`, `hashed_*`), like calendar_feeds.token_hash.
-- Why: a secret stored in clear leaks with any backup, log, replica, export or RLS mistake, and it
--   cannot be rotated safely. Store a hash and compare hashes (see rotate_calendar_token), or keep the
--   secret out of the database (Vault, environment). The advisors' sensitive_columns_exposed only
--   fires on exact names in tables without RLS.
--   Counters such as `prompt_tokens integer` are not text and are not reported.
-- Fix: store extensions.digest(secret, 'sha256') in a `<name>_hash` column and drop the clear
--   column; or allow-list it below with the reason (where the key is kept, who can read the row).
-- Allow-list: by table.column.
with allowed (object, reason) as (
  values ('', '') -- none yet
),
columns as (
  select
    pg_catalog.format('%I.%I.%I', n.nspname, c.relname, a.attname) as object,
    pg_catalog.lower(a.attname) as column_name,
    pg_catalog.format_type(a.atttypid, a.atttypmod) as column_type,
    case c.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end as relation_kind
  from pg_catalog.pg_attribute a
  join pg_catalog.pg_class c on c.oid = a.attrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  join pg_catalog.pg_type t on t.oid = a.atttypid
  left join pg_catalog.pg_type element on element.oid = t.typelem and t.typcategory = 'A'
  where n.nspname = 'public'
    and c.relkind in ('r', 'p', 'f', 'v', 'm')
    and a.attnum > 0
    and not a.attisdropped
    -- string-like, binary or JSON values, or arrays of them
    and coalesce(element.oid, t.oid) in (
      'pg_catalog.text'::pg_catalog.regtype, 'pg_catalog.varchar'::pg_catalog.regtype,
      'pg_catalog.bpchar'::pg_catalog.regtype, 'pg_catalog.bytea'::pg_catalog.regtype,
      'pg_catalog.json'::pg_catalog.regtype, 'pg_catalog.jsonb'::pg_catalog.regtype,
      'pg_catalog.name'::pg_catalog.regtype
    )
)
select
  col.object,
  pg_catalog.format('%s column of type %s whose name says it holds a secret, stored as given', col.relation_kind, col.column_type) as problem,
  pg_catalog.format(
    'store a one-way hash instead, in a text column %s_hash holding encode(extensions.digest(value, ''sha256''), ''hex''), and drop the clear column; or allow-list %s in scripts/sql/lint/secret_in_clear.sql with the reason',
    col.column_name, col.object
  ) as fix,
  a.reason as allowed
from columns col
left join allowed a on a.object = col.object
where (
    col.column_name ~ '(^|_)(password|passwd|pwd|passphrase|secret|secrets|token|tokens|apikey|api_key|jwt|otp|credential|credentials)(_|$)'
    or col.column_name ~ '(private|access|secret|signing|encryption)_?key'
    or col.column_name ~ 'client_?secret'
  )
  and col.column_name !~ '(_(hash|hashed|digest|hmac|sha256)$)|(^hashed_)'
order by 1;
