-- A change of e-mail waits for the new address to be proven: a single-use link of 24 hours sent to
-- it (only the SHA-256 of the token kept). The old address is told once it is done.
create table email_change (
    id                bigserial    primary key,
    keycloak_user_id  varchar(64)  not null,
    old_email         varchar(254) not null,
    new_email         varchar(254) not null,
    token_hash        varchar(64)  not null unique,
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    used_at           timestamptz
);
create index email_change_user on email_change (keycloak_user_id, created_at);
