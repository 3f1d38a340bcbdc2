"""Input no office writes but anyone can upload: long runs that once made the parser's work grow without bound.

A request's list of co-named bodies (县纪委监委、县委组织部和县财政局要…) was read by a pattern in which a name could hold
the joining character, so a run of 和 after a body had exponentially many readings (34 of them: over a second;
50: a hung worker). Each case runs in a child process with a generous limit, so the old behaviour fails the test
instead of hanging the suite; the limit is a hang guard, not a speed figure (speed is in ``bench/report_text.py``).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from loaders.text.addressing import Addressing
from loaders.text.parse import text_rules

ROOT_CODE = "from loaders.text.addressing import Addressing\nfrom loaders.text.parse import text_rules\n"


@pytest.mark.parametrize("run", ["和" * 60 + "。", "及" * 80 + "要", "、与" * 50])
def test_a_run_of_joining_characters_after_a_body_ends_at_once(run):
    code = ROOT_CODE + f"print(Addressing(None, text_rules()).request.match({run!r}) is not None)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"  # joining characters alone name no body: nothing here is asked


@pytest.mark.parametrize(("after_body", "asked"), [
    ("要加强监督", True),
    ("和县财政局要加强监管", True),
    ("、县委组织部和县住房和城乡建设局等部门要联合督办", True),
    ("和县审计局，下一步要跟进", True),
    ("第二监督检查室要跟进监督", True),
    ("和县财政局的意见", False),
])
def test_bodies_listed_together_are_still_asked_together(after_body, asked):
    assert (Addressing(None, text_rules()).request.match(after_body) is not None) is asked
