-- A service's own first migration (as billing-service's), before it took platform/uploads.
create table invoice (
    id      bigserial primary key,
    number  varchar(20) not null unique
);
