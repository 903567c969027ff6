-- The application state machine: every legal move succeeds and writes exactly one timeline entry;
-- every other (from, to) pair fails with PT409 whatever path tries it.
begin;
\ir helpers.psql
select plan(74);

select tests.create_supabase_user('mover');
select tests.create_supabase_user('bystander');

-- The legal moves, as design.md section 5 draws them (plus applied -> rejected: most rejections
-- come straight after applying).
select results_eq(
  $$ select from_status::text, to_status::text from public.application_status_transitions order by 1, 2 $$,
  $$ values ('applied', 'interviewing'), ('applied', 'rejected'), ('applied', 'withdrawn'),
            ('draft', 'applied'), ('draft', 'withdrawn'),
            ('interviewing', 'offered'), ('interviewing', 'rejected'), ('interviewing', 'withdrawn'),
            ('offered', 'accepted'), ('offered', 'declined'), ('offered', 'rejected'), ('offered', 'withdrawn') $$,
  'the state machine lists exactly the legal moves'
);

-- One application per (from, to) pair, sitting in `from`, on its own shared posting.
create temporary table pairs on commit drop as
select f.status as from_status, t.status as to_status, extensions.gen_random_uuid() as application_id,
       exists (select from public.application_status_transitions x where x.from_status = f.status and x.to_status = t.status) as legal
from unnest(enum_range(null::public.application_status)) as f(status)
cross join unnest(enum_range(null::public.application_status)) as t(status);
grant select on pairs to authenticated, service_role;

insert into public.jobs (id, owner_id, source, external_id, title, company)
select application_id, null, 'transition-test', application_id::text, 'Transition posting', 'State Machine Ltd' from pairs;
insert into public.applications (id, user_id, job_id, status)
select application_id, tests.get_supabase_uid('mover'), application_id, from_status from pairs;

-- Every pair, as its owner: the legal ones live, the rest throw PT409 naming both states.
create function pg_temp.try_every_pair() returns setof text language plpgsql as $$
declare
  pair record;
begin
  for pair in select * from pairs order by from_status, to_status loop
    if pair.legal then
      return next lives_ok(
        format('select public.transition_application(%L, %L)', pair.application_id, pair.to_status),
        format('%s -> %s is legal', pair.from_status, pair.to_status)
      );
    else
      return next throws_ok(
        format('select public.transition_application(%L, %L)', pair.application_id, pair.to_status),
        'PT409',
        format('illegal transition from %s to %s', pair.from_status, pair.to_status),
        format('%s -> %s is refused', pair.from_status, pair.to_status)
      );
    end if;
  end loop;
end;
$$;
grant execute on function pg_temp.try_every_pair() to authenticated;

select tests.authenticate_as('mover');
select * from pg_temp.try_every_pair();
select tests.act_as_postgres();

select results_eq(
  $$ select count(*)::int from pairs p join public.applications a on a.id = p.application_id
     where a.status = case when p.legal then p.to_status else p.from_status end $$,
  $$ values (64) $$,
  'each application ends in the target status if legal, and where it was if not'
);
select results_eq(
  $$ select count(*)::int from public.application_events e join pairs p on p.application_id = e.application_id
     where e.kind = 'status_change' and e.from_status = p.from_status and e.to_status = p.to_status $$,
  $$ select count(*)::int from pairs where legal $$,
  'every legal move wrote exactly one status_change event, and no illegal one wrote any'
);
select is(
  (select count(*)::int from public.application_events e join pairs p on p.application_id = e.application_id),
  12,
  'nothing else was written to the timeline'
);
select ok(
  (select bool_and(a.applied_at is not null and a.follow_up_at = a.applied_at + interval '7 days')
     from pairs p join public.applications a on a.id = p.application_id where p.from_status = 'draft' and p.to_status = 'applied'),
  'entering applied sets applied_at and proposes a follow-up 7 days later'
);

-- Other paths to a status change.
select tests.authenticate_as('mover');
select throws_ok(
  $$ update public.applications set status = 'accepted' where id = (select application_id from pairs where from_status = 'offered' limit 1) $$,
  '42501', null,
  'an owner cannot update status directly'
);
select throws_ok(
  $$ select public.transition_application((select application_id from pairs where from_status = 'draft' and to_status = 'draft'), 'applied', occurred_at => now() + interval '1 day') $$,
  '22023', null,
  'a transition cannot happen in the future'
);
select tests.authenticate_as('bystander');
select throws_ok(
  $$ select public.transition_application((select application_id from pairs where from_status = 'draft' and to_status = 'draft'), 'applied') $$,
  'P0002', null,
  'another user''s application is not found'
);
select tests.authenticate_as_service_role();
select throws_ok(
  $$ update public.applications set status = 'accepted' where id = (select application_id from pairs where from_status = 'offered' and to_status = 'offered') $$,
  '42501', 'status changes only through transition_application',
  'even the service role cannot update status directly'
);
select tests.act_as_postgres();
select throws_ok(
  $$ update public.applications set status = 'accepted' where id = (select application_id from pairs where from_status = 'draft' and to_status = 'draft') $$,
  '42501', 'status changes only through transition_application',
  'nor can a superuser script'
);

select * from finish();
rollback;
