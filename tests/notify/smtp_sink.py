#!/usr/bin/python3
"""A real SMTP server for the notification tests: aiosmtpd on loopback with STARTTLS required
(a certificate made with openssl for 127.0.0.1), saving every accepted message to DIR as
msg-N.eml and appending "<epoch ms> <Message-ID>" to DIR/received.log when it accepts one.

Faults, one per DATA command, are read from DIR/faults (one word a line, consumed in order):
  refuse   answer 554 to the message
  drop     close the connection after the data arrived, before any reply
  stall    answer nothing for 10 s (the client times out), then refuse it
With --auth USER:PASSWORD the server requires AUTH (after STARTTLS) before MAIL, offering PLAIN
and LOGIN, or only the one --auth-mechanism names; it appends "<mechanism> <login> ok|denied" to
DIR/auth.log for every attempt.
Prints "listening on PORT CAFILE" once ready; stops on SIGTERM or when stdin closes (with
--until-signal, on SIGTERM only).
"""
import argparse
import asyncio
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def make_cert(directory):
    cert = os.path.join(directory, "smtp-cert.pem")
    key = os.path.join(directory, "smtp-key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext",
                    "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.lock = threading.Lock()

    def next_fault(self):
        path = os.path.join(self.directory, "faults")
        with self.lock:
            try:
                with open(path) as f:
                    lines = [line.strip() for line in f if line.strip()]
            except FileNotFoundError:
                return None
            if not lines:
                return None
            with open(path + ".tmp", "w") as f:
                f.write("".join(line + "\n" for line in lines[1:]))
            os.replace(path + ".tmp", path)
            return lines[0]

    async def handle_DATA(self, server, session, envelope):
        fault = self.next_fault()
        if fault == "refuse":
            # Quotes the recipient, as real servers do: the client must not store or log it.
            return "554 5.6.0 Message to %s refused by the test server" % ",".join(envelope.rcpt_tos)
        if fault == "drop":
            server.transport.abort()
            return "421 4.4.2 Dropped"  # never reaches the client
        if fault == "stall":
            await asyncio.sleep(10)
            return "451 4.3.0 Too late"  # the client gave up long ago: never stored
        message_id = ""
        for line in envelope.content.decode("utf-8", "replace").splitlines():
            if line.lower().startswith("message-id:"):
                message_id = line.split(":", 1)[1].strip()
            if not line:
                break
        with self.lock:
            self.count += 1
            name = os.path.join(self.directory, "msg-%d.eml" % self.count)
            with open(name + ".tmp", "wb") as f:
                f.write(envelope.content)
            os.replace(name + ".tmp", name)
            with open(os.path.join(self.directory, "received.log"), "a") as f:
                f.write("%d %s\n" % (int(time.time() * 1000), message_id))
        return "250 2.0.0 Message accepted"


class Authenticator:
    def __init__(self, directory, login, password):
        self.directory = directory
        self.login = login.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == self.login
              and auth_data.password == self.password)
        login = auth_data.login.decode("utf-8", "replace") if isinstance(auth_data, LoginPassword) else "-"
        with open(os.path.join(self.directory, "auth.log"), "a") as f:
            f.write("%s %s %s\n" % (mechanism, login, "ok" if ok else "denied"))
        return AuthResult(success=ok, handled=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--until-signal", action="store_true",
                        help="ignore stdin and stop on SIGTERM only (scripts/run's demo)")
    parser.add_argument("--auth", help="USER:PASSWORD: require AUTH after STARTTLS")
    parser.add_argument("--auth-mechanism", choices=["PLAIN", "LOGIN"],
                        help="offer only this mechanism (default: both)")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    cert, key = make_cert(args.dir)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    auth = {}
    if args.auth:
        login, _, password = args.auth.partition(":")
        auth = dict(authenticator=Authenticator(args.dir, login, password), auth_required=True,
                    auth_require_tls=True)
        if args.auth_mechanism:
            auth["auth_exclude_mechanism"] = [m for m in ("PLAIN", "LOGIN")
                                              if m != args.auth_mechanism]
    controller = Controller(Sink(args.dir), hostname="127.0.0.1", port=port,
                            tls_context=context, require_starttls=True, **auth)
    controller.start()
    print("listening on %d %s" % (port, cert), flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    if not args.until_signal:
        threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
