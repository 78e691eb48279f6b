-- The SS 12000 sync links teachers to the subjects they teach (from the register's activities) and counts them.

alter table import_run_count drop constraint ck_import_run_count_kind;
alter table import_run_count add constraint ck_import_run_count_kind check (kind in ('SCHOOL', 'PERSON', 'SCHOOL_ROLE',
    'SUBJECT', 'SYLLABUS', 'GROUP', 'MEMBERSHIP', 'GUARDIAN_LINK', 'LICENCE', 'TEACHER_SUBJECT'));
