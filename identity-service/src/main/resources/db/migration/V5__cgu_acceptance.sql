-- Which CGU version each Keycloak user accepted, when and from where: at registration, then each
-- time a new version is published (accepted at the next login). Also for accounts created outside
-- the registration (agents' imports, demo users), which have no row in account.
create table cgu_acceptance (
    id                bigserial    primary key,
    keycloak_user_id  varchar(64)  not null,
    version           varchar(20)  not null references cgu_version (version),
    accepted_at       timestamptz  not null,
    accepted_ip       varchar(64),
    unique (keycloak_user_id, version)
);
create index cgu_acceptance_user on cgu_acceptance (keycloak_user_id, accepted_at desc);
