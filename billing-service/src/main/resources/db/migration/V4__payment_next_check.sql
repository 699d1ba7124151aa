-- The expiry check (PaymentExpiry) takes 50 payments a run, the first due. A payment it could not
-- end (the bank could not answer, its provider is not configured) is asked again only after
-- next_check_at, so the next run takes others: with PayFiP down and more than 50 of its payments
-- waiting, the same 50 are no longer asked forever while newer ones wait. Null: due at expires_at.
alter table payment add column next_check_at timestamptz;
drop index payment_in_progress;
create index payment_check_due on payment ((coalesce(next_check_at, expires_at))) where status = 'IN_PROGRESS';
