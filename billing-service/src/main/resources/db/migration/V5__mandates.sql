-- Direct debit (issue 12): a dossier's SEPA mandate, signed with an e-mailed one-time code (only its
-- hash here). The IBAN is kept whole: the bank's file needs it; the API shows it masked.
create table direct_debit_mandate (
    id               uuid          primary key,
    dossier_number   varchar(20)   not null,
    status           varchar(20)   not null check (status in ('PENDING_SIGNATURE', 'ACTIVE', 'REVOKED', 'LAPSED')),
    holder_name      varchar(70)   not null,
    address_line     varchar(140)  not null,
    postcode         varchar(10)   not null,
    city             varchar(70)   not null,
    iban             varchar(34)   not null,
    bic              varchar(11),
    rum              varchar(35)   unique,
    text_version     varchar(40)   not null,
    code_hash        varchar(64),
    code_expires_at  timestamptz,
    code_tries_left  integer       not null default 0,
    signed_at        timestamptz,
    signed_ip        varchar(45),
    signed_by        varchar(100),
    email            varchar(254)  not null,
    family_name      varchar(200),
    version          bigint        not null default 0,
    created_at       timestamptz   not null,
    created_by       varchar(100)  not null,
    updated_at       timestamptz   not null,
    updated_by       varchar(100)  not null,
    check (status <> 'ACTIVE' or (rum is not null and signed_at is not null))
);
-- One active mandate per dossier, whatever two requests at once do.
create unique index direct_debit_mandate_one_active on direct_debit_mandate (dossier_number) where status = 'ACTIVE';
create index direct_debit_mandate_dossier on direct_debit_mandate (dossier_number, created_at desc);
