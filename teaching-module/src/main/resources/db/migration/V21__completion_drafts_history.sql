-- Komplettering and drafts. A submission is a student's work on an assignment: it may be a draft that only the
-- student sees, be handed in, be returned with feedback (final) or be sent back for completion (komplettering),
-- after which the student hands in again. What was handed in and what the teacher wrote is kept, one row per
-- event in submission_entry, and never overwritten.

alter table submission drop constraint ck_submission_returned;
alter table submission drop constraint submission_status_check;
alter table submission alter column content drop not null;
alter table submission alter column submitted_at drop not null;
alter table submission add column draft text;
alter table submission add column draft_saved_at timestamptz;
alter table submission add constraint submission_status_check
    check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'COMPLETION_REQUESTED'));
-- A draft was never handed in; everything else was, and only a teacher's answer has a time of answer.
alter table submission add constraint ck_submission_handed_in
    check ((status = 'DRAFT') = (submitted_at is null) and (submitted_at is null) = (content is null));
alter table submission add constraint ck_submission_returned
    check ((status in ('RETURNED', 'COMPLETION_REQUESTED')) = (returned_at is not null));
alter table submission add constraint ck_submission_draft
    check ((draft is null) = (draft_saved_at is null));

create table submission_entry (
    id             uuid         primary key,
    version        bigint       not null default 0,
    submission_id  uuid         not null references submission (id) on delete cascade,
    position       integer      not null check (position >= 0),
    kind           varchar(30)  not null check (kind in ('HANDED_IN', 'RETURNED', 'COMPLETION_REQUESTED')),
    body           text         not null,
    late           boolean      not null,
    recorded_at    timestamptz  not null,
    author_id      uuid         not null references person (id) on delete restrict,
    constraint uq_submission_entry unique (submission_id, position)
);

-- The hand-ins and answers made before there was a history.
insert into submission_entry (id, submission_id, position, kind, body, late, recorded_at, author_id)
select gen_random_uuid(), s.id, 0, 'HANDED_IN', s.content, s.late, s.submitted_at, s.student_id from submission s;
insert into submission_entry (id, submission_id, position, kind, body, late, recorded_at, author_id)
select gen_random_uuid(), s.id, 1, 'RETURNED', s.feedback, false, s.returned_at, a.author_id
from submission s join assignment a on a.id = s.assignment_id where s.status = 'RETURNED';
