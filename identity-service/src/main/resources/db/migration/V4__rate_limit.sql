-- Requests counted per IP (registrations started, dossier references tried) over a sliding hour,
-- shared by every replica of identity-service. Rows older than a day are deleted.
create table rate_limit_hit (
    id      bigserial    primary key,
    bucket  varchar(120) not null,
    at      timestamptz  not null
);
create index rate_limit_hit_bucket on rate_limit_hit (bucket, at);
