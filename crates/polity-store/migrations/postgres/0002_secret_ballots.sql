-- Secret ballots (T1): no voter column; rows are keyed by a random receipt. Who voted is public,
-- in the log. (PostgreSQL keeps physical order and transaction ids: see the trust model in
-- ARCHITECTURE.md for what a database administrator could still learn.)
CREATE TABLE ballots (
    election TEXT NOT NULL,
    receipt  TEXT NOT NULL,
    content  TEXT NOT NULL,
    PRIMARY KEY (election, receipt)
);
