-- SS 12000 sync: the snapshot of each organisation's student register, as last read, and when that read began, so
-- that after a restart (or on another node of a cluster) the next run asks the register only for what changed since.
-- The snapshot is gzip-compressed JSON; base_url names the register it was read from (another register starts anew).

create table ss12000_snapshot (
    tenant_id       uuid                     not null,
    base_url        varchar(2000)            not null,
    read_started_at timestamp with time zone not null,
    snapshot        bytea                    not null,
    updated_at      timestamp with time zone not null,
    constraint pk_ss12000_snapshot primary key (tenant_id),
    constraint fk_ss12000_snapshot_tenant foreign key (tenant_id) references tenant (id) on delete restrict
);
