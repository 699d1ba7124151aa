-- The access key kept readable for billing-service's invoices (ADR 004): AES-256-GCM, nonce
-- followed by ciphertext and tag (dossier-service's AccessKeyCipher). Null for keys made before
-- this column: their invoices say to ask the billing service, and an agent issues a new key.
alter table dossier add column access_key_ciphertext bytea;
