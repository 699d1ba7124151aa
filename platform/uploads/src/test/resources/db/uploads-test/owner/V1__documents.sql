-- A service that created the tables itself before the platform module existed (as dossier-service's V6).
create table stored_file (
    id            bigserial primary key,
    file_name     varchar(150) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null check (size_bytes > 0),
    sha256        varchar(64)  not null,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null
);

create table stored_file_content (
    file_id  bigint primary key references stored_file (id) on delete cascade,
    bytes    bytea  not null
);

insert into stored_file (file_name, content_type, size_bytes, sha256, created_at, created_by)
values ('reglement.pdf', 'application/pdf', 3, 'abc', now(), 'agent.jeunesse');
