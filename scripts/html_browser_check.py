#!/usr/bin/env python3
"""Opens a page of `dossier export --format html` in headless Chromium and checks it as a reader
would meet it. Talks the DevTools protocol over --remote-debugging-pipe (file descriptors 3 and
4, JSON messages ended by NUL), so it needs nothing beyond python3 and Debian's chromium.

    html_browser_check.py PAGE --lang en|fr [--query WORDS --expect ID,ID,...]

Checks: no console error, uncaught exception, log error (a Content-Security-Policy violation is
one) or dialog; nothing loaded but the page itself; every <a href="#x"> has an element with id x;
every text at least 4.5:1 against its background, light and dark; the page opens in LANG and the
switch (clicked) shows the other language; typing WORDS in the search box (focused, then typed as
text input) shows exactly the records EXPECT and hides the others; printing shows every record and
no search box. Prints one line per problem and exits 1 if there is any, 0 otherwise, and 77 when
no Chromium is installed (the caller reports the test as skipped, with the reason printed); one
that is installed but does not start is a failure.
"""
import argparse
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

TIMEOUT = 30.0


class Browser:
    def __init__(self, binary, profile):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def wire():
            # the child's fd 3 reads our commands, fd 4 writes its answers; park both first so
            # that neither dup2 overwrites the other's source
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        arguments = [binary, "--headless=new", "--remote-debugging-pipe", "--user-data-dir=" + profile,
                     "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-extensions",
                     "--disable-background-networking", "--disable-sync", "--disable-component-update",
                     "--disable-default-apps", "--mute-audio", "--window-size=1280,900", "about:blank"]
        if os.geteuid() == 0:
            arguments.insert(1, "--no-sandbox")  # Chromium refuses to run its sandbox as root
        self.process = subprocess.Popen(arguments, pass_fds=(3, 4), preexec_fn=wire, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        wanted = self.next_id
        deadline = time.monotonic() + TIMEOUT
        while True:
            for reply in self.read(deadline):
                if reply.get("id") == wanted:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply.get("result", {})

    def read(self, deadline):
        """The messages that arrive before the deadline (at least one, or a time-out); events are kept."""
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.from_child], [], [], left)[0]:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe: " + self.process.stderr.read().decode(errors="replace")[-2000:])
            self.buffer += chunk
        *complete, self.buffer = self.buffer.split(b"\0")
        messages = [json.loads(m) for m in complete if m]
        self.events += [m for m in messages if "method" in m]
        for m in messages:
            if m.get("method") == "Page.javascriptDialogOpening":
                # a dialog blocks the page: dismiss it (the event stays, as a problem)
                self.next_id += 1
                dismiss = {"id": self.next_id, "method": "Page.handleJavaScriptDialog", "params": {"accept": False},
                           "sessionId": m.get("sessionId")}
                os.write(self.to_child, json.dumps(dismiss).encode() + b"\0")
        return messages

    def wait_for_event(self, method, seconds=TIMEOUT):
        deadline = time.monotonic() + seconds
        while True:
            for n, event in enumerate(self.events):
                if event["method"] == method:
                    del self.events[n]
                    return event
            self.read(deadline)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


