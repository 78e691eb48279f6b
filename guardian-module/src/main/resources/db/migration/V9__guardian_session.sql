-- Sessions of guardians signed in to the guardian portal (by e-mail code or identity provider). Only a
-- hash of the session token is kept; a session ends at its expiry or when the guardian signs out.
create table guardian_session (
    id           uuid         primary key,
    version      bigint       not null default 0,
    token_hash   varchar(64)  not null,
    person_id    uuid         not null references person (id) on delete cascade,
    tenant_id    uuid         not null references tenant (id) on delete cascade,
    login_id     uuid         not null references guardian_login (id) on delete cascade,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    ended_at     timestamptz,
    constraint uq_guardian_session_token unique (token_hash),
    constraint ck_guardian_session_expiry check (expires_at > created_at)
);
create index ix_guardian_session_expiry on guardian_session (expires_at);
