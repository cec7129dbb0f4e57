#!/usr/bin/env python3
"""Screenshot a factcheck HTML report at desktop and phone widths, with JavaScript off.

    python scripts/screenshot_report.py REPORT_HTML [--out FOLDER] [--chromium PATH] [--height PX]

Writes ``desktop.png`` (1280 px wide) and ``phone.png`` (390 px wide) into FOLDER
(default ``screenshots/``), each as tall as the page's content, at device scale factor 1.
The point is to look at the report as a reader without JavaScript sees it: the page has to
be complete and readable without its script (which only adds a filter bar), on a wide
screen and on a phone, where the report's CSS media queries take over.

How: headless Chromium, started with a fresh temporary profile and no network features.
Chromium's ``--blink-settings=scriptEnabled=false`` cannot be used: with it, current headless
Chromium (checked with 156) exits 0 from ``--screenshot`` without writing any file. So the
report is instead shown in an ``<iframe sandbox="allow-same-origin">`` of exactly the target
width inside a small generated wrapper page: a sandbox without ``allow-scripts`` runs none of
the report's scripts and treats the document as scripting-disabled (``<noscript>`` shows), and
the report's media queries see the iframe's width as the viewport width.
The height comes from a first pass (``--dump-dom`` of a wrapper whose own script reads the
framed report's ``scrollHeight``; the report itself still runs no script), so the picture
has no cut-off content and no blank tail.  ``--height`` skips that pass and uses a fixed
height for both widths; if the measuring pass fails, the script falls back to 6000 px
(desktop) and 12000 px (phone) and says so.

This is a manual, look-at-it tool (``make screenshots``).  It uses the standard library only
and is not part of the test suite: ``make test`` never needs a browser.

Errors (no Chromium, report missing, Chromium failing or writing no file) print one line
``error: ...`` on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

WIDTHS = {"desktop": 1280, "phone": 390}
FALLBACK_HEIGHTS = {"desktop": 6000, "phone": 12000}
MAX_HEIGHT = 30000  # far taller than any report; keeps a runaway page from a huge bitmap
TIMEOUT_S = 120
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

# Flags for every run: headless, no sandbox (containers run as root), no GPU, and nothing
# that reaches for the network (the machine may have none).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    # The wrapper page (file://) reads the framed report (file://) to measure its height.
    "--allow-file-access-from-files",
]

_WRAPPER = """<!doctype html>
<html><head><meta charset="utf-8"><title>screenshot</title>
<style>
html, body {{ margin: 0; padding: 0; overflow: hidden; background: #fff; }}
iframe {{ display: block; border: 0; margin: 0; width: {width}px; height: {height}px; }}
</style></head>
<body><iframe id="report" scrolling="no" sandbox="allow-same-origin" src="{src}"></iframe>{script}</body></html>
"""

# Only the wrapper runs this; the sandboxed report runs no script at all.
_MEASURE_SCRIPT = """<script>
window.addEventListener("load", function () {
  var value = "failed";
  try {
    var doc = document.getElementById("report").contentDocument;
    value = String(Math.ceil(Math.max(doc.documentElement.scrollHeight,
                                      doc.body ? doc.body.scrollHeight : 0)));
  } catch (error) { value = "failed"; }
  document.body.setAttribute("data-report-height", value);
});
</script>"""

_HEIGHT_RE = re.compile(r'data-report-height="(\d+)"')


class ScreenshotError(Exception):
    """Anything that should end the script with one ``error:`` line and exit status 2."""


def find_chromium(explicit: str | None) -> str:
    """The Chromium executable: the one given, else the first on PATH, else /usr/bin/chromium."""
    if explicit:
        path = shutil.which(explicit) or (explicit if os.path.isfile(explicit) else None)
        if not path or not os.access(path, os.X_OK):
            raise ScreenshotError(f"Chromium not found or not executable: {explicit}")
        return path
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    raise ScreenshotError("no Chromium found (looked for " + ", ".join(CHROMIUM_NAMES) + "); pass --chromium PATH")


def run_chromium(chromium: str, args: list[str], what: str) -> subprocess.CompletedProcess:
    """Run Chromium once with a fresh temporary profile, which is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="screenshot-profile-") as profile:
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
        try:
            result = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise ScreenshotError(f"Chromium took over {TIMEOUT_S} s for the {what}") from None
        except OSError as error:
            raise ScreenshotError(f"could not start Chromium ({chromium}): {error.strerror or error}") from None
    if result.returncode != 0:
        raise ScreenshotError(f"Chromium failed for the {what} (exit status {result.returncode}): {last_line(result.stderr)}")
    return result


def last_line(stderr: bytes) -> str:
    """The last stderr line worth showing (Chromium logs a lot of D-Bus noise in containers)."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    useful = [line for line in lines if "dbus" not in line.lower()]
    return (useful or lines or ["no message"])[-1][:300]


def write_wrapper(folder: Path, name: str, report_url: str, width: int, height: int, measure: bool) -> str:
    path = folder / f"{name}.html"
    page = _WRAPPER.format(
        width=width,
        height=height,
        src=html.escape(report_url, quote=True),
        script=_MEASURE_SCRIPT if measure else "",
    )
    path.write_text(page, encoding="utf-8")
    return path.as_uri()


def measure_height(chromium: str, folder: Path, report_url: str, width: int) -> int | None:
    """The report's content height at this width, or None when the measuring pass fails."""
    url = write_wrapper(folder, f"measure-{width}", report_url, width, 600, measure=True)
    try:
        result = run_chromium(chromium, ["--dump-dom", f"--window-size={width},600", url], f"height measurement at {width} px")
    except ScreenshotError:
        return None
    match = _HEIGHT_RE.search(result.stdout.decode("utf-8", "replace"))
    if not match or int(match.group(1)) <= 0:
        return None
    return int(match.group(1))


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    with path.open("rb") as handle:
        head = handle.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ScreenshotError(f"Chromium wrote something that is not a PNG: {path}")
    return struct.unpack(">II", head[16:24])


def screenshot(chromium: str, folder: Path, report_url: str, name: str, width: int, height: int, target: Path) -> None:
    url = write_wrapper(folder, f"shot-{name}", report_url, width, height, measure=False)
    shot = folder / f"{name}.png"
    run_chromium(chromium, [f"--window-size={width},{height}", f"--screenshot={shot}", url], f"{name} screenshot")
    if not shot.is_file() or shot.stat().st_size == 0:
        raise ScreenshotError(f"Chromium wrote no {name} screenshot (exit status 0, no file)")
    png_size(shot)
    shutil.move(str(shot), target)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Screenshot a factcheck HTML report at desktop (1280 px) and phone (390 px) widths, JavaScript off.",
    )
    parser.add_argument("report", metavar="REPORT_HTML", help="the report.html to screenshot")
    parser.add_argument("--out", default="screenshots", metavar="FOLDER", help="output folder (default: screenshots/)")
    parser.add_argument("--chromium", metavar="PATH", help="the Chromium executable (default: chromium on PATH)")
    parser.add_argument(
        "--height",
        type=int,
        metavar="PX",
        help="fixed page height for both widths instead of measuring the content (taller pages are cut)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = Path(args.report)
        if not report.is_file():
            raise ScreenshotError(f"report not found: {args.report}")
        if args.height is not None and not 1 <= args.height <= MAX_HEIGHT:
            raise ScreenshotError(f"--height must be between 1 and {MAX_HEIGHT}")
        chromium = find_chromium(args.chromium)
        out = Path(args.out)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ScreenshotError(f"cannot create {out}: {error.strerror or error}") from None
        report_url = report.resolve().as_uri()
        with tempfile.TemporaryDirectory(prefix="screenshot-report-") as work:
            folder = Path(work)
            for name, width in WIDTHS.items():
                if args.height is not None:
                    height = args.height
                else:
                    measured = measure_height(chromium, folder, report_url, width)
                    if measured is None:
                        height = FALLBACK_HEIGHTS[name]
                        print(f"warning: could not measure the page at {width} px; using {height} px", file=sys.stderr)
                    elif measured > MAX_HEIGHT:
                        height = MAX_HEIGHT
                        print(f"warning: page is {measured} px tall at {width} px; cut at {height} px", file=sys.stderr)
                    else:
                        height = measured
                target = out / f"{name}.png"
                screenshot(chromium, folder, report_url, name, width, height, target)
                shot_width, shot_height = png_size(target)
                print(f"{target}  {shot_width}x{shot_height}")
    except ScreenshotError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