CONTRAST = r"""(() => {
  function rgba(text) { const m = text.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; }
  function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); }
  function background(el) {
    for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c[3] > 0) return c; }
    return [255, 255, 255, 1];
  }
  let worst = { ratio: 99, what: '' }, measured = 0;
  for (const el of document.querySelectorAll('body *')) {
    if (!el.checkVisibility()) continue;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const fg = rgba(getComputedStyle(el).color), bg = background(el);
    const a = lum(fg), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    measured++;
    if (ratio < worst.ratio) worst = { ratio, what: el.tagName + '.' + el.className + ' "' + el.textContent.trim().slice(0, 40) + '"' };
  }
  return { measured, ratio: worst.ratio, what: worst.what };
})()"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("--lang", required=True, choices=["en", "fr"])
    parser.add_argument("--query")
    parser.add_argument("--expect", default="")
    options = parser.parse_args()

    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        print("skipped: no chromium on PATH (Debian: apt-get install chromium, or .ci/setup)")
        return 77
    started = time.monotonic()
    problems = []
    profile = tempfile.mkdtemp(prefix="dossier-chromium-")
    try:
        try:
            browser = Browser(binary, profile)
            targets = browser.send("Target.getTargets")["targetInfos"]
        except Exception as error:
            # installed but not starting is a failure, not a reason to skip
            print(f"problem: chromium ({binary}) does not start: {error}")
            return 1
        try:
            page = next(t for t in targets if t["type"] == "page")
            session = browser.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]

            def call(method, params=None):
                return browser.send(method, params, session)

            def evaluate(expression):
                result = call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
                if "exceptionDetails" in result:
                    raise RuntimeError(f"evaluating {expression[:60]}: {result['exceptionDetails']}")
                return result["result"].get("value")

            def poll(expression, seconds=5.0):
                deadline = time.monotonic() + seconds
                while time.monotonic() < deadline:
                    if evaluate(expression):
                        return True
                    time.sleep(0.05)
                return False

            for domain in ("Runtime", "Log", "Page", "Network"):
                call(domain + ".enable")
            url = "file://" + quote(os.path.abspath(options.page))
            call("Page.navigate", {"url": url})
            browser.wait_for_event("Page.loadEventFired")

            requests = [e["params"]["request"]["url"] for e in browser.events if e["method"] == "Network.requestWillBeSent"]
            if [r for r in requests if r != url]:
                problems.append(f"the page loaded something else: {[r for r in requests if r != url]}")

            broken = evaluate("""[...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href').slice(1))
                                 .filter(id => !document.getElementById(decodeURIComponent(id)))""")
            internal = evaluate("""document.querySelectorAll('a[href^="#"]').length""")
            if broken:
                problems.append(f"{len(broken)} of {internal} internal links lead nowhere, e.g. {broken[:5]}")
            others = evaluate("""[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
                                 .filter(h => !h.startsWith('#') && !/^https?:\\/\\//.test(h))""")
            if others:
                problems.append(f"links that are neither internal nor http(s): {others[:5]}")
            print(f"links: {internal} internal, all resolve" if not broken else "links: broken")

            if evaluate("document.body.className") != "l-" + options.lang or evaluate("document.documentElement.lang") != options.lang:
                problems.append(f"the page does not open in {options.lang}")

            for scheme in ("light", "dark"):
                call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                result = evaluate(CONTRAST)
                print(f"contrast ({scheme}): {result['measured']} texts, lowest {result['ratio']:.2f}:1 ({result['what']})")
                if result["measured"] == 0 or result["ratio"] < 4.5:
                    problems.append(f"contrast ({scheme}) {result['ratio']:.2f}:1 below 4.5:1 at {result['what']}")
            call("Emulation.setEmulatedMedia", {"features": []})

            if options.query is not None:
                expected = sorted(filter(None, options.expect.split(",")))
                total = evaluate("document.querySelectorAll('.rec').length")
                evaluate("document.getElementById('_q').focus()")
                call("Input.insertText", {"text": options.query})
                settled = poll(f"document.getElementById('_n').textContent === '{len(expected)}'")
                shown = evaluate("[...document.querySelectorAll('.rec')].filter(r => r.checkVisibility()).map(r => r.id).sort()")
                hidden_but_visible = evaluate("[...document.querySelectorAll('.rec[hidden]')].filter(r => r.checkVisibility()).length")
                if not settled or shown != expected:
                    problems.append(f"searching {options.query!r} shows {len(shown)} records {shown[:8]}, expected {len(expected)} {expected[:8]}")
                if hidden_but_visible:
                    problems.append(f"{hidden_but_visible} records marked hidden are still displayed")
                print(f"search {options.query!r}: {len(shown)} of {total} records shown")

                # printing shows every record, the filter notwithstanding, and no controls
                call("Emulation.setEmulatedMedia", {"media": "print"})
                printed = evaluate("[...document.querySelectorAll('.rec')].filter(r => r.checkVisibility()).length")
                tools = evaluate("document.querySelector('.tools').checkVisibility()")
                if printed != total or tools:
                    problems.append(f"print shows {printed} of {total} records, search box {'shown' if tools else 'hidden'}")
                call("Emulation.setEmulatedMedia", {"media": ""})

            other = "fr" if options.lang == "en" else "en"
            box = evaluate("(() => { const r = document.getElementById('_lang').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
            for kind in ("mousePressed", "mouseReleased"):
                call("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})
            switched = poll(f"document.body.className === 'l-{other}' && document.documentElement.lang === '{other}'")
            shows_other = evaluate(f"""(() => {{ const a = document.querySelector('h1 .{other}'), b = document.querySelector('h1 .{options.lang}');
                                       return (!a || a.checkVisibility()) && (!b || !b.checkVisibility())
                                         && [...document.querySelectorAll('.rec .{options.lang}')].every(e => !e.checkVisibility())
                                         && document.title === (a || document.querySelector('h1')).textContent; }})()""")
            if not switched or not shows_other:
                problems.append(f"the language switch does not show {other}")
            else:
                print(f"language switch: {options.lang} → {other}")

            for event in browser.events:
                method, params = event["method"], event.get("params", {})
                if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                    problems.append("console error: " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
                elif method == "Runtime.exceptionThrown":
                    problems.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:500])
                elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                    problems.append("log error: " + params["entry"].get("text", "")[:500])
                elif method == "Page.javascriptDialogOpening":
                    problems.append("a dialog opened: " + params.get("message", ""))
        finally:
            browser.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for problem in problems:
        print("problem: " + problem)
    print(f"checked in {time.monotonic() - started:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
