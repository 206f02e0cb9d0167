"""Real HTTP servers on 127.0.0.1 that misbehave the way a wrong URL or a dying server does.

`html_server` answers 200 text/html to everything (a web server, a login page, a captive portal).
`failing_proxy` forwards to a real SPARQL server but refuses writes after a budget of PUTs (a server that
dies mid-load); `lying_proxy` answers 204 to every PUT without storing anything.
"""
from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: What a stub answers: status, headers (Content-Length is added), body.
Reply = tuple[int, list[tuple[str, str]], bytes]
#: Decides the reply from the request: method, path, headers, body (None when empty).
Responder = Callable[[str, str, dict[str, str], bytes | None], Reply]

_HTML = b"<!doctype html><html><body>Welcome</body></html>"
_HOP_BY_HOP = {"transfer-encoding", "connection", "content-length"}


def _handler(respond: Responder) -> type[BaseHTTPRequestHandler]:
    """One handler for every stub: read the request, let `respond` decide, write its reply for any method."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            status, headers, data = respond(self.command, self.path, dict(self.headers.items()), body)
            self.send_response(status)
            for key, value in headers:
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, *args: object) -> None:
            """Quiet: the tests read what clients report, not the access log."""

    return Handler


def _html(method: str, path: str, headers: dict[str, str], body: bytes | None) -> Reply:
    return 200, [("Content-Type", "text/html; charset=utf-8")], _HTML


def _forwarding(upstream: str, puts_allowed: int | None, lie: bool) -> Responder:
    """Forward to `upstream`; PUTs beyond `puts_allowed` get 503, or every PUT gets 204 unstored when `lie`."""
    budget = {"puts": puts_allowed}

    def respond(method: str, path: str, headers: dict[str, str], body: bytes | None) -> Reply:
        if method == "PUT" and lie:
            return 204, [], b""
        if method == "PUT" and budget["puts"] is not None:
            if budget["puts"] == 0:
                return 503, [], b""
            budget["puts"] -= 1
        sent = {k: v for k, v in headers.items() if k.lower() not in {"host", "connection"}}
        req = urllib.request.Request(upstream + path, data=body, method=method, headers=sent)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                status, rheaders, data = resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as exc:
            status, rheaders, data = exc.code, exc.headers, exc.read()
        return status, [(k, v) for k, v in rheaders.items() if k.lower() not in _HOP_BY_HOP], data

    return respond


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
    return _serving(_handler(_html))


def failing_proxy(upstream: str, puts_allowed: int) -> AbstractContextManager[str]:
    return _serving(_handler(_forwarding(upstream, puts_allowed, lie=False)))


def lying_proxy(upstream: str) -> AbstractContextManager[str]:
    return _serving(_handler(_forwarding(upstream, None, lie=True)))
