-- Acknowledge, then settle (ADR 004, issue 10 bench target): a bank notification whose authenticity
-- was checked is kept here as RECEIVED in one short transaction and answered 200 at once; a worker
-- settles it just after (select … for update skip locked) and writes what was done in `result`
-- (APPLIED, UNCHANGED, PENDING, REJECTED), or retries it with a growing delay and, past the last
-- attempt, leaves it FAILED for the agents (never deleted).
alter table bank_notification
    add column attempts        integer     not null default 0,
    add column next_attempt_at timestamptz,
    add column settled_at      timestamptz;

-- The worker's queue: only the rows still to settle, the due ones first.
create index bank_notification_due on bank_notification (next_attempt_at, id) where result = 'RECEIVED';
-- Notifications of one payment are settled in the order they came: the worker looks for an earlier one.
create index bank_notification_waiting on bank_notification (payment_id, id) where result = 'RECEIVED';
