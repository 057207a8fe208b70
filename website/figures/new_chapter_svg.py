"""Run a chapter's runnable example and return its variables, so a figure uses the chapter's own numbers."""
import contextlib
import io
import pathlib
import re

DOCS = pathlib.Path(__file__).resolve().parent.parent / "docs"
STATIC = pathlib.Path(__file__).resolve().parent.parent / "static" / "img" / "figures"

# Colours chosen to read on both the light (#ffffff) and dark (#1b1b1d) page backgrounds:
# free text is a mid grey in bold; labels sit in white on saturated fills.
TEXT = "#7c7c84"
BLUE, GREEN, RED, ORANGE, PURPLE, GREY = "#2563eb", "#16a34a", "#dc2626", "#ea580c", "#7c3aed", "#6b7280"
FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\""


def run_example(chapter: str, title: str) -> dict:
    """Execute the ```python title="<title>" runnable``` block of docs/<chapter> and return its globals."""
    text = (DOCS / chapter).read_text(encoding="utf-8")
    match = re.search(r'```python title="' + re.escape(title) + r'"[^\n]*runnable[^\n]*\n(.*?)```', text, re.S)
    if not match:
        raise SystemExit(f"no runnable block {title} in {chapter}")
    namespace: dict = {"__name__": "chapter_example"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(match.group(1), title, "exec"), namespace)
    return namespace


def write_svg(relative: str, width: int, height: int, body: list[str], title: str) -> None:
    """Write an SVG with a transparent background and a <title> for assistive technology."""
    path = STATIC / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="img" {FONT}>\n<title>{title}</title>\n' + "\n".join(body) + "\n</svg>\n")
    path.write_text(svg, encoding="utf-8")
    print(f"wrote {path.relative_to(STATIC.parent.parent.parent)}")


def text(x, y, s, size=14, anchor="middle", fill=TEXT, weight="bold"):
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}" font-weight="{weight}">{s}</text>'


def box(x, y, w, h, fill, label_lines, size=13, rx=6):
    out = [f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}"/>']
    n = len(label_lines)
    for i, line in enumerate(label_lines):
        ty = y + h / 2 + (i - (n - 1) / 2) * (size + 3) + size * 0.35
        out.append(text(x + w / 2, ty, line, size=size, fill="#ffffff"))
    return out


def marker_id(colour):
    return "arrow-" + colour.lstrip("#")


def arrow(x1, y1, x2, y2, colour=TEXT, width=2, dashed=False):
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" stroke-width="{width}"{dash} '
            f'marker-end="url(#{marker_id(colour)})"/>')


ARROW_DEF = "<defs>" + "".join(
    f'<marker id="{marker_id(c)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" '
    f'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{c}"/></marker>'
    for c in (TEXT, BLUE, GREEN, RED, ORANGE, PURPLE, GREY)) + "</defs>"
