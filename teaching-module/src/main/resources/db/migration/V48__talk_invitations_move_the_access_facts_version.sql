-- The guardians a development talk invites are read with the access facts (TalkInvitations), so a change of them moves
-- the access facts' version as a roster change does (roster-module, V47).
create trigger access_facts_changed after insert or update or delete or truncate on development_talk_guardian
    for each statement execute function access_facts_changed();
