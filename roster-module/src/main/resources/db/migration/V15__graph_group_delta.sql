-- Microsoft Graph sync: each connected Microsoft group's owners and members are read through a groups delta query,
-- one per group. Klassrum keeps what Microsoft last listed (the user ids, owners and members apart) and the delta
-- link to ask from next time (users by their Entra object id, as person.entra_object_id); both are written in the same transaction as the memberships they give, so a sync that
-- fails leaves them where they were and the next run asks for the same changes again.

create table graph_group_state (
    tenant_id          uuid                     not null,
    microsoft_group_id varchar(100)             not null,
    delta_link         varchar(4000)            not null,
    updated_at         timestamp with time zone not null,
    constraint pk_graph_group_state primary key (tenant_id, microsoft_group_id),
    constraint fk_graph_group_state_tenant foreign key (tenant_id) references tenant (id) on delete restrict
);

create table graph_group_listing (
    tenant_id          uuid         not null,
    microsoft_group_id varchar(100) not null,
    relation           varchar(6)   not null,
    entra_object_id    uuid         not null,
    constraint pk_graph_group_listing primary key (tenant_id, microsoft_group_id, relation, entra_object_id),
    constraint ck_graph_group_listing_relation check (relation in ('OWNER', 'MEMBER')),
    constraint fk_graph_group_listing_state foreign key (tenant_id, microsoft_group_id)
        references graph_group_state (tenant_id, microsoft_group_id) on delete cascade
);
