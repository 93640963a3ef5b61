"""smguide preview: served on localhost, rebuilt on save, the last good version kept.

The first tests drive the command with CliRunner and a scripted stand-in for the file
watcher; the last one runs the real command (real watchfiles) and looks at the page in
a real headless Chromium, as a person would.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from smguide.commands.preview import Preview
from smguide.resources import builtin
from tests.conftest import edit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "multilang", tmp_path / "content")
    shutil.copytree(builtin("brand"), tmp_path / "brand")
    return tmp_path / "content"


def get(url: str, host: str | None = None) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(errors="replace"), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), dict(exc.headers)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_rebuilds_on_save_and_keeps_the_last_good_version(
        run: Callable[..., Result], project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chapter = project / "chapters" / "01-start.yaml"
    seen: dict[str, Any] = {}

    def changes(preview: Preview, stop: object) -> Iterator[set[tuple[int, str]]]:
        seen["first"] = get(preview.url)
        edit(chapter, "The [next chapter]", "Freshly edited. The [next chapter]")
        yield {(2, str(chapter))}
        seen["edited"] = get(preview.url)
        edit(chapter, "type: prose", "type: poetry")
        yield {(2, str(chapter))}
        seen["broken"] = get(preview.url)
        seen["status"] = json.loads(get(preview.url + "_smguide/status")[1])

    monkeypatch.setattr("smguide.commands.preview.watch_changes", changes)
    result = run("preview", "--port", "0")
    assert result.exit_code == 0, result.stderr

    status, page, headers = seen["first"]
    # a chapter title's last two words are tied with a no-break space (no one-word line)
    assert status == 200 and re.search(
        '<h1 class="chapter-title"[^>]*>Getting\u00a0started</h1>', page)
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert '<script src="/_smguide/live.js" defer></script>' in page
    assert "Freshly edited" in seen["edited"][1] and "smguide-error" not in seen["edited"][1]
    broken = seen["broken"][1]
    assert "Freshly edited" in broken  # the last good version stays up
    assert '<div id="smguide-error" role="alert">' in broken
    assert 'content/chapters/01-start.yaml:5:5: block 1, type: expected one of' in broken
    assert seen["status"]["version"] == 3 and "poetry" in seen["status"]["error"]
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Rebuilt the preview in ")
    assert lines[1].startswith("Serving the handbook at http://127.0.0.1:")
    assert lines[2].startswith("Rebuilt the preview in ") and lines[2].endswith(
        "(content/chapters/01-start.yaml changed)")
    assert lines[3].startswith("Error: content/chapters/01-start.yaml:5:5: block 1, type: ")
    assert lines[4:] == ["1 problem; the preview shows the last good version until it is "
                         "fixed.", "Stopped the preview."]


def test_serves_only_what_the_page_uses_and_only_to_localhost(
        run: Callable[..., Result], project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def changes(preview: Preview, stop: object) -> list[set[Any]]:
        page = get(preview.url)[1]
        seen["logo"] = get(preview.url + "_files/1.svg")
        seen["font"] = get(preview.url + "_files/2.ttf")[0]
        seen["page"] = page
        seen["missing"] = [get(preview.url + path)[0] for path in (
            "_files/99.png", "brand/_brand.yml", "../brand/_brand.yml", "etc/passwd",
            "content/guide.yaml", "%2e%2e/%2e%2e/etc/passwd")]
        seen["rebound"] = get(preview.url, host="attacker.example")[0]
        return []

    monkeypatch.setattr("smguide.commands.preview.watch_changes", changes)
    assert run("preview", "--port", "0").exit_code == 0
    assert 'src="/_files/1.svg"' in seen["page"]
    assert seen["logo"][0] == 200 and seen["logo"][2]["Content-Type"] == "image/svg+xml"
    assert seen["font"] == 200
    assert seen["missing"] == [404] * 6
    assert seen["rebound"] == 403


def test_pdf_is_rebuilt_too_and_a_busy_port_is_an_error(
        run: Callable[..., Result], project: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("smguide.commands.preview.watch_changes", lambda preview, stop: [])
    result = run("preview", "--port", "0", "--pdf")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[1].startswith("Wrote output/handbook.pdf (5 pages, ")
    assert (tmp_path / "output/handbook.pdf").read_bytes().startswith(b"%PDF-")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("preview", "--port", str(port))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot listen on 127.0.0.1:{port} (")


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                    reason="needs Debian's chromium and chromium-driver "
                           "(scripts/bootstrap --test installs them)")
def test_a_real_browser_shows_the_chapters_and_follows_each_save(project: Path,
                                                                 tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    port = free_port()
    with (tmp_path / "preview.log").open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "smguide", "preview", "--port",
                                   str(port)], cwd=tmp_path, stdout=log,
                                  stderr=subprocess.STDOUT,
                                  env={**os.environ, "PYTHONUNBUFFERED": "1"})
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    profile = tempfile.mkdtemp(prefix="smguide-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                 "--window-size=1100,900"):
        options.add_argument(flag)
    driver = None
    try:
        deadline = time.monotonic() + 30
        while "Serving the handbook" not in (tmp_path / "preview.log").read_text():
            assert server.poll() is None and time.monotonic() < deadline, \
                (tmp_path / "preview.log").read_text()
            time.sleep(0.1)
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        driver.set_page_load_timeout(20)
        # the page reloads itself on every rebuild: an element found just before a reload
        # goes stale, so each wait reads what it needs in one go and retries on that
        wait = WebDriverWait(driver, 20, poll_frequency=0.1,
                             ignored_exceptions=(StaleElementReferenceException,))
        driver.get(f"http://127.0.0.1:{port}/")

        titles = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".chapter-title")]
        assert titles == ["Getting started", "More"]
        toc = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".toc li")]
        # the number and the title, however the browser separates them (a space, a line)
        assert [" ".join(t.split()) for t in toc] in (["1 Getting started", "2 More"],
                                                       ["1Getting started", "2More"])
        # the screen stylesheet: the cover on the brand's primary colour, the brand font
        cover = driver.find_element(By.CSS_SELECTOR, ".cover")
        assert cover.value_of_css_property("background-color") == "rgba(47, 107, 79, 1)"
        wait.until(lambda d: d.execute_script(
            "return document.fonts.status === 'loaded' && [...document.fonts].some("
            "f => f.family.includes('Lato') && f.status === 'loaded')"))

        chapter = project / "chapters" / "01-start.yaml"
        edit(chapter, "The [next chapter]", "Freshly edited in the browser. The [next chapter]")
        wait.until(lambda d: "Freshly edited in the browser" in
                   d.find_element(By.TAG_NAME, "body").text)

        edit(chapter, "type: prose", "type: poetry")
        banner, body = wait.until(lambda d: [
            (e.text, d.find_element(By.TAG_NAME, "body").text)
            for e in d.find_elements(By.ID, "smguide-error") if e.is_displayed()])[0]
        assert "content/chapters/01-start.yaml:5:5: block 1, type" in banner
        assert "Freshly edited in the browser" in body and "Getting started" in body

        edit(chapter, "type: poetry", "type: prose")
        wait.until(lambda d: not d.find_elements(By.ID, "smguide-error"))
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    output = (tmp_path / "preview.log").read_text()
    assert server.returncode == 0, output
    assert "Error: content/chapters/01-start.yaml:5:5: block 1, type" in output
    assert output.rstrip().endswith("Stopped the preview.")
