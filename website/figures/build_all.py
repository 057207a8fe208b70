"""Regenerate every figure of the book: /usr/bin/python3 website/figures/build_all.py"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HELPERS = {"svgfig.py", "chapter_code.py", "build_all.py"}

sys.path.insert(0, str(HERE))
for script in sorted(HERE.glob("*.py")):
    if script.name not in HELPERS:
        runpy.run_path(str(script), run_name="__main__")
