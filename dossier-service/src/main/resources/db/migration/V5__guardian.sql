-- The guardians (responsables légaux) of a dossier: at most two, with postal address, phones
-- (E.164) and e-mail. Guardian 1 is the dossier's contact: its e-mail and mobile phone are the
-- dossier's (where the portal's e-mails go).
create table guardian (
    id            bigserial primary key,
    dossier_id    bigint       not null references dossier (id),
    position      integer      not null check (position in (1, 2)),
    civility      varchar(10)  not null check (civility in ('MADAME', 'MONSIEUR')),
    first_name    varchar(100) not null,
    last_name     varchar(100) not null,
    email         varchar(254),
    mobile_phone  varchar(20),
    home_phone    varchar(20),
    work_phone    varchar(20),
    address_line1 varchar(200),
    address_line2 varchar(200),
    postcode      varchar(5)   check (postcode ~ '^[0-9]{5}$'),
    city          varchar(100),
    version       bigint       not null default 0,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(100) not null,
    unique (dossier_id, position)
);
