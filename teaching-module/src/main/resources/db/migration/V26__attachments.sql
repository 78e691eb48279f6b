-- Attachments: files on posts, assignment instructions and submissions (the student's draft and hand-ins, and the
-- teacher's answers). The bytes are in the file storage (a folder or an S3 bucket) under storage_key, 256 random
-- bits that say nothing of the file; a row names its organisation and the one content row it belongs to, and a
-- download is checked against that row. A row of a submission without an entry is the student's draft, seen by
-- the student only, until it is handed in with the work.

create table attachment (
    id             uuid          primary key,
    version        bigint        not null default 0,
    tenant_id      uuid          not null references tenant (id) on delete restrict,
    storage_key    varchar(64)   not null unique check (storage_key ~ '^[A-Za-z0-9_-]{43}$'),
    post_id        uuid          references post (id) on delete cascade,
    assignment_id  uuid          references assignment (id) on delete cascade,
    submission_id  uuid          references submission (id) on delete cascade,
    entry_id       uuid          references submission_entry (id) on delete cascade,
    file_name      varchar(255)  not null check (length(file_name) > 0),
    media_type     varchar(255)  not null,
    size_bytes     bigint        not null check (size_bytes >= 0),
    uploaded_by    uuid          not null references person (id) on delete restrict,
    uploaded_at    timestamptz   not null,
    constraint ck_attachment_one_owner check (num_nonnulls(post_id, assignment_id, submission_id) = 1),
    constraint ck_attachment_entry check (entry_id is null or submission_id is not null)
);

create index ix_attachment_post on attachment (post_id) where post_id is not null;
create index ix_attachment_assignment on attachment (assignment_id) where assignment_id is not null;
create index ix_attachment_submission on attachment (submission_id) where submission_id is not null;
