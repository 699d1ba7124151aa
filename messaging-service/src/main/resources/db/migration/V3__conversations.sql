-- Conversations of a family's dossier with a service, their messages (plain text) and attachments
-- (platform/uploads' stored_file, created at version 2.1), the family accounts that wrote (their
-- e-mails, for MessageReplied), the handling steps agents read, and what each reader has read.
create table conversation (
    id                      bigserial     primary key,
    dossier_number          varchar(10)   not null,
    family_name             varchar(200)  not null,
    service_code            varchar(30)   not null references department (code),
    theme_id                bigint        not null references theme (id),
    subject                 varchar(150)  not null,
    status                  varchar(20)   not null check (status in ('NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED')),
    assigned_to             varchar(100),
    assigned_name           varchar(200),
    last_message_at         timestamptz   not null,
    last_family_message_id  bigint,
    last_family_message_at  timestamptz,
    last_agent_message_id   bigint,
    last_agent_message_at   timestamptz,
    version                 bigint        not null default 0,
    created_at              timestamptz   not null,
    created_by              varchar(100)  not null,
    updated_at              timestamptz   not null,
    updated_by              varchar(100)  not null
);
-- A family's « Messages reçus » / « Messages envoyés »; an agent's inbox per service, newest first.
create index conversation_dossier_received on conversation (dossier_number, last_agent_message_at desc);
create index conversation_dossier_sent on conversation (dossier_number, last_family_message_at desc);
create index conversation_service_inbox on conversation (service_code, last_message_at desc, id desc);

create table message (
    id               bigserial     primary key,
    conversation_id  bigint        not null references conversation (id),
    author_kind      varchar(10)   not null check (author_kind in ('FAMILY', 'AGENT')),
    author_username  varchar(100)  not null,
    author_name      varchar(200)  not null,
    service_code     varchar(30)   not null references department (code),
    body             varchar(5000) not null,
    sent_at          timestamptz   not null
);
create index message_conversation on message (conversation_id, id);

create table message_attachment (
    message_id  bigint  not null references message (id),
    position    int     not null,
    file_id     bigint  not null references stored_file (id),
    primary key (message_id, position)
);
create index message_attachment_file on message_attachment (file_id);

create table conversation_family_contact (
    conversation_id  bigint        not null references conversation (id),
    account_subject  varchar(100)  not null,
    email            varchar(254),
    name             varchar(200)  not null,
    last_written_at  timestamptz   not null
);
create index conversation_family_contact_conversation on conversation_family_contact (conversation_id);

create table conversation_step (
    conversation_id    bigint        not null references conversation (id),
    kind               varchar(20)   not null,
    from_service_code  varchar(30),
    to_service_code    varchar(30),
    note               varchar(1000),
    happened_at        timestamptz   not null,
    by_name            varchar(200)  not null
);
create index conversation_step_conversation on conversation_step (conversation_id);

create table conversation_read (
    conversation_id  bigint        not null references conversation (id),
    reader           varchar(100)  not null,
    read_message_id  bigint        not null,
    read_at          timestamptz   not null,
    primary key (conversation_id, reader)
);
