-- SPDX-License-Identifier: Apache-2.0
-- The mail outbox (SPEC F16, R9) and rate-limit counters (F13, B3).

-- One row per email. The rendered MIME message is stored encrypted (AES-256-GCM,
-- key derived from the keyring under "outbox", key_id says which key): it carries the
-- magic link, and no token may sit in the database in clear (R1). After delivery the
-- ciphertext is wiped; the row stays as a record of what was sent when.
-- state: queued → sending (claimed by one sender until claimed_until) → sent, or
-- retrying (backoff) → ... → dead (after max_attempts or max_age; admins can retry).
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    template        TEXT    NOT NULL,
    to_address      TEXT    NOT NULL,
    client_id       INTEGER NOT NULL DEFAULT 0,
    state           TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'retrying', 'sent', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    claimed_by      TEXT,
    claimed_until   TEXT,
    last_error      TEXT    NOT NULL DEFAULT '',
    message_id      TEXT    NOT NULL,
    key_id          TEXT    NOT NULL,
    sealed          BLOB,
    created_at      TEXT    NOT NULL,
    queued_at       TEXT    NOT NULL,
    sent_at         TEXT,
    dead_at         TEXT
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at);

-- Fixed-window counters. key_hash is SHA-256 (hex) of the counted key, never the raw
-- email or address. window_start is in Unix seconds.
CREATE TABLE rate_limits (
    bucket       TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL CHECK (length(key_hash) = 64),
    window_start INTEGER NOT NULL,
    window_end   INTEGER NOT NULL,
    hits         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (bucket, key_hash)
);
CREATE INDEX rate_limits_end_idx ON rate_limits (window_end);
