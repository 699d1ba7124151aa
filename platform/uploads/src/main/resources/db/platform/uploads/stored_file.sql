-- Uploaded files of a service (platform/uploads), in the service's own database: outside any web
-- root, in the same transaction as the row that points to them (nothing half-written), backed up
-- with the rest. The bytes sit in their own table so that listing files never reads them.
-- Run by StoredFileMigration at the version the service chose (portal.uploads.flyway-version).
-- Never change this file once a database applied it: its checksum is checked by Flyway.
create table if not exists stored_file (
    id            bigserial primary key,
    file_name     varchar(150) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null check (size_bytes > 0),
    sha256        varchar(64)  not null,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null
);

create table if not exists stored_file_content (
    file_id  bigint primary key references stored_file (id) on delete cascade,
    bytes    bytea  not null
);
