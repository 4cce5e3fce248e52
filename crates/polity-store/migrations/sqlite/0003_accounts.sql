-- Sign-in for `polity serve`: accounts, API tokens and web sessions. Not part of the public,
-- hash-chained record: credentials are not governance events and may be changed or removed.
CREATE TABLE accounts (
    login    TEXT    PRIMARY KEY,  -- lower case: handles match case-insensitively
    person   TEXT,                 -- the registry person this account acts as
    password TEXT,                 -- argon2id PHC string; NULL for GitHub-only accounts
    github   TEXT,                 -- lower-case GitHub login bound to this account
    admin    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX accounts_github ON accounts (github) WHERE github IS NOT NULL;
CREATE TABLE tokens (
    hash    TEXT PRIMARY KEY,      -- SHA-256 of the token; the token itself is never stored
    login   TEXT NOT NULL REFERENCES accounts (login),
    label   TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE sessions (
    id      TEXT    PRIMARY KEY,
    data    TEXT    NOT NULL,
    expires INTEGER NOT NULL       -- Unix seconds
);
