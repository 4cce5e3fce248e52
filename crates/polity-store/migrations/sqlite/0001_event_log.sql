-- The append-only, hash-chained event log. Never edit a landed migration: add a new one.
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,
    recorded_at TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    body        TEXT,
    payload     TEXT    NOT NULL,
    prev_hash   TEXT    NOT NULL,
    hash        TEXT    NOT NULL
);

-- The head of the chain, written in the same transaction as every append, so that removing the
-- last rows of `events` is detected too.
CREATE TABLE head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
