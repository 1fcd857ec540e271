-- SPDX-License-Identifier: Apache-2.0
-- wrk script: POST /portal/<token> as the Continue button does (the path comes from
-- the URL given to wrk). A 303 is a consumption; anything else shows up in wrk's
-- "Non-2xx or 3xx responses" line.
wrk.method = "POST"
wrk.body = "x=1"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0"
