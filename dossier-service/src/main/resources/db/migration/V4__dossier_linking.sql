-- The access key printed on invoices beside the dossier number (stored only as a BCrypt hash),
-- and the attempts to link an account to a dossier with it (for the lockout after 5 failures).
alter table dossier add column access_key_hash varchar(100);

create table dossier_link_attempt (
    id            bigserial primary key,
    dossier_id    bigint      not null references dossier (id) on delete cascade,
    attempted_at  timestamptz not null,
    succeeded     boolean     not null
);
create index dossier_link_attempt_recent on dossier_link_attempt (dossier_id, attempted_at desc);
