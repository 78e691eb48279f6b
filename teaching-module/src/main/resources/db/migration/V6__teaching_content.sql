-- Teaching content. Every row names its group (and student) in the roster and keeps that link when the
-- group is archived; access follows the rules, not these foreign keys.

create table post (
    id          uuid         primary key,
    version     bigint       not null default 0,
    group_id    uuid         not null references study_group (id) on delete restrict,
    author_id   uuid         not null references person (id) on delete restrict,
    body        text         not null,
    created_at  timestamptz  not null,
    edited_at   timestamptz
);
create index ix_post_group on post (group_id, created_at desc, id);

create table assignment (
    id            uuid         primary key,
    version       bigint       not null default 0,
    group_id      uuid         not null references study_group (id) on delete restrict,
    author_id     uuid         not null references person (id) on delete restrict,
    title         varchar(200) not null check (length(trim(title)) > 0),
    instructions  text         not null,
    due_at        timestamptz  not null,
    status        varchar(20)  not null check (status in ('DRAFT', 'PUBLISHED')),
    created_at    timestamptz  not null,
    published_at  timestamptz,
    constraint ck_assignment_published check ((status = 'PUBLISHED') = (published_at is not null))
);
create index ix_assignment_group on assignment (group_id, due_at, id);

create table submission (
    id             uuid         primary key,
    version        bigint       not null default 0,
    assignment_id  uuid         not null references assignment (id) on delete restrict,
    student_id     uuid         not null references person (id) on delete restrict,
    content        text         not null,
    submitted_at   timestamptz  not null,
    late           boolean      not null,
    status         varchar(20)  not null check (status in ('SUBMITTED', 'RETURNED')),
    feedback       text,
    returned_at    timestamptz,
    constraint uq_submission unique (assignment_id, student_id),
    constraint ck_submission_returned check ((status = 'RETURNED') = (returned_at is not null))
);
create index ix_submission_student on submission (student_id);

create table assessment (
    id           uuid         primary key,
    version      bigint       not null default 0,
    student_id   uuid         not null references person (id) on delete restrict,
    syllabus_id  uuid         not null references syllabus (id) on delete restrict,
    group_id     uuid         not null references study_group (id) on delete restrict,
    grade        varchar(20)  not null check (grade in ('NOT_YET_ASSESSED', 'F', 'E', 'D', 'C', 'B', 'A')),
    comment      text         not null,
    status       varchar(20)  not null check (status in ('DRAFT', 'PUBLISHED')),
    assessed_by  uuid         not null references person (id) on delete restrict,
    updated_at   timestamptz  not null,
    constraint uq_assessment unique (student_id, syllabus_id, group_id)
);
create index ix_assessment_student on assessment (student_id, syllabus_id);

create table development_talk (
    id            uuid         primary key,
    version       bigint       not null default 0,
    student_id    uuid         not null references person (id) on delete restrict,
    group_id      uuid         not null references study_group (id) on delete restrict,
    mentor_id     uuid         not null references person (id) on delete restrict,
    held_on       date         not null,
    notes         text         not null,
    agreed_goals  text         not null,
    updated_at    timestamptz  not null
);
create index ix_development_talk_student on development_talk (student_id, held_on desc);

create table development_talk_guardian (
    talk_id      uuid  not null references development_talk (id) on delete cascade,
    guardian_id  uuid  not null references person (id) on delete restrict,
    primary key (talk_id, guardian_id)
);
