-- SPDX-License-Identifier: Apache-2.0
-- The browsers (devices) each client has signed in from (B7): the new-sign-in notice goes
-- out only for a device the client has not used before. A device is named by the secret
-- in its long-lived __Host-gh_device cookie; only SHA-256 of that secret is kept (R1).
CREATE TABLE client_devices (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    device_hash   TEXT    NOT NULL CHECK (length(device_hash) = 64),
    first_seen_at TEXT    NOT NULL,
    last_seen_at  TEXT    NOT NULL,
    UNIQUE (client_id, device_hash)
);
