"""Read a Python block out of a chapter, so a figure is drawn from the very numbers the chapter prints."""

import contextlib
import io
import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def code(chapter, title):
    """The body of the ```python fence with title="<title>" in docs/<chapter>."""
    text = (DOCS / chapter).read_text(encoding="utf-8")
    match = re.search(r'^```python[^\n]*title="' + re.escape(title) + r'"[^\n]*\n(.*?)^```', text, re.M | re.S)
    if not match:
        raise SystemExit(f"no python block titled {title!r} in {chapter}")
    return match.group(1)


def run(chapter, title, as_main=False):
    """Execute the block quietly and return its namespace (as_main runs its `if __name__ == "__main__"` part)."""
    namespace = {"__name__": "__main__" if as_main else "chapter"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code(chapter, title), f"{chapter}:{title}", "exec"), namespace)
    return namespace
