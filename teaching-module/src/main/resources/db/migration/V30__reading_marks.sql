-- When a person last read something of their own interest: a group's posts (the group's page), their own work on an
-- assignment (the assignment's page), a child's page for a guardian. What came after it is marked "Ny". One row per
-- person and item, overwritten on each reading; it names no student's data, only when the reader looked.
create table reading_mark (
    person_id  uuid        not null references person (id) on delete cascade,
    item_id    uuid        not null,
    read_at    timestamptz not null,
    primary key (person_id, item_id)
);
