-- An import run as a preview (roster-module, ImportRun): the files are read, checked, planned and written in the
-- writing transaction as a real run would, the access impact of what was written is decided by the access rules,
-- and the transaction is rolled back. The run is recorded PREVIEWED with what it would have created, updated and
-- ended, and with its impact per school: how many people would gain and lose which kind of access to how many
-- students, and the warnings (groups left without a mentor, students without a teacher who may assess them, a
-- protected student becoming visible). No person is named here: names are shown only to the administrator who asked,
-- in the answer, never stored. Schools and groups are stored with their names, as a preview's new ones exist nowhere
-- else; hence no foreign key to them. Their ids are text, as EclipseLink writes a uuid of an embedded value as a
-- serialized object.

alter table import_run add column preview boolean not null default false;
alter table import_run drop constraint ck_import_run_status;
alter table import_run add constraint ck_import_run_status
    check (status in ('RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED', 'PREVIEWED'));
alter table import_run add constraint ck_import_run_previewed check (status <> 'PREVIEWED' or preview);
alter table import_run add constraint ck_import_run_preview_writes_nothing check (not (preview and status = 'SUCCEEDED'));

create table import_run_impact (
    run_id          uuid         not null,
    school_id       varchar(36)  not null,
    school_name     varchar(200),
    kind            varchar(30)  not null,
    people_gaining  integer      not null,
    students_gained integer      not null,
    people_losing   integer      not null,
    students_lost   integer      not null,
    constraint pk_import_run_impact primary key (run_id, school_id, kind),
    constraint fk_import_run_impact_run foreign key (run_id) references import_run (id) on delete cascade,
    constraint ck_import_run_impact_kind check (kind in ('STUDENT_PROFILE', 'HAND_INS', 'ASSESSMENTS',
                                                          'DEVELOPMENT_TALKS', 'GROUP_POSTS')),
    constraint ck_import_run_impact_not_negative check (people_gaining >= 0 and students_gained >= 0
        and people_losing >= 0 and students_lost >= 0)
);

create table import_run_warning (
    run_id      uuid         not null,
    kind        varchar(40)  not null,
    school_id   varchar(36)  not null,
    school_name varchar(200),
    group_id    varchar(36)  not null,
    group_name  varchar(200),
    -- How many students of the group the warning is about; 0 for a mentor group without a mentor.
    students    integer      not null,
    constraint pk_import_run_warning primary key (run_id, kind, group_id),
    constraint fk_import_run_warning_run foreign key (run_id) references import_run (id) on delete cascade,
    constraint ck_import_run_warning_kind check (kind in ('STUDENT_WITHOUT_ASSESSOR', 'MENTOR_GROUP_WITHOUT_MENTOR',
                                                            'PROTECTED_STUDENT_VISIBLE')),
    constraint ck_import_run_warning_students check (students >= 0)
);
