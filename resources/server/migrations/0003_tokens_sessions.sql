-- SPDX-License-Identifier: Apache-2.0
-- The token engine (SPEC F2, F3, F5, F9, F11, F12, B1, B2, B4, B6): magic links, client
-- sessions, verified browsers and short codes. No secret is stored in clear: tokens and
-- session/browser ids as SHA-256 (hex, the CHECKs keep a raw 43-char value out), short
-- codes as HMAC-SHA256 under a server key that lives outside the database.

-- One row per issued link. `purpose` and `client_id` are checked on every consume (B1);
-- `reusable` freezes the link policy (F12) at issue time. revoked_reason tells the
-- consume page why a link died: 'superseded' (B2, a newer sign-in link), 'regenerated'
-- (F7) or 'revoked' (F8).
CREATE TABLE magic_tokens (
    id                  INTEGER PRIMARY KEY,
    token_hash          TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    purpose             TEXT    NOT NULL CHECK (purpose IN ('invite', 'sign_in', 'verify_browser')),
    client_id           INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    reusable            INTEGER NOT NULL DEFAULT 0 CHECK (reusable IN (0, 1)),
    created_at          TEXT    NOT NULL,
    expires_at          TEXT    NOT NULL,
    consumed_at         TEXT,
    use_count           INTEGER NOT NULL DEFAULT 0,
    revoked_at          TEXT,
    revoked_reason      TEXT,
    issued_by           INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    issued_address      TEXT,
    issued_user_agent   TEXT,
    consumed_address    TEXT,
    consumed_user_agent TEXT
);
-- Live tokens of a client, for B2 (cancel older sign-in links) and F7/F8 (kill all).
CREATE INDEX magic_tokens_client_idx ON magic_tokens (client_id, purpose) WHERE consumed_at IS NULL AND revoked_at IS NULL;

-- Server-side client sessions (F5). The cookie carries the random id; only its SHA-256
-- is here. `pending` holds what still stands between the session and the portal:
-- NULL (nothing), 'verify' (the lock, F9) or 'phone' (F11); 'revoked' marks a session
-- whose client lost access (F8), so its browser sees "access revoked", not a sign-in
-- prompt; such a session grants nothing. rotate_pending asks the
-- next request to issue a fresh id (B6) after a privilege change made by someone else
-- (staff confirming a phone code).
CREATE TABLE client_sessions (
    id                  INTEGER PRIMARY KEY,
    session_hash        TEXT    NOT NULL UNIQUE CHECK (length(session_hash) = 64),
    client_id           INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    token_id            INTEGER,
    verified_browser_id INTEGER,
    pending             TEXT    CHECK (pending IN ('verify', 'phone', 'revoked')),
    rotate_pending      INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT    NOT NULL,
    last_seen_at        TEXT    NOT NULL,
    expires_at          TEXT    NOT NULL,
    address             TEXT    NOT NULL DEFAULT '',
    device              TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX client_sessions_client_idx ON client_sessions (client_id);

-- Browsers that passed the lock (F9) for a client: long-lived, revocable.
CREATE TABLE verified_browsers (
    id           INTEGER PRIMARY KEY,
    browser_hash TEXT    NOT NULL UNIQUE CHECK (length(browser_hash) = 64),
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    verified_at  TEXT    NOT NULL,
    last_seen_at TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    address      TEXT    NOT NULL DEFAULT '',
    device       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX verified_browsers_client_idx ON verified_browsers (client_id);

-- Short codes (B4): phone confirmation (F11) and the cross-device sign-in code (F4).
-- code_hmac = HMAC-SHA256(derive("short-code", key_id), client:purpose:code) in hex.
-- A code expires after 10 minutes and dies after 5 wrong tries (attempts).
CREATE TABLE short_codes (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    session_id   INTEGER REFERENCES client_sessions (id) ON DELETE CASCADE,
    purpose      TEXT    NOT NULL CHECK (purpose IN ('phone', 'cross_device')),
    key_id       TEXT    NOT NULL,
    nonce        TEXT    NOT NULL,
    code_hmac    TEXT    NOT NULL CHECK (length(code_hmac) = 64),
    created_at   TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    confirmed_at TEXT
);
CREATE INDEX short_codes_client_idx ON short_codes (client_id, purpose, id);
CREATE INDEX short_codes_session_idx ON short_codes (session_id);
