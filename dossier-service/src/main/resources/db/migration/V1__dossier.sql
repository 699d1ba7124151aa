-- Family dossiers. Guardians, children, requests and documents come with the "Mon dossier" issue.
create table dossier (
    id          bigserial primary key,
    number      varchar(4)   not null unique check (number ~ '^[0-9]{3,4}$'),
    family_name varchar(100) not null,
    email       varchar(254) not null,
    phone       varchar(20),
    version     bigint       not null default 0,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(100) not null
);
