-- Each person's choice of notification mail: at once, a daily digest or none, and the language of their mails. A
-- person without a row has the defaults of the settings (README, "Settings").
create table mail_preference (
    person_id   uuid         primary key references person (id) on delete cascade,
    frequency   varchar(12)  not null check (frequency in ('IMMEDIATELY', 'DAILY', 'OFF')),
    language    varchar(2)   not null check (language in ('sv', 'en')),
    updated_at  timestamptz  not null
);

-- A notification mail names what it tells about (the event and the student, or the digest's period) instead of
-- carrying a text: its sender decides it again as the recipient and writes it in their language when sending. The
-- key makes the mail that two nodes would both write one row (insert ... on conflict do nothing); a mail the rules no
-- longer let through is withheld, never sent.
alter table mail_outbox add column event_id uuid;
alter table mail_outbox add column about_id uuid;
-- The reminder the day before a booked talk names the talk (TALK_REMINDER, once per talk, time and person).
alter table mail_outbox add column talk_id uuid;
alter table mail_outbox add column period_from timestamptz;
alter table mail_outbox add column once_key text;
alter table mail_outbox add column withheld_at timestamptz;
alter table mail_outbox add constraint uq_mail_outbox_once unique (once_key);
