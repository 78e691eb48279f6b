-- A student's consent, after their 18th birthday, that a guardian keeps access (TRANSITIONS.md, A2): recorded by
-- the school, for one guardian link, and withdrawn for good. It replaces the flag continues_after_majority, an
-- administrator's "reactivate after majority" that said neither who decided nor when. Same conventions as V1:
-- named constraints, tenant_id kept on the row and part of the foreign keys.

create table guardian_consent (
    id                       uuid         not null,
    version                  bigint       not null default 0,
    tenant_id                uuid         not null,
    link_id                  uuid         not null,
    -- The day the student consented, as the school recorded it; null only for a consent carried over below.
    consent_date             date,
    recorded_at              timestamptz  not null,
    -- Who recorded it: a school administrator, or an integration (its client id); both null only when carried over
    -- from a reactivation whose administrator the audit log does not name.
    recorded_by_id           uuid,
    recorded_by_application  varchar(200),
    withdrawn_at             timestamptz,
    withdrawn_by_id          uuid,
    withdrawn_by_application varchar(200),
    -- Carried over from continues_after_majority by this migration rather than recorded as a consent.
    carried_over             boolean      not null default false,
    constraint pk_guardian_consent primary key (id),
    constraint fk_guardian_consent_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    -- A link removed by the register takes its consent with it.
    constraint fk_guardian_consent_link foreign key (link_id) references guardian_link (id) on delete cascade,
    constraint fk_guardian_consent_recorded_by foreign key (recorded_by_id, tenant_id)
        references person (id, tenant_id) on delete restrict,
    constraint fk_guardian_consent_withdrawn_by foreign key (withdrawn_by_id, tenant_id)
        references person (id, tenant_id) on delete restrict,
    -- One consent per link, ever: a withdrawn consent stays, and no later consent revives the link.
    constraint uq_guardian_consent_link unique (link_id),
    constraint ck_guardian_consent_date check (carried_over or consent_date is not null),
    constraint ck_guardian_consent_recorded_by check (carried_over or recorded_by_id is not null
        or recorded_by_application is not null),
    constraint ck_guardian_consent_withdrawn check (withdrawn_at is not null
        or (withdrawn_by_id is null and withdrawn_by_application is null))
);

create index ix_guardian_consent_recorded_by on guardian_consent (recorded_by_id);
create index ix_guardian_consent_withdrawn_by on guardian_consent (withdrawn_by_id);

-- Each link an administrator let continue after majority keeps giving access, now as a recorded consent carried
-- over: when and by whom as the child's latest REACTIVATE_AFTER_MAJORITY entry in the audit log says (the entry
-- names the child, not the link), else at this migration by no one named; the student's consent date is unknown.
insert into guardian_consent (id, tenant_id, link_id, consent_date, recorded_at, recorded_by_id,
                              recorded_by_application, carried_over)
select k.id, k.tenant_id, k.id, null, coalesce(a.occurred_at, now()),
       (select p.id from person p where a.actor_kind = 'PERSON' and p.id::text = a.actor_id and p.tenant_id = k.tenant_id),
       case when a.actor_kind = 'APPLICATION' then left(a.actor_id, 200) end,
       true
from guardian_link k
left join lateral (
    select e.occurred_at, e.actor_kind, e.actor_id
    from audit_entry e
    where e.tenant_id = k.tenant_id::text and e.student_id = k.child_id::text and e.purpose = 'ADMINISTRATION'
      and e.data_kind = 'GUARDIAN_LINK' and e.operation = 'REACTIVATE_AFTER_MAJORITY'
    order by e.occurred_at desc
    limit 1) a on true
where k.continues_after_majority;

alter table guardian_link drop column continues_after_majority;
