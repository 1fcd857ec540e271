-- SPDX-License-Identifier: Apache-2.0
-- The local cache's first schema: a mirror of the server's client rows plus the sync
-- bookkeeping. Statements are separated by semicolons at line ends; the migration
-- runner applies the whole file in one transaction.

CREATE TABLE clients (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL,
    email               TEXT    NOT NULL DEFAULT '',
    matter              TEXT    NOT NULL DEFAULT '',
    partner_id          INTEGER,
    partner_name        TEXT    NOT NULL DEFAULT '',
    status              TEXT    NOT NULL,
    require_sign_in     INTEGER NOT NULL DEFAULT 0,
    phone_confirmation  INTEGER NOT NULL DEFAULT 0,
    version             INTEGER NOT NULL DEFAULT 1,
    change_seq          INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT,
    updated_at          TEXT,
    last_access_at      TEXT,
    last_access_address TEXT    NOT NULL DEFAULT '',
    last_access_device  TEXT    NOT NULL DEFAULT '',
    open_sessions       INTEGER NOT NULL DEFAULT 0
);

-- The list is paged by (name, id) with NOCASE; lookups by email and matter are common.
CREATE INDEX clients_by_name ON clients (name COLLATE NOCASE, id);
CREATE INDEX clients_by_email ON clients (email COLLATE NOCASE);
CREATE INDEX clients_by_matter ON clients (matter COLLATE NOCASE);

-- Key/value bookkeeping: the sync cursor and which server and account the cache holds.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
