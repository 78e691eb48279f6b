-- Microsoft Graph sync: the people the student register brought in are linked to their Microsoft accounts through
-- the education users School Data Sync made (student.externalId / teacher.externalId = the register's id). Each
-- tenant keeps the delta link of its last committed read of them, beside the one of the users' licences.

alter table graph_sync_state add column education_users_delta_link varchar(4000);
