-- SPDX-License-Identifier: Apache-2.0
-- wrk script: POST /portal/<token> as the Continue button does (the path comes from
-- the URL given to wrk). A 303 is a consumption; anything else shows up in wrk's
-- "Non-2xx or 3xx responses" line.
-- The CSRF pair comes from the Continue page, fetched once by consume.sh.
wrk.method = "POST"
wrk.body = os.getenv("GATEHOUSE_BENCH_BODY")
wrk.headers["Cookie"] = os.getenv("GATEHOUSE_BENCH_COOKIE")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0"
