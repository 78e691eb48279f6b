-- Guardians' sign-in through an identity provider over OpenID Connect (GUARDIAN-LOGIN.md): one row per sign-in
-- that has been sent to the provider and has not come back yet. It holds what the callback must check and
-- must not take from the browser: the nonce the ID token must carry, the PKCE code verifier, and the redirect
-- URI the code was issued for. The state and the browser's binding value are kept only as SHA-256 hex digests,
-- so a copy of the table completes nobody's sign-in. A row is deleted when its callback arrives (it works once)
-- or, expired, by a later start.
create table guardian_oidc_state (
    state_hash    char(64)      not null,
    binding_hash  char(64)      not null,
    nonce         varchar(200)  not null,
    code_verifier varchar(128)  not null,
    redirect_uri  varchar(2000) not null,
    created_at    timestamptz   not null,
    expires_at    timestamptz   not null,
    constraint pk_guardian_oidc_state primary key (state_hash),
    constraint ck_guardian_oidc_state_hash check (state_hash ~ '^[0-9a-f]{64}$'),
    constraint ck_guardian_oidc_state_binding check (binding_hash ~ '^[0-9a-f]{64}$'),
    constraint ck_guardian_oidc_state_expiry check (expires_at > created_at)
);

-- Clearing out sign-ins that never came back.
create index ix_guardian_oidc_state_expires on guardian_oidc_state (expires_at);

-- Sign-in looks an IdP login up by its subject alone, across organisers (the roster's unique constraint leads
-- with tenant_id and so cannot serve that lookup).
create index ix_guardian_login_idp_subject on guardian_login (subject) where method = 'IDP';
