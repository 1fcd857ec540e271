-- SPDX-License-Identifier: Apache-2.0
-- Document links as separate grants (F10, F8). Sending a document mints a new link (only
-- SHA-256 of a token is kept, so an earlier link cannot be sent again), and each link
-- lives on until it is revoked on its own, with its client's access (F8), or with its
-- document. revoked_reason says which page a dead link shows: 'revoked' (access
-- revoked) or 'regenerated' (staff chose to end document links with the portal link).
CREATE TABLE document_links (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    token_hash     TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_by     INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    created_at     TEXT    NOT NULL,
    revoked_at     TEXT,
    revoked_reason TEXT CHECK (revoked_reason IN ('revoked', 'regenerated'))
);
CREATE INDEX document_links_document_idx ON document_links (document_id);

-- Every existing document keeps its link. documents.token_hash stays (SQLite cannot
-- drop a UNIQUE column) and holds the first link's hash; lookups use document_links.
INSERT INTO document_links (document_id, token_hash, created_by, created_at, revoked_at, revoked_reason)
    SELECT d.id, d.token_hash, d.created_by, d.created_at, NULL, NULL FROM documents d;
