-- Full-text search configuration shared by every tsvector column and search function.
-- English stemming with accents folded, so "Zürich" matches "Zurich" and "résumé" matches "resume".

-- Section: text search configuration
create text search configuration private.english_unaccent (copy = pg_catalog.english);
alter text search configuration private.english_unaccent
  alter mapping for hword, hword_part, word with extensions.unaccent, english_stem;
comment on text search configuration private.english_unaccent is 'English stemming with accents folded; used by every search vector and query.';

-- Section: immutable helpers for generated columns and expression indexes
-- array_to_string and unaccent are only stable in general; for text[] and a fixed dictionary they
-- are deterministic, which generated columns and indexes require.
create or replace function private.immutable_array_to_string(value text[])
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select pg_catalog.array_to_string(value, ' ')
$$;
comment on function private.immutable_array_to_string(text[]) is 'array_to_string for text[] marked immutable, for generated search vectors.';

create or replace function private.fold_text(value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select pg_catalog.lower(extensions.unaccent('extensions.unaccent'::regdictionary, value))
$$;
comment on function private.fold_text(text) is 'Lower-cased, accent-free text for trigram matching and fingerprints.';

grant execute on function private.immutable_array_to_string(text[]), private.fold_text(text)
  to authenticated, service_role;
