-- The current groups (connected and not archived) with their names, for a member page's groups of each member
-- (StudentProfiles.currentGroupNames): where only some of a municipality's groups are connected, the planner hashed
-- the whole group table for them (3.9 ms of a 30-student page against a Stockholm-size roster, 0.3 ms with this index).
-- Where most are connected, it looks them up by their key as before.
create index ix_study_group_current on study_group (id) include (name) where connected and not archived;
