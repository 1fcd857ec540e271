-- SPDX-License-Identifier: Apache-2.0
-- Staff sign-in hardening (SPEC R7) and client documents (F10).

-- Failed sign-ins per account (kind 'account', key = lower-cased email, known or not)
-- and per source address (kind 'address'). A row exists only while failures count;
-- success on an account deletes its row. locked_until is when the next attempt may run.
CREATE TABLE sign_in_failures (
    kind            TEXT    NOT NULL CHECK (kind IN ('account', 'address')),
    key             TEXT    NOT NULL,
    failures        INTEGER NOT NULL DEFAULT 0,
    last_failure_at TEXT    NOT NULL,
    locked_until    TEXT,
    PRIMARY KEY (kind, key)
);

-- TOTP (RFC 6238): staff.totp_secret (from 0001) holds the confirmed secret; a pending
-- one waits here until the first code proves the authenticator app has it. The last
-- accepted time step is kept so one code cannot be used twice.
ALTER TABLE staff ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE staff ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

-- Documents for a client, stored in the database so they are backed up, deleted and
-- committed (with their audit entry) together with everything else. Each has its own
-- link token; only its SHA-256 (hex) is stored.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    content      BLOB    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_by   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    created_at   TEXT    NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX documents_client_idx ON documents (client_id, id);
