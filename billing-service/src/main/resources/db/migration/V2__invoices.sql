-- Invoices issued to the families' dossiers, and their lines (issue 10, « Facturation »).
-- stored_file (the PDFs) is created before, at V1.1, by platform/uploads (portal.uploads.flyway-version).
-- Money: numeric(12,2) for euros, numeric(12,4) for a tarif, numeric(8,2) for a quantity; never float.
-- Timestamps are UTC (timestamptz); issue and due dates are the days people read.
create table invoice (
    id                  uuid          primary key,
    number              varchar(40)   not null,
    dossier_number      varchar(20)   not null,
    period              varchar(60)   not null,
    issue_date          date          not null,
    due_date            date          not null,
    total               numeric(12,2) not null check (total >= 0),
    status              varchar(30)   not null,
    -- The family as dossier-service told it at import (the e-mails of this invoice and of its payment).
    family_name         varchar(200)  not null,
    email               varchar(320),
    -- SHA-256 of what the invoice says (number, dossier, period, dates, lines, total): the same
    -- number imported again with the same content is skipped, with another content refused.
    content_sha256      varchar(64)   not null,
    pdf_file_id         bigint        references stored_file (id),
    -- The payment that holds it (PAYMENT_IN_PROGRESS) or held it last; set by InvoicePayments only.
    payment_id          uuid,
    paid_at             timestamptz,
    payment_method      varchar(40),
    payment_reference   varchar(100),
    cancelled_at        timestamptz,
    cancellation_reason varchar(500),
    cancelled_by        varchar(100),
    version             bigint        not null,
    created_at          timestamptz   not null,
    created_by          varchar(100)  not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(100)  not null,
    constraint invoice_number_unique unique (number),
    constraint invoice_status_known check (status in ('TO_PAY', 'PAYMENT_IN_PROGRESS', 'PAID',
        'DIRECT_DEBIT_SCHEDULED', 'CANCELLED')),
    constraint invoice_due_after_issue check (due_date >= issue_date)
);

create index invoice_dossier on invoice (dossier_number, issue_date desc, number desc);
create index invoice_payment on invoice (payment_id) where payment_id is not null;

create table invoice_line (
    invoice_id   uuid          not null references invoice (id) on delete cascade,
    position     integer       not null,
    beneficiary  varchar(120),
    service      varchar(120)  not null,
    unit_price   numeric(12,4) not null check (unit_price >= 0),
    quantity     numeric(8,2)  not null check (quantity > 0),
    amount       numeric(12,2) not null,
    primary key (invoice_id, position)
);
