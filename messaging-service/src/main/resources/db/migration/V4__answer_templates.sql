-- « Réponses types »: answers a service's agents prepare, pick and edit before sending.
create table answer_template (
    id            bigserial     primary key,
    service_code  varchar(30)   not null references department (code),
    title         varchar(100)  not null,
    body          varchar(5000) not null,
    version       bigint        not null default 0,
    created_at    timestamptz   not null,
    created_by    varchar(100)  not null,
    updated_at    timestamptz   not null,
    updated_by    varchar(100)  not null
);
create index answer_template_service on answer_template (service_code, lower(title));
