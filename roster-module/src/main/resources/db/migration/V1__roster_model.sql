-- The roster: who is who at which school, in which group, and whose guardian.
--
-- Conventions
-- * Ids are uuids chosen by the application, so they are never generated here.
-- * Every constraint is named: the application maps a violated constraint to a clear, coded message
--   (se.klassrum.roster.entity.RosterError), so renaming one here means renaming it there.
-- * Rows that link facts carry tenant_id, and their foreign keys include it: the database itself then
--   refuses a membership, role or guardian link across organisations (SAME_TENANT), whatever wrote the row.
--   The unique (id, tenant_id) constraints exist only as targets for those foreign keys.
-- * Validity: valid_from and valid_to are both inclusive days; valid_to null means no end.
-- * Nothing is deleted in normal use (memberships end, groups are archived), so foreign keys restrict.
-- * Indexes: a unique constraint's index also serves lookups by its leading columns; an extra index is
--   added only where the access checks look up by a column that does not lead one.

create table tenant (
    id              uuid         not null,
    version         bigint       not null default 0,
    entra_tenant_id uuid         not null,
    name            varchar(200) not null,
    constraint pk_tenant primary key (id),
    constraint uq_tenant_entra_tenant_id unique (entra_tenant_id)
);

create table school (
    id               uuid         not null,
    version          bigint       not null default 0,
    tenant_id        uuid         not null,
    name             varchar(200) not null,
    school_unit_code varchar(8),
    external_id      varchar(100),
    constraint pk_school primary key (id),
    constraint fk_school_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint uq_school_id_tenant unique (id, tenant_id),
    constraint uq_school_external_id unique (tenant_id, external_id),
    constraint uq_school_unit_code unique (tenant_id, school_unit_code),
    constraint ck_school_unit_code check (school_unit_code ~ '^[0-9]{8}$')
);

create table person (
    id               uuid         not null,
    version          bigint       not null default 0,
    tenant_id        uuid         not null,
    external_id      varchar(100) not null,
    entra_object_id  uuid,
    given_name       varchar(100) not null,
    family_name      varchar(100) not null,
    email            varchar(320),
    birth_date       date,
    security_marking varchar(30)  not null default 'NONE',
    constraint pk_person primary key (id),
    constraint fk_person_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint uq_person_id_tenant unique (id, tenant_id),
    constraint uq_person_external_id unique (tenant_id, external_id),
    -- Several persons may lack an Entra account: nulls never collide in a unique constraint.
    constraint uq_person_entra_object_id unique (tenant_id, entra_object_id),
    constraint ck_person_security_marking
        check (security_marking in ('NONE', 'SEKRETESSMARKERING', 'SKYDDAD_FOLKBOKFORING'))
);

create table licence (
    id         uuid        not null,
    version    bigint      not null default 0,
    person_id  uuid        not null,
    kind       varchar(20) not null,
    valid_from date        not null,
    valid_to   date,
    constraint pk_licence primary key (id),
    constraint fk_licence_person foreign key (person_id) references person (id) on delete restrict,
    -- Also the index for "licences of a person" (LICENCE).
    constraint uq_licence unique (person_id, kind, valid_from),
    constraint ck_licence_kind check (kind in ('TEACHER', 'STUDENT')),
    constraint ck_licence_validity check (valid_to is null or valid_to >= valid_from)
);

create table school_role (
    id         uuid        not null,
    version    bigint      not null default 0,
    tenant_id  uuid        not null,
    person_id  uuid        not null,
    school_id  uuid        not null,
    role       varchar(20) not null,
    valid_from date        not null,
    valid_to   date,
    constraint pk_school_role primary key (id),
    constraint fk_school_role_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint fk_school_role_person foreign key (person_id, tenant_id)
        references person (id, tenant_id) on delete restrict,
    constraint fk_school_role_school foreign key (school_id, tenant_id)
        references school (id, tenant_id) on delete restrict,
    -- Also the index for "roles of a person" (ROLE_TEACHER, ROLE_MENTOR, ROLE_STUDENT, STUDENT_AT_SCHOOL).
    constraint uq_school_role unique (person_id, school_id, role, valid_from),
    constraint ck_school_role_role
        check (role in ('TEACHER', 'MENTOR', 'STUDENT', 'SCHOOL_ADMIN', 'PRINCIPAL')),
    constraint ck_school_role_validity check (valid_to is null or valid_to >= valid_from)
);

create table subject (
    id        uuid         not null,
    version   bigint       not null default 0,
    tenant_id uuid         not null,
    code      varchar(30)  not null,
    name      varchar(200) not null,
    constraint pk_subject primary key (id),
    constraint fk_subject_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint uq_subject_id_tenant unique (id, tenant_id),
    constraint uq_subject_code unique (tenant_id, code)
);

create table syllabus (
    id         uuid         not null,
    version    bigint       not null default 0,
    tenant_id  uuid         not null,
    subject_id uuid         not null,
    code       varchar(30)  not null,
    name       varchar(200) not null,
    constraint pk_syllabus primary key (id),
    constraint fk_syllabus_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint fk_syllabus_subject foreign key (subject_id, tenant_id)
        references subject (id, tenant_id) on delete restrict,
    constraint uq_syllabus_id_tenant unique (id, tenant_id),
    constraint uq_syllabus_code unique (tenant_id, code)
);

