-- A list decided in one step is one audit entry naming each of its students with the outcome for them (V18). The
-- subjects now live in the entry's own row, as the text its hash covers: each subject's canonical form (student,
-- group, decision, failing codes, separated by chr(30)), in the list's order, separated by chr(29). Appending a
-- 30-student list is one row instead of 31, each of those with two indexes and a foreign key check.
alter table audit_entry add column subjects text;

-- The lists written so far, moved into their entries unchanged: the text is the one their hashes were computed over,
-- so the chains verify as before. The append-only trigger is set aside for this one statement of the migration.
alter table audit_entry disable trigger audit_entry_append_only;
update audit_entry e
set subjects = s.stored
from (select entry_id,
             string_agg(concat_ws(chr(30), student_id, coalesce(group_id, ''), decision, failing_codes), chr(29)
                        order by position) as stored
      from audit_subject
      group by entry_id) s
where s.entry_id = e.id;
alter table audit_entry enable trigger audit_entry_append_only;

drop table audit_subject;

-- The students a list names, for the per-student extract: read from the same text, so that the index finds what
-- the hash covers and nothing else.
create function audit_subject_students(subjects text) returns text[] language sql immutable strict parallel safe as $$
    select array(select split_part(subject, chr(30), 1) from unnest(string_to_array(subjects, chr(29))) subject)
$$;

create index ix_audit_entry_subject_students on audit_entry using gin (audit_subject_students(subjects))
    where subjects is not null;
