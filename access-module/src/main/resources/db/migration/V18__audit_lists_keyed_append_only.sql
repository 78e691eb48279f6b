-- A list decided in one step is one audit entry naming each of its students with the outcome for them.
create table audit_subject (
    entry_id       text     not null references audit_entry (id),
    position       integer  not null check (position >= 0),
    student_id     text     not null,
    group_id       text,
    decision       text     not null check (decision in ('ALLOW', 'DENY')),
    failing_codes  text     not null,
    primary key (entry_id, position)
);

create index ix_audit_subject_student on audit_subject (student_id);

-- Entries are hashed with HMAC-SHA-256 under a key kept outside the database; earlier entries with SHA-256.
alter table audit_entry add column hash_alg text not null default 'SHA-256'
    check (hash_alg in ('SHA-256', 'HMAC-SHA256'));
alter table audit_entry alter column hash_alg drop default;

-- The head's position is keyed too, so that cutting entries off the end and moving the head back is found.
alter table audit_chain_head add column head_mac text;

-- The log is append-only for the application: rows are never changed or removed, whoever asks. A database
-- operator can still disable these triggers; the keyed hash is what detects a row changed that way.
create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_append_only before update or delete or truncate on audit_entry
    for each statement execute function audit_append_only();
create trigger audit_subject_append_only before update or delete or truncate on audit_subject
    for each statement execute function audit_append_only();

revoke update, delete, truncate on audit_entry, audit_subject from public;
