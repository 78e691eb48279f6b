-- Mail written in the business transaction and sent afterwards by whichever node claims it first
-- (select ... for update skip locked), retried with a growing wait while the SMTP server fails; nothing is lost
-- and nothing is sent twice. A body carries a title, a time and a link, never a student's information.
create table mail_outbox (
    id               uuid         primary key,
    recipient_id     uuid         not null references person (id) on delete cascade,
    kind             varchar(40)  not null,
    subject          text         not null,
    body             text         not null,
    calendar         text,
    created_at       timestamptz  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    sent_at          timestamptz,
    last_error       text
);
create index ix_mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null;
