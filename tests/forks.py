"""A child forked while another thread of the parent holds a lock: what it can still do."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from types import ModuleType

WAIT_S = 20.0  # a child that has not finished by then is taken as stuck


def forked_while_held(module: ModuleType, work: Callable[[], object]) -> int | None:
    """The exit code of a child forked while another thread holds `module._lock`, doing
    `work` (0 when it ran, 1 when it raised), or None when it was stuck (killed)."""
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with module._lock:
            held.set()
            release.wait()

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait()
    pid = os.fork()
    if pid == 0:  # the child: no pytest, no exit handlers
        try:
            work()
        except BaseException:  # noqa: BLE001 - told by the exit code
            os._exit(1)
        os._exit(0)
    release.set()
    holder.join()
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None
