-- What happened, for the readers' notification lists: the kind of event, the group and the content it points at, the
-- student it concerns (when one) and who did it; never a copy of the content. Who sees an event, and what they see of
-- it, is decided by the access rules when the list is read. Whether a reader has read it is their reading mark
-- (reading_mark, item_id = the event's id).
create table notification_event (
    id          uuid         primary key,
    tenant_id   uuid         not null references tenant (id) on delete cascade,
    kind        varchar(40)  not null,
    group_id    uuid         not null references study_group (id) on delete cascade,
    content_id  uuid         not null,
    student_id  uuid         references person (id) on delete cascade,
    actor_id    uuid         references person (id) on delete set null,
    created_at  timestamptz  not null
);
create index ix_notification_event_group on notification_event (group_id, created_at desc, id);
create index ix_notification_event_student on notification_event (student_id, created_at desc, id)
    where student_id is not null;
