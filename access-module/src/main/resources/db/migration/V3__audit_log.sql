-- The audit log of access decisions: one hash chain per tenant (tamper-evident), never the data itself.
-- Ids are kept as text: the log outlives the rows it names and must not block their deletion.

create table audit_chain_head (
    tenant_id  text    primary key,
    last_seq   bigint  not null check (last_seq >= 0),
    last_hash  text    not null
);

create table audit_entry (
    id             text         primary key,
    tenant_id      text         not null,
    seq            bigint       not null check (seq >= 1),
    occurred_at    timestamptz  not null,
    purpose        text         not null check (purpose in ('ACCESS', 'EXPLAIN')),
    actor_kind     text         not null check (actor_kind in ('PERSON', 'APPLICATION', 'ANONYMOUS')),
    actor_id       text,
    student_id     text         not null,
    group_id       text,
    data_kind      text         not null,
    operation      text         not null,
    decision       text         not null check (decision in ('ALLOW', 'DENY')),
    failing_codes  text         not null,
    request_id     text         not null,
    prev_hash      text         not null,
    hash           text         not null,
    constraint uq_audit_entry_seq unique (tenant_id, seq)
);

create index ix_audit_entry_student on audit_entry (tenant_id, student_id, occurred_at desc);
