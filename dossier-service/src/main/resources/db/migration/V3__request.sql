-- Requests (démarches) of a family and the history of their status, with the agent's comment.
create table request (
    id           bigserial primary key,
    dossier_id   bigint        not null references dossier (id),
    type         varchar(40)   not null,
    status       varchar(20)   not null check (status in ('SUBMITTED', 'IN_PROGRESS', 'ACCEPTED', 'REFUSED', 'CANCELLED')),
    description  varchar(4000),
    version      bigint        not null default 0,
    created_at   timestamptz   not null,
    created_by   varchar(100)  not null,
    updated_at   timestamptz   not null,
    updated_by   varchar(100)  not null
);
create index request_dossier on request (dossier_id, created_at desc);

create table request_status_change (
    id          bigserial primary key,
    request_id  bigint        not null references request (id) on delete cascade,
    status      varchar(20)   not null,
    comment     varchar(2000),
    changed_at  timestamptz   not null,
    changed_by  varchar(100)  not null
);
create index request_status_change_request on request_status_change (request_id, changed_at);
