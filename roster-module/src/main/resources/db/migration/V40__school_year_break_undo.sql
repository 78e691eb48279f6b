-- What applying a break plan changed, row by row, so that undoing it on the same day restores the state before:
-- a group's previous connected and archived flags, a membership the plan added (removed again by undo) and a
-- membership whose last day the plan changed, with the last day it had before (given back by undo).

create table break_undo (
    plan_id           uuid        not null,
    seq               integer     not null,
    kind              varchar(20) not null,
    group_id          uuid,
    was_connected     boolean,
    was_archived      boolean,
    membership_id     uuid,
    previous_valid_to date,
    constraint pk_break_undo primary key (plan_id, seq),
    constraint fk_break_undo_plan foreign key (plan_id) references break_plan (id) on delete cascade,
    constraint ck_break_undo_kind check (kind in ('GROUP_STATE', 'MEMBERSHIP_ADDED', 'MEMBERSHIP_LAST_DAY')),
    constraint ck_break_undo_fields check (
        (kind = 'GROUP_STATE' and group_id is not null and was_connected is not null and was_archived is not null)
        or (kind in ('MEMBERSHIP_ADDED', 'MEMBERSHIP_LAST_DAY') and membership_id is not null))
);
