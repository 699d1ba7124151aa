-- billing-service's database. Invoices, payments and mandates come with the "Facturation" issue;
-- the platform's outbox tables are created by service-starter's V0_1.
select 1;
