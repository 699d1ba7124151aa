-- The direct-debit files the treasury sends to the bank (issue 12), one per collection date, kept whole
-- (downloadable again), and each debit of a file: the invoice it collects, the mandate, the sequence
-- type, and whether the bank rejected it.
create table direct_debit_collection (
    id               uuid          primary key,
    collection_date  date          not null,
    message_id       varchar(35)   not null unique,
    pain_version     varchar(20)   not null,
    debit_count      integer       not null check (debit_count > 0),
    control_sum      numeric(14,2) not null check (control_sum > 0),
    file_name        varchar(100)  not null,
    file_content     bytea         not null,
    version          bigint        not null default 0,
    created_at       timestamptz   not null,
    created_by       varchar(100)  not null,
    updated_at       timestamptz   not null,
    updated_by       varchar(100)  not null,
    -- Once per date: exporting the same date again offers the same file, nobody is debited twice.
    constraint direct_debit_collection_date_unique unique (collection_date)
);

create table direct_debit_item (
    id                uuid          primary key,
    collection_id     uuid          not null references direct_debit_collection (id),
    end_to_end_id     varchar(35)   not null unique,
    invoice_id        uuid          not null references invoice (id),
    invoice_number    varchar(40)   not null,
    dossier_number    varchar(20)   not null,
    mandate_id        uuid          not null references direct_debit_mandate (id),
    rum               varchar(35)   not null,
    holder_name       varchar(70)   not null,
    masked_iban       varchar(50)   not null,
    amount            numeric(12,2) not null check (amount > 0),
    sequence_type     varchar(4)    not null check (sequence_type in ('FRST', 'RCUR', 'FNAL', 'OOFF')),
    amended           boolean       not null,
    status            varchar(20)   not null check (status in ('SCHEDULED', 'REJECTED')),
    rejection_code    varchar(10),
    rejection_label   varchar(200),
    rejected_at       timestamptz,
    rejected_by       varchar(100),
    check (status <> 'REJECTED' or (rejection_code is not null and rejected_at is not null))
);
create index direct_debit_item_collection on direct_debit_item (collection_id, dossier_number, invoice_number);
create index direct_debit_item_mandate on direct_debit_item (mandate_id, status);
-- An invoice is collected at most once while its debit stands.
create unique index direct_debit_item_one_standing on direct_debit_item (invoice_id) where status = 'SCHEDULED';

-- The invoice's side: the day it is collected once in a file, and whether a rejected debit took it out of
-- direct debit (the family pays it online; later files leave it out).
alter table invoice
    add column direct_debit_date     date,
    add column direct_debit_excluded boolean not null default false;
create index invoice_to_collect on invoice (dossier_number, due_date) where status = 'TO_PAY' and not direct_debit_excluded;
