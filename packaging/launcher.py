"""Entry script of the PyInstaller bundle (``agent_desktop.__main__`` is a package module)."""

import sys

from agent_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
