# SPDX-License-Identifier: Apache-2.0
"""A loopback SMTP relay that insists on STARTTLS and AUTH, for the F16 tests.

Run with Debian's /usr/bin/python3 (python3-aiosmtpd):
  smtptlsauth.py PORT CERT KEY MAILDIR USER PASSWORD RECORD
Accepted messages land in MAILDIR/new/ like aiosmtpd's Mailbox handler. Every AUTH
attempt and every accepted message is appended to RECORD as one JSON line, so a test
can check that the client authenticated and that the session was upgraded to TLS.
Prints "READY" once it accepts connections; stops on SIGTERM.
"""
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    port, cert, key, maildir, user, password, record = sys.argv[1:8]
    for sub in ("new", "cur", "tmp"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    lock = threading.Lock()

    def note(entry):
        with lock, open(record, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        note({"event": "auth", "mechanism": mechanism, "tls": session.ssl is not None,
              "login": auth_data.login.decode() if isinstance(auth_data, LoginPassword) else "",
              "success": ok})
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    class RecordingMailbox(Mailbox):
        async def handle_DATA(self, server, session, envelope):
            note({"event": "message", "tls": session.ssl is not None,
                  "authenticated": bool(session.authenticated),
                  "login": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else "",
                  "rcpt": envelope.rcpt_tos})
            return await super().handle_DATA(server, session, envelope)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    controller = Controller(RecordingMailbox(maildir), hostname="127.0.0.1", port=int(port),
                            tls_context=context, require_starttls=True, authenticator=authenticator,
                            auth_required=True, auth_require_tls=True)
    controller.start()
    print("READY", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
