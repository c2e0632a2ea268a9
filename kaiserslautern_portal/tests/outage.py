"""Services to break on purpose: a private redis-server on a spare port, and a socket that never answers."""

import random
import shutil
import socket
import subprocess
import threading
import time

import pytest

needs_redis_server = pytest.mark.skipif(not shutil.which("redis-server"), reason="needs the redis-server binary")


def spare_port() -> int:
    while True:
        port = random.randint(20000, 30000)  # noqa: S311 - a port number, not a secret
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port


class RedisServer:
    """A redis-server of the test's own, stopped and started again on the same port to simulate an outage."""

    def __init__(self, *args: str):
        self.port = spare_port()
        self.args = args
        self.process = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> "RedisServer":
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", *self.args]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.02)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


class SilentServer:
    """Accepts TCP connections and never says a word: a hung database as its clients see it."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.port = self.socket.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _address = self.socket.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.socket.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self.socket.close()
        for connection in self.accepted:
            connection.close()


def closed_port() -> int:
    """A port where nothing listens: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
