-- Nothing an import plans is deleted. A school role, membership or guardian link that leaves the register on the day
-- it began (an undated fact of an earlier run that day), or before its first day, ends the day before it begins: an
-- empty period, which holds on no day, so that access ends at once, while the row stays as the record that it was
-- there. Any other period still ends on or after its first day.

alter table school_role drop constraint ck_school_role_validity;
alter table school_role add constraint ck_school_role_validity
    check (valid_to is null or valid_to >= valid_from - 1);

alter table membership drop constraint ck_membership_validity;
alter table membership add constraint ck_membership_validity
    check (valid_to is null or valid_to >= valid_from - 1);

alter table guardian_link drop constraint ck_guardian_link_validity;
alter table guardian_link add constraint ck_guardian_link_validity
    check (valid_to is null or valid_to >= valid_from - 1);
