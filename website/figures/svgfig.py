"""A tiny SVG writer for the book's figures: no dependencies beyond the standard library.

Text and axes use currentColor, so a figure inlined in a page (imported as a React component through
Docusaurus's SVGR loader) takes the page's text colour in light and dark mode. Data colours are mid-tones
that read on white and on the dark theme's #1b1b1d. No <style>, no ids: several figures can share a page.
"""

import os
from html import escape
from pathlib import Path

BLUE = "#3d7fd6"
ORANGE = "#e07b24"
GREEN = "#2f9e44"
RED = "#d6336c"
PURPLE = "#8e6fd8"
GREY = "#868e96"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

# FIGURES_OUT lets the book's test regenerate every figure elsewhere and compare it with the committed one.
STATIC = Path(os.environ.get("FIGURES_OUT") or Path(__file__).resolve().parent.parent / "static" / "img" / "figures")


def num(v):
    """A coordinate written briefly and identically on every machine."""
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


class Svg:
    """One figure: a list of SVG elements in a viewBox of width x height."""

    def __init__(self, width, height, title):
        self.width, self.height, self.title = width, height, title
        self.items = []

    def add(self, element):
        self.items.append(element)

    def line(self, x1, y1, x2, y2, color="currentColor", width=1.5, dash=None, opacity=None):
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        extra += f' stroke-opacity="{opacity}"' if opacity is not None else ""
        self.add(f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" stroke="{color}" '
                 f'stroke-width="{width}"{extra}/>')

    def polyline(self, points, color="currentColor", width=2, dash=None, fill="none", opacity=None):
        pts = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        extra += f' fill-opacity="{opacity}"' if opacity is not None else ""
        self.add(f'<polyline points="{pts}" fill="{fill}" stroke="{color}" stroke-width="{width}" '
                 f'stroke-linejoin="round"{extra}/>')

    def polygon(self, points, fill="none", stroke="currentColor", width=1.5, opacity=None, dash=None):
        pts = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        extra = f' fill-opacity="{opacity}"' if opacity is not None else ""
        extra += f' stroke-dasharray="{dash}"' if dash else ""
        self.add(f'<polygon points="{pts}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"{extra}/>')

    def rect(self, x, y, w, h, fill="none", stroke="currentColor", width=1.5, rx=4, opacity=None, dash=None):
        extra = f' fill-opacity="{opacity}"' if opacity is not None else ""
        extra += f' stroke-dasharray="{dash}"' if dash else ""
        self.add(f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="{rx}" fill="{fill}" '
                 f'stroke="{stroke}" stroke-width="{width}"{extra}/>')

    def circle(self, x, y, r, fill="currentColor", stroke="none", width=1.5, opacity=None):
        extra = f' fill-opacity="{opacity}"' if opacity is not None else ""
        self.add(f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{fill}" stroke="{stroke}" '
                 f'stroke-width="{width}"{extra}/>')

    def text(self, x, y, s, size=13, anchor="start", color="currentColor", weight=None, italic=False):
        extra = f' font-weight="{weight}"' if weight else ""
        extra += ' font-style="italic"' if italic else ""
        self.add(f'<text x="{num(x)}" y="{num(y)}" font-size="{size}" text-anchor="{anchor}" fill="{color}"'
                 f'{extra}>{escape(s)}</text>')

    def arrow(self, x1, y1, x2, y2, color="currentColor", width=1.5, head=8, dash=None):
        """A line from (x1, y1) with a filled head at (x2, y2)."""
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5 or 1.0
        ux, uy = dx / length, dy / length
        bx, by = x2 - ux * head, y2 - uy * head
        self.line(x1, y1, bx, by, color, width, dash)
        self.polygon([(x2, y2), (bx - uy * head * 0.45, by + ux * head * 0.45),
                      (bx + uy * head * 0.45, by - ux * head * 0.45)], fill=color, stroke=color, width=1)

    def box(self, x, y, w, h, label, color="currentColor", sub=None, fill_opacity=0.12, size=13):
        """A rounded box with a centred label (and an optional smaller second line)."""
        self.rect(x, y, w, h, fill=color if color != "currentColor" else "none", stroke=color,
                  opacity=fill_opacity if color != "currentColor" else None)
        if sub:
            self.text(x + w / 2, y + h / 2 - 3, label, size, "middle", weight="600")
            self.text(x + w / 2, y + h / 2 + 13, sub, size - 2, "middle")
        else:
            self.text(x + w / 2, y + h / 2 + 4.5, label, size, "middle", weight="600")

    def render(self):
        body = "\n  ".join(self.items)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
                f'width="100%" style="max-width:{self.width}px" font-family="{FONT}">\n'
                f"  <title>{escape(self.title)}</title>\n  {body}\n</svg>\n")

    def save(self, module, name):
        path = STATIC / module / f"{name}.svg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.render(), encoding="utf-8")
        print(f"wrote {module}/{name}.svg")


class Axes:
    """A plot area inside an Svg, mapping data coordinates to the viewBox."""

    def __init__(self, svg, x, y, w, h, xlim, ylim):
        self.svg, self.x, self.y, self.w, self.h = svg, x, y, w, h
        self.xlim, self.ylim = xlim, ylim

    def X(self, v):
        return self.x + (v - self.xlim[0]) / (self.xlim[1] - self.xlim[0]) * self.w

    def Y(self, v):
        return self.y + self.h - (v - self.ylim[0]) / (self.ylim[1] - self.ylim[0]) * self.h

    def frame(self, xticks, yticks, xlabel, ylabel, xfmt="{:g}", yfmt="{:g}", grid=True):
        s = self.svg
        for t in xticks:
            if grid:
                s.line(self.X(t), self.y, self.X(t), self.y + self.h, GREY, 0.6, opacity=0.4)
            s.line(self.X(t), self.y + self.h, self.X(t), self.y + self.h + 4)
            s.text(self.X(t), self.y + self.h + 18, xfmt.format(t), 12, "middle")
        for t in yticks:
            if grid:
                s.line(self.x, self.Y(t), self.x + self.w, self.Y(t), GREY, 0.6, opacity=0.4)
            s.line(self.x - 4, self.Y(t), self.x, self.Y(t))
            s.text(self.x - 8, self.Y(t) + 4, yfmt.format(t), 12, "end")
        s.line(self.x, self.y + self.h, self.x + self.w, self.y + self.h)
        s.line(self.x, self.y, self.x, self.y + self.h)
        s.text(self.x + self.w / 2, self.y + self.h + 38, xlabel, 13, "middle")
        s.add(f'<text x="0" y="0" font-size="13" text-anchor="middle" fill="currentColor" '
              f'transform="translate({num(self.x - 46)},{num(self.y + self.h / 2)}) rotate(-90)">'
              f"{escape(ylabel)}</text>")

    def plot(self, xs, ys, color=BLUE, width=2, dash=None):
        self.svg.polyline([(self.X(a), self.Y(b)) for a, b in zip(xs, ys)], color, width, dash)

    def legend(self, entries, x, y, spacing=20):
        """entries: (label, color, dash) from top to bottom at viewBox position (x, y)."""
        for i, (label, color, dash) in enumerate(entries):
            yy = y + i * spacing
            self.svg.line(x, yy, x + 26, yy, color, 2.5, dash)
            self.svg.text(x + 34, yy + 4, label, 12)
