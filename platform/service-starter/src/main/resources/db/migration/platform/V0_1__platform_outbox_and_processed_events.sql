-- Platform tables of every service (shipped by service-starter, found by Flyway under
-- classpath:db/migration/platform). Services' own migrations start at V1.

-- Transactional outbox: written in the same transaction as the change, published by OutboxRelay.
create table outbox_event (
    id           bigserial primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    event_key    varchar(200) not null,
    event_type   varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz,
    attempts     integer      not null default 0,
    last_error   text
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Idempotent consumers: the events each consumer has handled, written with the effect.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
