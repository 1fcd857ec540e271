-- SPDX-License-Identifier: Apache-2.0
-- Filter-as-you-type over 100,000 clients: LIKE '%term%' must read every row when
-- the term is rare (over a second measured). A trigram full-text index answers
-- substring searches of three or more characters from the index instead; shorter
-- terms match so many rows that the ordered scan stops early anyway.
CREATE VIRTUAL TABLE clients_fts USING fts5(name, email, matter, content='clients', content_rowid='id', tokenize='trigram');
INSERT INTO clients_fts (rowid, name, email, matter) SELECT id, name, email, matter FROM clients;
CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN INSERT INTO clients_fts (rowid, name, email, matter) VALUES (new.id, new.name, new.email, new.matter); END;
CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN INSERT INTO clients_fts (clients_fts, rowid, name, email, matter) VALUES ('delete', old.id, old.name, old.email, old.matter); END;
CREATE TRIGGER clients_fts_update AFTER UPDATE ON clients BEGIN INSERT INTO clients_fts (clients_fts, rowid, name, email, matter) VALUES ('delete', old.id, old.name, old.email, old.matter); INSERT INTO clients_fts (rowid, name, email, matter) VALUES (new.id, new.name, new.email, new.matter); END;
