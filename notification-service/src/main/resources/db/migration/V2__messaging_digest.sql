-- A reply mail goes to every address the family is known by (one mail, all in To): room for several.
alter table mail_delivery alter column recipient type varchar(2000);

-- The agents' digest: one row per MessageSent event (event id unique: an event counted once),
-- marked with the digest that listed it (digest_sent_at null: still to be listed).
create table message_digest_entry (
    id               bigserial primary key,
    event_id         uuid         not null unique,
    service_code     varchar(100) not null,
    service_name     varchar(200),
    theme_name       varchar(200),
    message_subject  text,
    dossier_number   varchar(50),
    family_name      varchar(200),
    conversation_id  bigint       not null,
    new_conversation boolean      not null,
    written_at       timestamptz  not null,
    received_at      timestamptz  not null,
    digest_sent_at   timestamptz,
    digest_recipient varchar(254)
);
create index message_digest_entry_pending on message_digest_entry (service_code, written_at)
    where digest_sent_at is null;

-- One row per service: locked (select … for update) while its digest is made and sent, so that two
-- instances never send the same digest, and when the last one went (at most one per interval).
create table message_digest_service (
    service_code varchar(100) primary key,
    last_sent_at timestamptz
);
