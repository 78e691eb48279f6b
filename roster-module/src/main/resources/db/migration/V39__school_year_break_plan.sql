-- The school-year break (läsårsbryt) as one planned change (TRANSITIONS.md, R1-R3): an administrator stages next
-- year's group changes in one open plan per organisation, previews their access impact and applies them at once.
-- base_fingerprint is what the last preview saw of the groups the plan changes (their state and memberships) and of
-- the plan itself: apply refuses a plan whose base has changed since.

create table break_plan (
    id               uuid        not null,
    tenant_id        uuid        not null,
    state            varchar(10) not null,
    created_at       timestamptz not null,
    created_by       uuid,
    previewed_at     timestamptz,
    base_fingerprint varchar(64),
    applied_at       timestamptz,
    applied_by       uuid,
    applied_on       date,
    undone_at        timestamptz,
    undone_by        uuid,
    constraint pk_break_plan primary key (id),
    constraint fk_break_plan_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint ck_break_plan_state check (state in ('OPEN', 'APPLIED', 'UNDONE'))
);

-- One open plan per organisation; applied and undone plans stay as the record of what was done.
create unique index uq_break_plan_open on break_plan (tenant_id) where state = 'OPEN';

create table break_change (
    plan_id   uuid        not null,
    seq       integer     not null,
    kind      varchar(20) not null,
    group_id  uuid        not null,
    person_id uuid,
    constraint pk_break_change primary key (plan_id, seq),
    constraint fk_break_change_plan foreign key (plan_id) references break_plan (id) on delete cascade,
    constraint fk_break_change_group foreign key (group_id) references study_group (id) on delete restrict,
    constraint fk_break_change_person foreign key (person_id) references person (id) on delete restrict,
    constraint ck_break_change_kind check (kind in ('ARCHIVE', 'CONNECT', 'ADD_OWNER', 'REMOVE_OWNER')),
    constraint ck_break_change_person check ((kind in ('ADD_OWNER', 'REMOVE_OWNER')) = (person_id is not null))
);

-- A change is staged once: the same kind for the same group (and person) is one change.
create unique index uq_break_change on break_change (plan_id, kind, group_id, person_id) nulls not distinct;
create index ix_break_change_group on break_change (group_id);
