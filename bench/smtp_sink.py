"""An SMTP server that accepts and discards, for the fan-out benchmark: `python -m bench.smtp_sink PORT STATS_FILE`.

Every 0.2 s it writes "<messages accepted> <unix time of the last one>" to STATS_FILE.
"""

import asyncio
import os
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self):
        self.count = 0
        self.last = 0.0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        self.last = time.time()
        return "250 OK"


def main():
    port, stats = int(sys.argv[1]), sys.argv[2]
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        while True:
            with open(f"{stats}.new", "w") as out:
                out.write(f"{sink.count} {sink.last}")
            os.replace(f"{stats}.new", stats)  # readers never see a half-written file
            time.sleep(0.2)
    finally:
        controller.stop()


if __name__ == "__main__":
    asyncio.set_event_loop(asyncio.new_event_loop())
    main()
