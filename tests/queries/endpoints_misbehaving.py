"""Real HTTP servers on 127.0.0.1 that misbehave the way a wrong URL or a dying server does.

`html_server` answers 200 text/html to everything (a web server, a login page, a captive portal).
`failing_proxy` forwards to a real SPARQL server but refuses writes after a budget of PUTs (a server that
dies mid-load); `lying_proxy` answers 204 to every PUT without storing anything.
"""
from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Html(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = b"<!doctype html><html><body>Welcome</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args: object) -> None:
        pass


def _proxy(upstream: str, puts_allowed: int | None, lie: bool) -> type[BaseHTTPRequestHandler]:
    budget = {"puts": puts_allowed}

    class Proxy(BaseHTTPRequestHandler):
        def _forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            if self.command == "PUT" and (lie or budget["puts"] is not None):
                if lie or budget["puts"] == 0:
                    self.send_response(204 if lie else 503)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                budget["puts"] -= 1
            headers = {k: v for k, v in self.headers.items() if k.lower() not in {"host", "connection"}}
            req = urllib.request.Request(upstream + self.path, data=body, method=self.command, headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=30) as resp:
                    status, rheaders, data = resp.status, resp.headers, resp.read()
            except urllib.error.HTTPError as exc:
                status, rheaders, data = exc.code, exc.headers, exc.read()
            self.send_response(status)
            for k, v in rheaders.items():
                if k.lower() not in {"transfer-encoding", "connection", "content-length"}:
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _forward

        def log_message(self, *args: object) -> None:
            pass

    return Proxy


@contextmanager
def _serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def html_server() -> AbstractContextManager[str]:
    return _serving(_Html)


def failing_proxy(upstream: str, puts_allowed: int) -> AbstractContextManager[str]:
    return _serving(_proxy(upstream, puts_allowed, lie=False))


def lying_proxy(upstream: str) -> AbstractContextManager[str]:
    return _serving(_proxy(upstream, None, lie=True))
