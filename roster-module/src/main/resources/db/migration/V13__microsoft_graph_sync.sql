-- Microsoft Graph sync (roster-module, se.klassrum.roster.sync.graph): its runs are import runs (format
-- MICROSOFT_GRAPH) that also count licences, and each tenant keeps the delta link of its last committed sync of
-- users' licences, written in the same transaction as the roster changes: a sync that fails leaves the link where
-- it was, and the next run reads the same changes again.

alter table import_run_count drop constraint ck_import_run_count_kind;
alter table import_run_count add constraint ck_import_run_count_kind check (kind in ('SCHOOL', 'PERSON', 'SCHOOL_ROLE',
    'SUBJECT', 'SYLLABUS', 'GROUP', 'MEMBERSHIP', 'GUARDIAN_LINK', 'LICENCE'));

create table graph_sync_state (
    tenant_id        uuid                     not null,
    users_delta_link varchar(4000),
    updated_at       timestamp with time zone not null,
    constraint pk_graph_sync_state primary key (tenant_id),
    constraint fk_graph_sync_state_tenant foreign key (tenant_id) references tenant (id) on delete restrict
);
