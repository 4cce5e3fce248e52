-- What polity owes people and webhooks: one row per message, keyed by what it is about and to
-- whom, so that deriving it again (a restart, a second server) inserts nothing. Not part of the
-- hash-chained record: it is derived from it. Times are Unix seconds.
CREATE TABLE outbox (
    key           TEXT    PRIMARY KEY,  -- kind/what/recipient, or webhook/N/seq
    channel       TEXT    NOT NULL,     -- mail | webhook
    kind          TEXT    NOT NULL,     -- a notice kind, or the event kind for a webhook
    recipient     TEXT    NOT NULL,     -- a person id, or the webhook's URL
    address       TEXT    NOT NULL,     -- an e-mail address, or the webhook's URL
    lang          TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    body_text     TEXT    NOT NULL,     -- for a webhook: the JSON body
    body_html     TEXT    NOT NULL,
    created       BIGINT  NOT NULL,
    attempts      BIGINT  NOT NULL DEFAULT 0,
    next_attempt  BIGINT  NOT NULL,     -- not before; after the last attempt: never
    claimed_until BIGINT,                -- a sender's lease, so that two servers never both send
    claimed_by    TEXT,
    sent          BIGINT,
    last_error    TEXT
);
CREATE INDEX outbox_pending ON outbox (next_attempt) WHERE sent IS NULL;
-- How far each webhook has been given the record's events (by sequence number): a webhook added
-- later starts at the head of that day, not at the beginning of the record.
CREATE TABLE outbox_cursors (
    name TEXT   PRIMARY KEY,
    seq  BIGINT NOT NULL
);
