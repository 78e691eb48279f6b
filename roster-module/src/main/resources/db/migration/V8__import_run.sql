-- Roster import runs (roster-module, se.klassrum.roster.entity.ImportRun): who imported which files into which
-- tenant, when, how far the run has come, what it created, updated and ended, and every problem that refused
-- it. Same conventions as V1: named constraints, tenant_id on the row. A run row is written in transactions of
-- its own (start, progress, finish), never in the transaction that changes the roster, so that a refused or
-- rolled-back run stays recorded and its progress can be read while it writes. V3 and V5 belong to the access
-- module.

create table import_run (
    id             uuid                     not null,
    version        bigint                   not null default 0,
    tenant_id      uuid                     not null,
    actor          varchar(200)             not null,
    format         varchar(30)              not null,
    full_set       boolean                  not null,
    files          varchar(4000)            not null,
    import_date    date                     not null,
    started_at     timestamp with time zone not null,
    finished_at    timestamp with time zone,
    duration_ms    bigint,
    status         varchar(20)              not null,
    phase          varchar(40),
    progress_done  bigint                   not null default 0,
    progress_total bigint                   not null default 0,
    problem_count  integer                  not null default 0,
    -- One problem per line, each "file:line: message"; all of them, however many.
    problems       text,
    -- What was read but deliberately not imported, one note per line, e.g. "roles.csv: 2 lines ignored: ...".
    notes          text,
    constraint pk_import_run primary key (id),
    constraint fk_import_run_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint ck_import_run_status check (status in ('RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
    constraint ck_import_run_finished check ((status = 'RUNNING') = (finished_at is null)),
    constraint ck_import_run_actor check (length(btrim(actor)) > 0)
);

-- "The runs of a tenant, newest first" (the run list of the integration API).
create index ix_import_run_tenant on import_run (tenant_id, started_at desc);

create table import_run_count (
    run_id  uuid        not null,
    kind    varchar(20) not null,
    created integer     not null,
    updated integer     not null,
    ended   integer     not null,
    constraint pk_import_run_count primary key (run_id, kind),
    constraint fk_import_run_count_run foreign key (run_id) references import_run (id) on delete cascade,
    constraint ck_import_run_count_kind check (kind in ('SCHOOL', 'PERSON', 'SCHOOL_ROLE', 'SUBJECT', 'SYLLABUS',
                                                         'GROUP', 'MEMBERSHIP', 'GUARDIAN_LINK')),
    constraint ck_import_run_count_not_negative check (created >= 0 and updated >= 0 and ended >= 0)
);
