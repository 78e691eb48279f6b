-- Each node's audit writer appends to a chain of its own within each organisation (audit_entry.chain; '' is the one
-- chain every organisation had before), so that the nodes of a cluster never take turns on one chain head.
-- audit_chain_set lists an organisation's chains with a MAC under the audit key, so that a chain removed whole, its
-- head with it, is found. audit_entry.position orders the entries of all chains by when they were appended (the reads
-- page by it); the hash does not cover it, the chain order is seq within a chain.

alter table audit_chain_head add column chain text not null default '';
alter table audit_chain_head drop constraint audit_chain_head_pkey;
alter table audit_chain_head add primary key (tenant_id, chain);
alter table audit_chain_head alter column chain drop default;

alter table audit_entry add column chain text not null default '';
alter table audit_entry drop constraint uq_audit_entry_seq;
alter table audit_entry add constraint uq_audit_entry_chain_seq unique (tenant_id, chain, seq);

-- The entries written so far keep their order: an organisation's one chain was in seq order.
create sequence audit_entry_position;
alter table audit_entry add column position bigint;
alter table audit_entry disable trigger audit_entry_append_only;
update audit_entry set position = seq;
alter table audit_entry enable trigger audit_entry_append_only;
select setval('audit_entry_position', greatest((select max(seq) from audit_entry), 1));
alter table audit_entry alter column position set default nextval('audit_entry_position');
alter table audit_entry alter column position set not null;
create unique index uq_audit_entry_position on audit_entry (tenant_id, position);

-- 'V51' marks a list this migration wrote, unsigned: an organisation's writer signs it the first time it appends.
create table audit_chain_set (
    tenant_id  text    primary key,
    chains     text[]  not null,
    mac        text
);
insert into audit_chain_set (tenant_id, chains, mac)
select tenant_id, array_agg(chain order by chain), 'V51' from audit_chain_head group by tenant_id;