create table study_group (
    id                 uuid         not null,
    version            bigint       not null default 0,
    tenant_id          uuid         not null,
    school_id          uuid         not null,
    kind               varchar(20)  not null,
    name               varchar(200) not null,
    connected          boolean      not null default false,
    archived           boolean      not null default false,
    syllabus_id        uuid,
    school_year        varchar(7)   not null,
    microsoft_group_id varchar(100),
    external_id        varchar(100),
    constraint pk_study_group primary key (id),
    constraint fk_study_group_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint fk_study_group_school foreign key (school_id, tenant_id)
        references school (id, tenant_id) on delete restrict,
    -- With syllabus_id null the key is not checked (MATCH SIMPLE), which is what an unlinked group needs.
    constraint fk_study_group_syllabus foreign key (syllabus_id, tenant_id)
        references syllabus (id, tenant_id) on delete restrict,
    constraint uq_study_group_id_tenant unique (id, tenant_id),
    constraint uq_study_group_microsoft_group_id unique (tenant_id, microsoft_group_id),
    constraint uq_study_group_external_id unique (tenant_id, external_id),
    constraint ck_study_group_kind check (kind in ('TEACHING', 'MENTOR')),
    constraint ck_study_group_syllabus_teaching check (syllabus_id is null or kind = 'TEACHING'),
    -- "2026/27": four digits, a slash, the last two digits of the next year. CASE fixes the order of
    -- evaluation, so the cast to integer only sees text that matched the pattern.
    constraint ck_study_group_school_year check (
        case
            when school_year ~ '^[0-9]{4}/[0-9]{2}$'
                then (substr(school_year, 1, 4)::integer + 1) % 100 = substr(school_year, 6, 2)::integer
            else false
        end)
);

create table membership (
    id         uuid        not null,
    version    bigint      not null default 0,
    tenant_id  uuid        not null,
    group_id   uuid        not null,
    person_id  uuid        not null,
    role       varchar(20) not null,
    valid_from date        not null,
    valid_to   date,
    constraint pk_membership primary key (id),
    constraint fk_membership_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint fk_membership_group foreign key (group_id, tenant_id)
        references study_group (id, tenant_id) on delete restrict,
    constraint fk_membership_person foreign key (person_id, tenant_id)
        references person (id, tenant_id) on delete restrict,
    -- Also the index for "members of a group" (posts and assignments of G, member lists).
    constraint uq_membership unique (group_id, person_id, role, valid_from),
    constraint ck_membership_role check (role in ('OWNER', 'MEMBER')),
    constraint ck_membership_validity check (valid_to is null or valid_to >= valid_from)
);

-- "Groups of a person" (OWNS_TEACHING_GROUP, OWNS_MENTOR_GROUP, MEMBER_OF_LINKED_GROUP).
create index ix_membership_person on membership (person_id, group_id);

create table teacher_subject (
    id         uuid   not null,
    version    bigint not null default 0,
    tenant_id  uuid   not null,
    teacher_id uuid   not null,
    school_id  uuid   not null,
    subject_id uuid   not null,
    constraint pk_teacher_subject primary key (id),
    constraint fk_teacher_subject_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint fk_teacher_subject_teacher foreign key (teacher_id, tenant_id)
        references person (id, tenant_id) on delete restrict,
    constraint fk_teacher_subject_school foreign key (school_id, tenant_id)
        references school (id, tenant_id) on delete restrict,
    constraint fk_teacher_subject_subject foreign key (subject_id, tenant_id)
        references subject (id, tenant_id) on delete restrict,
    -- Also the index for "subjects of a teacher" (TEACHER_SUBJECT).
    constraint uq_teacher_subject unique (teacher_id, school_id, subject_id)
);

create table guardian_link (
    id                       uuid        not null,
    version                  bigint      not null default 0,
    tenant_id                uuid        not null,
    guardian_id              uuid        not null,
    child_id                 uuid        not null,
    relation                 varchar(30) not null,
    valid_from               date        not null,
    valid_to                 date,
    active                   boolean     not null default true,
    continues_after_majority boolean     not null default false,
    constraint pk_guardian_link primary key (id),
    constraint fk_guardian_link_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint fk_guardian_link_guardian foreign key (guardian_id, tenant_id)
        references person (id, tenant_id) on delete restrict,
    constraint fk_guardian_link_child foreign key (child_id, tenant_id)
        references person (id, tenant_id) on delete restrict,
    -- Also the index for "children of a guardian" (GUARDIAN_LINK).
    constraint uq_guardian_link unique (guardian_id, child_id, relation, valid_from),
    constraint ck_guardian_link_not_self check (guardian_id <> child_id),
    constraint ck_guardian_link_relation
        check (relation in ('VARDNADSHAVARE', 'ANNAN_ANSVARIG', 'GOD_MAN', 'UTSEDD_BEHORIG')),
    constraint ck_guardian_link_validity check (valid_to is null or valid_to >= valid_from)
);

-- "Guardians of a child" (guardian view, development talks, diagnostics).
create index ix_guardian_link_child on guardian_link (child_id);

-- The remaining foreign keys, so that a lookup from the referenced side (and a future delete) needs no
-- full scan. School roles by school: who teaches or studies at S.
create index ix_school_role_school on school_role (school_id);
create index ix_study_group_school on study_group (school_id);
create index ix_teacher_subject_subject on teacher_subject (subject_id);
