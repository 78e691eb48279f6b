-- Bookable development talks: the mentor offers times in a mentor group, a guardian (or the student) books one.
-- A booking is the development talk it is booked for; the database, not a check in code, keeps one booking per
-- time and one per student and offer, so two guardians booking the same time at once get one booking.

create table talk_offer (
    id          uuid         primary key,
    version     bigint       not null default 0,
    group_id    uuid         not null references study_group (id) on delete restrict,
    mentor_id   uuid         not null references person (id) on delete restrict,
    title       text         not null check (length(title) between 1 and 200),
    created_at  timestamptz  not null
);
create index ix_talk_offer_group on talk_offer (group_id, created_at desc);

-- Preparation questions the mentor sets on the offer, in order.
create table talk_offer_question (
    offer_id  uuid     not null references talk_offer (id) on delete cascade,
    position  integer  not null check (position >= 0),
    text      text     not null check (length(text) between 1 and 1000),
    primary key (offer_id, position)
);

create table talk_slot (
    id         uuid         primary key,
    version    bigint       not null default 0,
    offer_id   uuid         not null references talk_offer (id) on delete cascade,
    starts_at  timestamptz  not null,
    minutes    integer      not null check (minutes between 5 and 240),
    place      text         not null check (length(place) between 1 and 500),
    constraint uq_talk_slot_of_offer unique (id, offer_id)
);
create index ix_talk_slot_offer on talk_slot (offer_id, starts_at);

create table talk_booking (
    talk_id       uuid         primary key references development_talk (id) on delete cascade,
    offer_id      uuid         not null,
    slot_id       uuid         not null,
    student_id    uuid         not null references person (id) on delete restrict,
    booked_by     uuid         not null references person (id) on delete restrict,
    booked_at     timestamptz  not null,
    confirmed_at  timestamptz,
    -- one talk in a time, one booking of each student in an offer
    constraint uq_talk_booking_slot unique (slot_id),
    constraint uq_talk_booking_student unique (offer_id, student_id),
    constraint fk_talk_booking_slot foreign key (slot_id, offer_id) references talk_slot (id, offer_id)
        on delete restrict
);

-- The student's and the guardians' answers to the preparation questions, one per question and person.
create table talk_answer (
    talk_id      uuid         not null references talk_booking (talk_id) on delete cascade,
    position     integer      not null,
    author_id    uuid         not null references person (id) on delete restrict,
    answer       text         not null,
    answered_at  timestamptz  not null,
    primary key (talk_id, position, author_id)
);
