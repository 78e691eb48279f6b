-- A booking mail (booked, moved, confirmed, cancelled) names the talk and keeps what it tells instead of a text: the
-- mentor group, the offer's title, the time, the length, the place and the mentor's name as they were at that moment
-- (a cancelled talk is deleted with its booking). Its sender decides it again as the recipient and writes it in their
-- language when sending; a mail to a guardian who may no longer read the talk is withheld.
alter table mail_outbox add column group_id uuid;
alter table mail_outbox add column talk_title text;
alter table mail_outbox add column talk_starts_at timestamptz;
alter table mail_outbox add column talk_minutes integer;
alter table mail_outbox add column talk_place text;
alter table mail_outbox add column talk_mentor text;
alter table mail_outbox add column talk_confirmed_at timestamptz;
