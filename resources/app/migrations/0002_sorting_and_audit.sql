-- SPDX-License-Identifier: Apache-2.0
-- Sorting the client list by any column with keyset paging needs an index per sort
-- key (ending in id, the tie-breaker); and the audit log gets its local copy.
CREATE INDEX clients_by_email_id ON clients (email COLLATE NOCASE, id);
CREATE INDEX clients_by_matter_id ON clients (matter COLLATE NOCASE, id);
CREATE INDEX clients_by_partner_id ON clients (partner_name COLLATE NOCASE, id);
CREATE INDEX clients_by_status_id ON clients (status, id);
CREATE INDEX clients_by_status_name ON clients (status, name COLLATE NOCASE, id);
CREATE INDEX clients_by_lock_id ON clients (require_sign_in, id);
CREATE INDEX clients_by_access_id ON clients (ifnull(last_access_at, ''), id);
CREATE INDEX clients_by_sessions_id ON clients (open_sessions, id);

-- The audit log as synced from the server, append-only, oldest id first. Events are
-- stored exactly as received so the hash chain can be re-verified from this table.
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    time        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    actor_kind  TEXT    NOT NULL DEFAULT '',
    actor_id    INTEGER NOT NULL DEFAULT 0,
    actor_label TEXT    NOT NULL DEFAULT '',
    client_id   INTEGER NOT NULL DEFAULT 0,
    address     TEXT    NOT NULL DEFAULT '',
    user_agent  TEXT    NOT NULL DEFAULT '',
    details     TEXT    NOT NULL DEFAULT '{}',
    prev_hash   TEXT    NOT NULL,
    hash        TEXT    NOT NULL
);

-- Newest-first pages per filter: every indexed filter ends in id so a page is a range scan.
CREATE INDEX audit_by_client ON audit_events (client_id, id);
CREATE INDEX audit_by_type ON audit_events (type, id);
CREATE INDEX audit_by_actor ON audit_events (actor_label COLLATE NOCASE, id);
CREATE INDEX audit_by_time ON audit_events (time);
