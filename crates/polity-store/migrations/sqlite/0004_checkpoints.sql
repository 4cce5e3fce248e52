-- Signed checkpoints of the head (see checkpoint.rs): published copies of what the operator's key
-- signed. Deleting a row here hides nothing from whoever kept a copy.
CREATE TABLE checkpoints (
    seq        BIGINT NOT NULL,
    hash       TEXT   NOT NULL,
    signed_on  TEXT   NOT NULL,
    public_key TEXT   NOT NULL,
    signature  TEXT   NOT NULL,
    PRIMARY KEY (seq, public_key)
);
