-- Single-use links in one table, whatever they are for: activation (48 hours), password reset
-- (1 hour), e-mail change (24 hours). Only the SHA-256 of the random 256-bit token is kept. A link
-- acts for a Keycloak user (also accounts without a row in account: agents' imports, demo users)
-- and remembers the address it was mailed to (for an e-mail change, the new address it proves).
-- Only the newest link of a purpose works for a user: older ones are retired when it is sent.
create table single_use_link (
    id                bigserial    primary key,
    purpose           varchar(20)  not null check (purpose in ('ACTIVATION', 'PASSWORD_RESET', 'EMAIL_CHANGE')),
    keycloak_user_id  varchar(64)  not null,
    sent_to           varchar(254) not null,
    token_hash        varchar(64)  not null unique,
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    used_at           timestamptz,
    retired_at        timestamptz
);
create index single_use_link_user on single_use_link (keycloak_user_id, purpose, created_at);

-- The links of the three former tables move over with their hashes, expiries and uses. Activation
-- links act for their account's Keycloak user and were sent to its address; their revoked_at becomes
-- retired_at (password resets and e-mail changes marked a retired link as used, and stay so).
insert into single_use_link (purpose, keycloak_user_id, sent_to, token_hash, created_at, expires_at, used_at, retired_at)
select 'ACTIVATION', a.keycloak_user_id, a.email, t.token_hash, t.created_at, t.expires_at, t.used_at, t.revoked_at
from account_token t join account a on a.id = t.account_id;

-- Rows without a token or a user were only counted for rate limits (now in rate_limit_hit): no link.
insert into single_use_link (purpose, keycloak_user_id, sent_to, token_hash, created_at, expires_at, used_at)
select 'PASSWORD_RESET', r.keycloak_user_id, r.email, r.token_hash, r.created_at, r.expires_at, r.used_at
from password_reset r where r.token_hash is not null and r.keycloak_user_id is not null;

-- The old address is read from Keycloak when the change is confirmed: it is the address replaced.
insert into single_use_link (purpose, keycloak_user_id, sent_to, token_hash, created_at, expires_at, used_at)
select 'EMAIL_CHANGE', c.keycloak_user_id, c.new_email, c.token_hash, c.created_at, c.expires_at, c.used_at
from email_change c;

drop table account_token;
drop table password_reset;
drop table email_change;
