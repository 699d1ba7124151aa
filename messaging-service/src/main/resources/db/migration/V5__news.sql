-- « Je m'informe »: news items written by agents. Dates are calendar days in Europe/Paris (a
-- publication « le 1er décembre » begins at midnight in Paris), hence `date`, not timestamptz.
-- The status (Brouillon, Programmée, Publiée, Expirée) is computed from `draft` and the dates.
create table news_item (
    id                bigserial     primary key,
    title             varchar(150)  not null,
    body_html         text          not null check (length(body_html) <= 40000),
    category          varchar(20)   not null check (category in ('VACANCES', 'INSCRIPTIONS', 'FORMULAIRES', 'INFORMATIONS')),
    audience          varchar(20)   not null check (audience in ('PUBLIC', 'FAMILIES')),
    publication_date  date          not null,
    expiry_date       date          check (expiry_date is null or expiry_date >= publication_date),
    deadline          date,
    link_url          varchar(500),
    link_label        varchar(100),
    draft             boolean       not null,
    form_file_id      bigint        references stored_file (id),
    version           bigint        not null default 0,
    created_at        timestamptz   not null,
    created_by        varchar(100)  not null,
    updated_at        timestamptz   not null,
    updated_by        varchar(100)  not null
);
-- Readers' query: published and not expired on a given day.
create index news_item_current on news_item (publication_date desc, id desc) where not draft;
