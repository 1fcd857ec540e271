-- SPDX-License-Identifier: Apache-2.0
-- The tamper-evident audit log (SPEC F14, R4). Append-only: each row carries
-- hash = SHA-256(prev_hash ‖ canonical form of the row), see common/auditevent.h.
-- Ids are assigned by the appender (previous id + 1) and are part of the hash, so a
-- deleted or reordered row breaks the chain.

CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    time        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    actor_kind  TEXT    NOT NULL CHECK (actor_kind IN ('staff', 'client', 'system', 'anonymous')),
    actor_id    INTEGER NOT NULL DEFAULT 0,
    actor_label TEXT    NOT NULL DEFAULT '',
    client_id   INTEGER NOT NULL DEFAULT 0,
    address     TEXT    NOT NULL DEFAULT '',
    user_agent  TEXT    NOT NULL DEFAULT '',
    details     TEXT    NOT NULL DEFAULT '{}',
    prev_hash   TEXT    NOT NULL CHECK (length(prev_hash) = 64),
    hash        TEXT    NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX audit_events_client_idx ON audit_events (client_id, id);
CREATE INDEX audit_events_type_idx ON audit_events (type, id);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_kind, actor_id, id);
CREATE INDEX audit_events_time_idx ON audit_events (time);

-- Ordinary code cannot change history; someone with the database file can drop these
-- triggers, which is what the hash chain is for.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
