-- The agents' digest goes to each agent of the service (identity-service's directory), no longer to a
-- service mailbox. message_digest_entry.digest_sent_at now says when a message was first listed in any
-- agent's digest (digest_recipient is no longer written: the V2 mailbox digests keep theirs).

-- One row per agent known to receive a service's digest (an agent with an e-mail in the directory):
-- joined_at, when the digest first saw the agent (it gets the messages nobody was told of yet, and
-- every later one; not those already in another agent's digest before it joined), last_sent_at its
-- last digest (at most one per interval). An agent gone from the directory loses its row.
create table message_digest_agent (
    service_code varchar(100) not null,
    agent_id     varchar(100) not null,
    joined_at    timestamptz  not null,
    last_sent_at timestamptz,
    email        varchar(254),
    primary key (service_code, agent_id)
);

-- Which agent's digest listed which message: never twice to the same agent.
create table message_digest_delivery (
    entry_id  bigint       not null references message_digest_entry (id),
    agent_id  varchar(100) not null,
    sent_at   timestamptz  not null,
    recipient varchar(254) not null,
    primary key (entry_id, agent_id)
);
create index message_digest_entry_service on message_digest_entry (service_code, id);
