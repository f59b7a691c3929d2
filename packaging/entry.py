"""Entry point of the frozen build (PyInstaller needs a script, not a module)."""

import sys

from golive_desk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
