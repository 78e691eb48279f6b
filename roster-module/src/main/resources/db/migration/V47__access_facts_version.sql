-- The access facts' version (roster-module, RosterFactsAdapter): a number that moves with the commit of every
-- transaction that changed a table the access facts are read from. The facts adapter reads it before it uses facts it
-- read earlier, and reads the facts again when it has moved, so that no facts outlive a roster change: a change made
-- on one node is seen by the next decision on every node, as when the facts were read for every decision.
--
-- It moves at commit, not at the write: a transaction that writes such a table marks itself once (a statement
-- trigger, a transaction-local setting and one row in access_facts_change), and the row's deferred trigger moves the
-- version when the transaction commits. The version's row is thus locked only while its transaction commits, so that
-- an import writing for a minute does not hold back a guardian's consent, and a transaction rolled back (or a
-- savepoint rolled back with its writes) moves nothing. A version read before facts that were read in another
-- statement is never newer than those facts: facts kept under a version are at least as new as the version.

create table access_facts_version (
    singleton boolean primary key default true check (singleton),
    version   bigint  not null
);
insert into access_facts_version (version) values (0);

create table access_facts_change (
    marker bigint generated always as identity primary key
);

create function access_facts_version_moves() returns trigger language plpgsql as $$
begin
    update access_facts_version set version = version + 1 where singleton;
    delete from access_facts_change where marker = new.marker;
    return null;
end
$$;

create constraint trigger access_facts_change_at_commit after insert on access_facts_change
    deferrable initially deferred for each row execute function access_facts_version_moves();

create function access_facts_changed() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('klassrum.access_facts_changed', true), '') <> 'yes' then
        perform set_config('klassrum.access_facts_changed', 'yes', true);
        insert into access_facts_change default values;
    end if;
    return null;
end
$$;

-- Every table of RosterFactsAdapter.FACTS_SQL (RosterFactsVersionTest and AccessFactsVersionTriggersTest check that none
-- is missing). The teaching module's talk invitations, also read with the facts, get theirs in its own migration.
do $$
declare
    facts_table text;
begin
    foreach facts_table in array array['person', 'guardian_login', 'licence', 'school_role', 'membership', 'study_group',
                                       'syllabus', 'teacher_subject', 'guardian_link', 'guardian_consent', 'school'] loop
        execute format('create trigger access_facts_changed after insert or update or delete or truncate on %I '
                       'for each statement execute function access_facts_changed()', facts_table);
    end loop;
end
$$;
