-- messaging-service's database. Conversations and news come with the "Messagerie" issue;
-- the platform's outbox tables are created by service-starter's V0_1.
select 1;
