"""How fast every tab answers while training runs, measured as a window manager measures it: the
round trip of a _NET_WM_PING to the real main window on an X display (Qt answers each from its
event loop, so a ping waits for whatever the GUI thread is doing). Per preset and tab, a fresh app
is started with that tab shown; it answers pings first while paused (the baseline: the same
window, the same tab, standing still), then while the preset trains at full speed. Prints p50,
p95 and max in ms for both. Target: p95 within one frame (16 ms), max within 50 ms.

Needs an X display (run under `xvfb-run -s "-screen 0 1600x1000x24"` or set DISPLAY) and
python-xlib (`pip install python-xlib`; not a dependency of mlpviz).

    python benchmarks/tabs.py [--presets course,fast,best] [--tabs all|0,2,3] [--pings 100] [--warmup 4]
"""
from __future__ import annotations

import argparse
import json
import os
import select
import subprocess
import sys
import tempfile
import time

# The app, started with one tab shown; it prints its window id, then takes "start", "pause" and
# "quit" on stdin (read between events, so the benchmark's own commands cost the GUI nothing extra).
DRIVER = r"""
import sys
from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication
from mlpviz.cli import limit_blas_threads
from mlpviz.gui import app as gui_app, style, translation
limit_blas_threads()  # one BLAS thread, as `mlpviz` sets it before the app starts
sys.setswitchinterval(gui_app.SWITCH_INTERVAL)  # as gui_app.run sets it: the GUI thread's turn at the GIL
app = QApplication(sys.argv[:1])
app.setApplicationName("mlpviz"); app.setOrganizationName("mlpviz")
translation.install("en")
style.configure()
from mlpviz.gui.main_window import MainWindow
w = MainWindow(preset=sys.argv[1])
w.files.confirm_discard = lambda what: True  # quit without the unsaved-work prompt
w.resize(1400, 900)
w.show()
w.tabs.setCurrentIndex(int(sys.argv[2]))
gui_app.freeze_startup_objects()
print(int(w.winId()), w.tabs.tabText(int(sys.argv[2])).replace("&", ""), w.tabs.count(), flush=True)
def command():
    line = sys.stdin.readline().strip()
    if line == "start" and w.state != "running":
        w.toggle_run()
    elif line == "pause" and w.state == "running":
        w.toggle_run()
    elif line in ("quit", ""):
        print(w.state, flush=True)  # still "running" if the measurement stayed inside the run
        w.close()
notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(command)
sys.exit(app.exec())
"""


def ping(window_id: int, n: int, gap: float = 0.05) -> dict:
    """n _NET_WM_PING round trips to the window, as xping does: p50, p95, max (ms), lost."""
    from Xlib import X, display, protocol
    d = display.Display()
    root = d.screen().root
    root.change_attributes(event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
    w = d.create_resource_object("window", window_id)
    proto, ping_atom = d.intern_atom("WM_PROTOCOLS"), d.intern_atom("_NET_WM_PING")
    rtts, lost = [], 0
    for i in range(n):
        stamp = 1000 + i
        ev = protocol.event.ClientMessage(window=w, client_type=proto, data=(32, [ping_atom, stamp, window_id, 0, 0]))
        t0 = time.perf_counter()
        w.send_event(ev, event_mask=X.NoEventMask)
        d.flush()
        got = False
        while time.perf_counter() - t0 < 2.0 and not got:
            while d.pending_events():
                e = d.next_event()
                if (e.type == X.ClientMessage and e.client_type == proto and e.data[1][0] == ping_atom
                        and e.data[1][1] == stamp):
                    rtts.append((time.perf_counter() - t0) * 1000)
                    got = True
            if not got:
                select.select([d], [], [], 0.002)
        lost += not got
        time.sleep(gap)
    d.close()
    rtts.sort()

    def q(p):
        return rtts[min(len(rtts) - 1, int(p * len(rtts)))] if rtts else float("nan")

    return {"p50": q(0.5), "p95": q(0.95), "max": rtts[-1] if rtts else float("nan"), "lost": lost}


def raise_if_dead(p: subprocess.Popen, window: str) -> None:
    if not window or p.poll() is not None:
        raise SystemExit(f"the app did not start (exit status {p.poll()}); is DISPLAY set to an X display?")


def run(preset: str, tab: int, pings: int, warmup: float) -> dict:
    env = {**os.environ, "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="mlpviz-tabs-"), "LANG": "en_US.UTF-8"}
    env.pop("QT_QPA_PLATFORM", None)
    p = subprocess.Popen([sys.executable, "-c", DRIVER, preset, str(tab)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True, env=env)
    try:
        head = p.stdout.readline().split()
        raise_if_dead(p, head[0] if head else "")
        window, count, name = int(head[0]), int(head[-1]), " ".join(head[1:-1])
        time.sleep(warmup)  # the window laid out and its first repaints done
        paused = ping(window, pings // 2)
        p.stdin.write("start\n")
        p.stdin.flush()
        time.sleep(warmup)  # training at full speed, the views refreshing
        training = ping(window, pings)
        p.stdin.write("quit\n")
        p.stdin.flush()
        state = p.stdout.readline().strip()
        p.wait(timeout=30)
        return {"tab": name, "tabs": count, "paused": paused, "training": training, "state_at_end": state}
    finally:
        if p.poll() is None:
            p.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--presets", default="course,fast,best")
    ap.add_argument("--tabs", default="all", help="tab indices, comma-separated, or all")
    ap.add_argument("--pings", type=int, default=100, help="pings while training (half as many while paused)")
    ap.add_argument("--warmup", type=float, default=4.0, help="seconds before each measurement")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        raise SystemExit("needs an X display: run under xvfb-run -s '-screen 0 1600x1000x24', or set DISPLAY")
    try:
        import Xlib  # noqa: F401
    except ImportError:
        raise SystemExit("needs python-xlib: pip install python-xlib") from None
    for preset in args.presets.split(","):
        tabs = [0] if args.tabs == "all" else [int(t) for t in args.tabs.split(",")]
        print(f"\n{preset}: ping round trip, ms (paused: the same window standing still)")
        print(f"  {'tab':28s} {'paused p50 / p95 / max':>24s}   {'training p50 / p95 / max':>26s}  lost")
        i = 0
        while i < len(tabs):
            r = run(preset, tabs[i], args.pings, args.warmup)
            if args.tabs == "all" and i == 0:
                tabs = list(range(r["tabs"]))
            a, b = r["paused"], r["training"]
            print(f"  {r['tab'][:28]:28s} {a['p50']:6.1f} / {a['p95']:5.1f} / {a['max']:5.1f}     "
                  f"{b['p50']:6.1f} / {b['p95']:5.1f} / {b['max']:5.1f}    {a['lost'] + b['lost']}"
                  + ("" if r["state_at_end"] == "running" else f"  (training had stopped: {r['state_at_end']})"),
                  flush=True)
            print(json.dumps({"preset": preset, **r}), file=sys.stderr)
            i += 1


if __name__ == "__main__":
    main()
