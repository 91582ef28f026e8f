"""Browser-test settings local to this folder."""

import os
from pathlib import Path

from tests import conftest as shared

# Several people run the suite in one work tree, and pytest-playwright empties test-results/ at the
# start of every session: ARTIFACTS_DIR keeps one person's screenshots somewhere of their own.
if os.environ.get("ARTIFACTS_DIR"):
    shared.ARTIFACTS = Path(os.environ["ARTIFACTS_DIR"])
