-- identity-service's database. Its tables (registration drafts, terms of use versions and
-- acceptances, account links) come with the "Ma première connexion" issue; the platform's outbox
-- tables are created by service-starter's V0_1.
select 1;
