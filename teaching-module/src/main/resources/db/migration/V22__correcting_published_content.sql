-- Correcting published content: an edit is shown with its time; a deletion leaves the row as a tombstone that says
-- who deleted it and when, and its content is no longer shown.
alter table post add column deleted_at timestamptz;
alter table post add column deleted_by uuid references person (id) on delete restrict;
alter table post add constraint ck_post_deleted check ((deleted_at is null) = (deleted_by is null));

alter table assignment add column edited_at timestamptz;
alter table assignment add column deleted_at timestamptz;
alter table assignment add column deleted_by uuid references person (id) on delete restrict;
alter table assignment add constraint ck_assignment_deleted check ((deleted_at is null) = (deleted_by is null));
