"""Regenerate every figure drawn with svgfig.py: /usr/bin/python3 website/figures/build_all.py"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HELPERS = {"svgfig.py", "chapter_code.py", "build_all.py"}

sys.path.insert(0, str(HERE))
for script in sorted(HERE.glob("*.py")):
    # Only the scripts built on svgfig honour FIGURES_OUT; figure scripts with their own writer are left alone.
    if script.name not in HELPERS and "from svgfig import" in script.read_text(encoding="utf-8"):
        runpy.run_path(str(script), run_name="__main__")
