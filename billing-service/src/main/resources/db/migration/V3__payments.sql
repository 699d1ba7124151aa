-- Online payments (issue 10, « Facturation »): one row per attempt at the bank, the invoices it
-- pays, the Systempay vads_trans_id counter, and every bank notification received (audit).

create table payment (
    id             uuid          primary key,
    dossier_number varchar(20)   not null,
    family_name    varchar(200),
    email          varchar(254),
    provider       varchar(20)   not null check (provider in ('SYSTEMPAY', 'PAYFIP')),
    status         varchar(20)   not null check (status in ('IN_PROGRESS', 'PAID', 'REFUSED', 'ABANDONED')),
    amount         numeric(12,2) not null check (amount > 0),
    order_id       varchar(64)   not null unique,
    -- How the bank names it: Systempay vads_site_id / vads_ctx_mode / vads_trans_id / vads_trans_date,
    -- PayFiP numcli / saisie / idOp (no date).
    shop_id        varchar(20)   not null,
    provider_mode  varchar(20)   not null,
    reference      varchar(64)   not null,
    reference_date timestamptz,
    -- How it ended: PAID, REFUSED, ABANDONED or EXPIRED (given up by the portal), with the bank's own words.
    outcome        varchar(20),
    bank_status    varchar(64),
    bank_reference varchar(64),
    anomaly        varchar(300),
    created_by     varchar(100)  not null,
    created_at     timestamptz   not null,
    expires_at     timestamptz   not null,
    settled_at     timestamptz,
    check ((status = 'IN_PROGRESS') = (settled_at is null))
);
-- vads_trans_id is unique per shop and UTC day, case ignored; an idOp is unique.
create unique index payment_systempay_transaction on payment
    (shop_id, upper(reference), ((reference_date at time zone 'UTC')::date)) where provider = 'SYSTEMPAY';
create unique index payment_payfip_idop on payment (shop_id, reference) where provider = 'PAYFIP';
create index payment_dossier on payment (dossier_number, created_at);
create index payment_in_progress on payment (expires_at) where status = 'IN_PROGRESS';
create index payment_created_at on payment (created_at);
create index payment_settled_at on payment (settled_at);

-- The invoices of a payment, as they were when it started.
create table payment_invoice (
    payment_id     uuid          not null references payment (id),
    position       integer       not null,
    invoice_id     uuid          not null references invoice (id),
    invoice_number varchar(40)   not null,
    period         varchar(60)   not null,
    total          numeric(12,2) not null,
    primary key (payment_id, position)
);
create index payment_invoice_invoice on payment_invoice (invoice_id);

-- Systempay's vads_trans_id: a counter per shop and UTC day, incremented atomically, never reused
-- (an abandoned attempt burns its id).
create table systempay_daily_sequence (
    site_id    varchar(8) not null,
    utc_day    date       not null,
    last_value bigint     not null,
    primary key (site_id, utc_day)
);

-- Every notification the banks sent, as received, and what was done with it (audit, replays).
create table bank_notification (
    id             bigserial    primary key,
    provider       varchar(20)  not null,
    received_at    timestamptz  not null,
    remote_address varchar(64),
    payload        text         not null,
    payment_id     uuid         references payment (id),
    result         varchar(20)  not null,
    detail         varchar(500)
);
create index bank_notification_payment on bank_notification (payment_id);
create index bank_notification_received_at on bank_notification (received_at);
