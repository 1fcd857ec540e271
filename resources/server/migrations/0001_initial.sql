-- SPDX-License-Identifier: Apache-2.0
-- Gatehouse portal schema, version 1: staff accounts, their API tokens, clients and
-- the global change sequence that feeds incremental sync. Times are ISO-8601 UTC text
-- with milliseconds ("2026-11-28T08:31:00.000Z"), which sorts correctly as text.
-- Statements end with ";" at the end of a line; the migrator splits on that.

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    name          TEXT    NOT NULL DEFAULT '',
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'partner', 'paralegal')),
    password_hash TEXT    NOT NULL,
    totp_secret   TEXT,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX staff_role_idx ON staff (role);

-- Only SHA-256 (hex) of a bearer token is ever stored; the CHECK keeps a raw token
-- (43 characters) from being written here by mistake.
CREATE TABLE staff_api_tokens (
    id           INTEGER PRIMARY KEY,
    staff_id     INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    token_hash   TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at   TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT,
    user_agent   TEXT,
    address      TEXT
);
CREATE INDEX staff_api_tokens_staff_idx ON staff_api_tokens (staff_id);
CREATE INDEX staff_api_tokens_expires_idx ON staff_api_tokens (expires_at);

-- Named monotonic counters. "change_seq" orders every client change server-wide.
CREATE TABLE counters (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('change_seq', 0);

CREATE TABLE clients (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL,
    email               TEXT    NOT NULL COLLATE NOCASE,
    matter              TEXT    NOT NULL,
    partner_id          INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    status              TEXT    NOT NULL DEFAULT 'draft'
                                CHECK (status IN ('draft', 'invited', 'active', 'revoked', 'expired')),
    require_sign_in     INTEGER NOT NULL DEFAULT 0 CHECK (require_sign_in IN (0, 1)),
    phone_confirmation  INTEGER NOT NULL DEFAULT 0 CHECK (phone_confirmation IN (0, 1)),
    version             INTEGER NOT NULL DEFAULT 1,
    change_seq          INTEGER NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    last_access_at      TEXT,
    last_access_address TEXT,
    last_access_device  TEXT
);
CREATE UNIQUE INDEX clients_change_seq_idx ON clients (change_seq);
CREATE INDEX clients_email_idx ON clients (email);
CREATE INDEX clients_partner_idx ON clients (partner_id);
