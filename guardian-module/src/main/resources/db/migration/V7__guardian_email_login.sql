-- Guardians' sign-in with a one-time code sent by e-mail (GUARDIAN-LOGIN.md), and per tenant which ways
-- of signing in are switched on. Same conventions as the roster (V1): named constraints, ids chosen by the
-- application, timestamps as timestamptz in UTC.

-- Which ways of signing in a tenant (organiser) allows its guardians. No row means both are allowed.
create table guardian_login_policy (
    tenant_id     uuid    not null,
    version       bigint  not null default 0,
    email_enabled boolean not null default true,
    idp_enabled   boolean not null default true,
    constraint pk_guardian_login_policy primary key (tenant_id),
    constraint fk_guardian_login_policy_tenant foreign key (tenant_id) references tenant (id) on delete restrict
);

-- One code sent to one e-mail login. Only a salted SHA-256 of the code is kept: the code itself exists only
-- in the e-mail. A code is good until expires_at, for one successful use (used_at), and only while fewer
-- than the allowed number of wrong codes were tried against it (attempts). The tenant is the login's. Codes
-- are short-lived derived data: they go with their login, unlike the roster's rows.
create table guardian_email_code (
    id          uuid        not null,
    version     bigint      not null default 0,
    login_id    uuid        not null,
    code_hash   bytea       not null,
    salt        bytea       not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    attempts    integer     not null default 0,
    used_at     timestamptz,
    constraint pk_guardian_email_code primary key (id),
    constraint fk_guardian_email_code_login foreign key (login_id) references guardian_login (id) on delete cascade,
    constraint ck_guardian_email_code_hash check (octet_length(code_hash) = 32),
    constraint ck_guardian_email_code_salt check (octet_length(salt) = 16),
    constraint ck_guardian_email_code_expiry check (expires_at > created_at),
    constraint ck_guardian_email_code_attempts check (attempts >= 0),
    constraint ck_guardian_email_code_used check (used_at is null or used_at >= created_at)
);

-- "The live codes of this login" (verification, and ending the others after a sign-in).
create index ix_guardian_email_code_login on guardian_email_code (login_id, expires_at);
-- Clearing out expired codes.
create index ix_guardian_email_code_expires on guardian_email_code (expires_at);

-- Every accepted request for a code, known address or not, for the rate limits; kept only as long as the
-- limits look back. The address and the client (e.g. the IP address) are stored as SHA-256 hex digests, never
-- in clear, so the table does not become a list of who tried to sign in from where.
create table guardian_email_code_request (
    id           uuid        not null,
    requested_at timestamptz not null,
    address_hash char(64)    not null,
    client_hash  char(64)    not null,
    constraint pk_guardian_email_code_request primary key (id),
    constraint ck_guardian_email_code_request_address check (address_hash ~ '^[0-9a-f]{64}$'),
    constraint ck_guardian_email_code_request_client check (client_hash ~ '^[0-9a-f]{64}$')
);

-- The two rate-limit counts: requests for this address, and from this client, since a moment.
create index ix_guardian_email_code_request_address on guardian_email_code_request (address_hash, requested_at);
create index ix_guardian_email_code_request_client on guardian_email_code_request (client_hash, requested_at);
-- Clearing out requests older than the window.
create index ix_guardian_email_code_request_time on guardian_email_code_request (requested_at);

-- Sign-in looks an e-mail login up by its address alone, across organisers (the roster's unique constraint
-- leads with tenant_id and so cannot serve that lookup).
create index ix_guardian_login_email_subject on guardian_login (subject) where method = 'EMAIL';
