-- « Mot de passe oublié »: single-use links of one hour, for any account of the realm (also those
-- created by an agent or imported, which have no row in account): the Keycloak user id, the SHA-256
-- of the token, and who asked from where (to limit the requests per address and per IP).
create table password_reset (
    id                bigserial    primary key,
    keycloak_user_id  varchar(64),
    email             varchar(254) not null,
    requester_ip      varchar(64),
    token_hash        varchar(64)  unique,
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    used_at           timestamptz
);
create index password_reset_email on password_reset (email, created_at);
create index password_reset_ip on password_reset (requester_ip, created_at);
