-- A guardian's login to the guardian portal (GUARDIAN_LOGIN): through an identity provider, e.g. BankID
-- through an IdP, or by e-mail, administered by the school or organiser. Same conventions as V1: named
-- constraints (mapped to RosterError), tenant_id kept on the row and part of the foreign key, nothing deleted
-- in normal use (a login is disabled, not removed). V3 belongs to the access module (audit log).

create table guardian_login (
    id          uuid         not null,
    version     bigint       not null default 0,
    tenant_id   uuid         not null,
    guardian_id uuid         not null,
    method      varchar(20)  not null,
    subject     varchar(320) not null,
    enabled     boolean      not null default true,
    constraint pk_guardian_login primary key (id),
    constraint fk_guardian_login_tenant foreign key (tenant_id) references tenant (id) on delete restrict,
    constraint fk_guardian_login_guardian foreign key (guardian_id, tenant_id)
        references person (id, tenant_id) on delete restrict,
    -- One identity signs in as one person of the organisation, whether enabled or not: re-enabling an old
    -- login must not make two people share it.
    constraint uq_guardian_login unique (tenant_id, method, subject),
    constraint ck_guardian_login_method check (method in ('IDP', 'EMAIL')),
    constraint ck_guardian_login_subject check (length(btrim(subject)) > 0),
    -- As GuardianLogin stores it: lower case and shaped like an address, so that case cannot dodge the
    -- unique constraint.
    constraint ck_guardian_login_email check (
        method <> 'EMAIL' or (subject = lower(subject) and subject ~ '^[^@[:space:]]+@[^@[:space:]]+$'))
);

-- "Has this person an enabled login" (GUARDIAN_LOGIN), read with every guardian's decision.
create index ix_guardian_login_guardian on guardian_login (guardian_id);
