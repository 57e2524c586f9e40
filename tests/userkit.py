"""`briefs` as an ordinary user would run it, for the tests of folders and files without permission.

Root reads and writes whatever the permission bits say; where the tests run as
root, the command runs in a process of its own without the capabilities that
let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so a chmod means what it means
for a user. Without setpriv, root cannot be made to fail and those tests skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

_WITHOUT_ROOTS_RIGHTS = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]
AS_A_USER = _WITHOUT_ROOTS_RIGHTS if os.geteuid() == 0 else []

needs_a_user = pytest.mark.skipif(
    os.geteuid() == 0 and not shutil.which("setpriv"), reason="needs setpriv to run without root's rights"
)


def briefs_as_a_user(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``briefs ARGS`` in a process of its own, as a user without root's rights."""
    command = [*AS_A_USER, sys.executable, "-c", "from briefs.cli import app; app()", *args]
    environment = {**os.environ, "OMP_NUM_THREADS": "1", **(env or {})}
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
