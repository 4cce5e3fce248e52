-- Secret ballots (T1): no voter column and no insertion order (WITHOUT ROWID, keyed by a random
-- receipt), so nothing in this table links a ballot to a voter. Who voted is public, in the log.
CREATE TABLE ballots (
    election TEXT NOT NULL,
    receipt  TEXT NOT NULL,
    content  TEXT NOT NULL,
    PRIMARY KEY (election, receipt)
) WITHOUT ROWID;
