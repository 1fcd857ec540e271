-- SPDX-License-Identifier: Apache-2.0
-- The partners' access report counts each client's portal sessions, downloads and
-- verified browsers. Grouped by client within one event type, this index is read in
-- order and covers the time, so the count streams instead of sorting 125,000 rows per
-- type through a temporary b-tree (about 120 instead of 270 ms per type at 1,000,000
-- events). Costs about 6% more cache file.
CREATE INDEX audit_by_type_client ON audit_events (type, client_id, time);
