-- Uploaded files (documents for families, attachments of requests) are kept in the database:
-- outside any web root, in the same transaction as the row that points to them (nothing
-- half-written), backed up with the rest. The bytes sit in their own table so that listing
-- documents never reads them.
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

-- Documents made available to a family: uploaded by an agent (file_id), or an invoice of
-- billing-service that joined the list through an event (external_ref, download_url).
create table document (
    id            bigserial primary key,
    dossier_id    bigint       not null references dossier (id),
    type          varchar(20)  not null check (type in ('ATTESTATION', 'REGLEMENT', 'FORMULAIRE', 'FACTURE', 'AUTRE')),
    title         varchar(200) not null,
    file_id       bigint       references stored_file (id),
    external_ref  varchar(100) unique,
    download_url  varchar(300),
    file_name     varchar(150) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    published_at  timestamptz  not null,
    version       bigint       not null default 0,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(100) not null,
    check (file_id is not null or (external_ref is not null and download_url is not null))
);
create index document_dossier on document (dossier_id, published_at desc);

alter table request add column attachment_file_id bigint references stored_file (id);
