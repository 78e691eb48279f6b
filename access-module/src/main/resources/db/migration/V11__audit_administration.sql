-- Administrators' changes to facts that decide access to a student (e.g. a guardian link reactivated after the
-- child turned 18) are audited in the same hash chain as the decisions.
alter table audit_entry drop constraint if exists audit_entry_purpose_check;
alter table audit_entry add constraint audit_entry_purpose_check check (purpose in ('ACCESS', 'EXPLAIN', 'ADMINISTRATION'));
