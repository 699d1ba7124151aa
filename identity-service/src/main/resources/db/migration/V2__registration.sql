-- Registration drafts (« Ma première connexion »), saved at each step so that a family resumes
-- the next day; a draft lives 7 days. The draft's id is a random secret held by the browser. The
-- password waits here encrypted (AES-GCM, key from configuration) until the account is created,
-- then it is erased.
create table registration (
    id                  varchar(64)  primary key,
    step                varchar(20)  not null check (step in ('DOSSIER', 'CGU', 'REVIEW', 'SUBMITTED')),
    civility            varchar(10)  not null check (civility in ('MADAME', 'MONSIEUR')),
    last_name           varchar(100) not null,
    first_name          varchar(100) not null,
    email               varchar(254) not null,
    phone               varchar(20),
    username            varchar(100) not null,
    password_encrypted  varchar(512),
    dossier_number      varchar(4),
    family_name         varchar(100),
    cgu_version         varchar(20),
    cgu_accepted_at     timestamptz,
    cgu_accepted_ip     varchar(64),
    account_id          bigint,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    expires_at          timestamptz  not null
);
create index registration_expiry on registration (expires_at);

-- Terms of use (CGU) versions; the newest published one is current.
create table cgu_version (
    version       varchar(20)  primary key,
    title         varchar(200) not null,
    body          text         not null,
    published_at  timestamptz  not null
);

-- A family account: the Keycloak user, its dossier, the CGU it accepted (version, time, IP).
create table account (
    id                bigserial    primary key,
    keycloak_user_id  varchar(64)  not null unique,
    username          varchar(100) not null unique,
    email             varchar(254) not null,
    first_name        varchar(100) not null,
    last_name         varchar(100) not null,
    dossier_number    varchar(4)   not null,
    status            varchar(20)  not null check (status in ('PENDING_ACTIVATION', 'ACTIVE')),
    cgu_version       varchar(20)  not null references cgu_version (version),
    cgu_accepted_at   timestamptz  not null,
    cgu_accepted_ip   varchar(64),
    created_at        timestamptz  not null,
    activated_at      timestamptz
);
create index account_dossier on account (dossier_number);

-- Single-use links sent by e-mail (activation now; password reset and e-mail change next): only
-- the SHA-256 of the random 256-bit token is kept.
create table account_token (
    id          bigserial    primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    purpose     varchar(20)  not null check (purpose in ('ACTIVATION')),
    token_hash  varchar(64)  not null unique,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index account_token_account on account_token (account_id, purpose, created_at);

insert into cgu_version (version, title, body, published_at) values ('2026-01',
'Conditions générales d''utilisation du Portail Famille',
'Le Portail Famille est un service en ligne de la collectivité. Il permet aux familles de consulter leur dossier, de suivre leurs démarches, de payer leurs factures et d''échanger avec les services.

Votre compte est personnel. Vous vous engagez à garder votre mot de passe secret et à signaler sans délai toute utilisation que vous n''avez pas faite.

Les informations de votre dossier sont traitées par la collectivité pour la gestion des services aux familles (accueils de loisirs, restauration scolaire, facturation). Vous pouvez y accéder, les faire rectifier ou demander leur effacement auprès du service, dans les conditions du règlement général sur la protection des données.

Le portail envoie des courriels liés à votre compte et à vos démarches à l''adresse que vous indiquez. Il n''envoie jamais votre mot de passe.

La collectivité peut faire évoluer ces conditions ; la nouvelle version vous est présentée à votre connexion suivante et doit être acceptée pour continuer.',
'2026-01-01T00:00:00Z');
