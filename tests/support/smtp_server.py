"""A real SMTP server for the tests (aiosmtpd): every message it takes is written to a
folder, one file per message with its envelope recipients beside it. Given a count, it drops
the connection once, on the message after that many, as a server that goes away mid-list.

    python3 smtp_server.py PORT FOLDER [DROP_AFTER]

It prints "listo" when it listens, and stops when its standard input closes.
"""
import os
import sys

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, folder, drop_after):
        self.folder = folder
        self.drop_after = drop_after
        self.taken = 0
        self.dropped = False

    async def handle_DATA(self, server, session, envelope):
        if self.drop_after and self.taken == self.drop_after and not self.dropped:
            self.dropped = True
            server.transport.close()
            return "421 4.3.2 Servicio no disponible, cerrando la conexión"
        self.taken += 1
        base = os.path.join(self.folder, "%03d" % self.taken)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".rcpt", "w", encoding="utf-8") as f:
            f.write("\n".join(envelope.rcpt_tos))
        return "250 2.0.0 OK"


def main():
    port = int(sys.argv[1])
    folder = sys.argv[2]
    drop_after = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    controller = Controller(Keep(folder, drop_after), hostname="127.0.0.1", port=port)
    controller.start()
    print("listo", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
