"""A minimal Chrome DevTools Protocol driver for the explorer tests: real headless Chromium, no mocks.

Only what the tests need: open a file:// page with networking off, collect console errors, exceptions,
network requests and JavaScript dialogs, evaluate JS, move the mouse, take a screenshot.
"""
from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websocket

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-port=0", "--window-size=1400,900")


@dataclass
class PageLog:
    """Everything a page did that a test may want to assert on."""

    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


class Browser:
    """One headless Chromium with a fresh profile, driven over its browser-level websocket."""

    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="ckg-chromium-")
        self.proc = subprocess.Popen([str(CHROMIUM), *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("Chromium did not open its DevTools port")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=60,
                                              suppress_origin=True)
        self._next = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send one command and wait for its answer, keeping the events that arrive meanwhile."""
        self._next += 1
        message: dict = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def new_page(self) -> Page:
        for old in self.send("Target.getTargets")["targetInfos"]:
            if old["type"] == "page":  # one tab at a time: only the front tab gets hover and animation frames
                self.send("Target.closeTarget", {"targetId": old["targetId"]})
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Page(self, session)

    def close(self) -> None:
        if getattr(self, "ws", None) is not None:
            self.ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab: offline, instrumented, with `alert` turned into a flag the test can read."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser, self.session = browser, session
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Network.emulateNetworkConditions",
                  {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.addScriptToEvaluateOnNewDocument", {"source": (
            "window.__xss = 0; for (const f of ['alert', 'confirm', 'prompt'])"
            " window[f] = () => { window.__xss += 1; };")})

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, self.session)

    def log(self) -> PageLog:
        """Console errors, uncaught exceptions, CSP reports, requests and dialogs seen so far."""
        out = PageLog()
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in {"error", "assert"}:
                out.console_errors.append(" ".join(str(a.get("value", a.get("description")))
                                                   for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                out.console_errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                out.console_errors.append(params["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                out.requests.append(params["request"]["url"])
            elif method == "Page.javascriptDialogOpening":
                out.dialogs.append(params.get("message", ""))
        return out

    def open(self, url: str, *, ready_timeout: float = 60.0) -> float:
        """Navigate and wait until the explorer says its layout settled; returns seconds taken."""
        start = time.monotonic()
        self.send("Page.bringToFront")  # background tabs get no animation frames: no hover, no tooltip
        self.send("Page.navigate", {"url": url})
        while not self.eval("!!(window.ckg && window.ckg.ready)"):
            if time.monotonic() - start > ready_timeout:
                raise TimeoutError(f"explorer not ready after {ready_timeout:.0f}s")
            time.sleep(0.05)
        return time.monotonic() - start

    def eval(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"JS error in {expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def mouse(self, kind: str, x: float, y: float) -> None:
        params = {"type": kind, "x": x, "y": y, "button": "left" if kind != "mouseMoved" else "none",
                  "clickCount": 1 if kind != "mouseMoved" else 0}
        self.send("Input.dispatchMouseEvent", params)

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path
