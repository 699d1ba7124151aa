-- The delivery log: one row per e-mail owed for an event (event id unique: never two e-mails
-- for one event), its attempts and how it ended.
create table mail_delivery (
    id          bigserial primary key,
    event_id    uuid         not null unique,
    event_type  varchar(200) not null,
    template    varchar(200) not null,
    recipient   varchar(254) not null,
    status      varchar(20)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts    integer      not null default 0,
    last_error  text,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    sent_at     timestamptz
);
create index mail_delivery_status on mail_delivery (status, updated_at);
