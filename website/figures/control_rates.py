"""Figure 1.1: the layers of the physical-AI stack and the loop rates the chapter gives them, on a log scale."""

import math

from svgfig import BLUE, GREEN, ORANGE, PURPLE, Axes, Svg

# (layer, lowest rate, highest rate in Hz, colour): the ranges of the chapter's layered-stack diagram
LAYERS = [
    ("Task reasoning (LLM / VLA)", 0.1, 10, PURPLE),
    ("Motion and task planning", 1, 50, BLUE),
    ("Whole-body control (MPC + QP)", 100, 1000, ORANGE),
    ("Joint control (motor drivers)", 1000, 40000, GREEN),
]

svg = Svg(680, 300, "Loop rates of the four layers on a logarithmic axis from 0.1 Hz to 40 kHz: task reasoning "
          "0.1 to 10 Hz, planning 1 to 50 Hz, whole-body control 100 to 1000 Hz, joint control 1 to 40 kHz")
ax = Axes(svg, 230, 20, 420, 200, (math.log10(0.05), math.log10(80000)), (0, len(LAYERS)))
ticks = [0.1, 1, 10, 100, 1000, 10000]
labels = {0.1: "0.1 Hz", 1: "1 Hz", 10: "10 Hz", 100: "100 Hz", 1000: "1 kHz", 10000: "10 kHz"}
for t in ticks:
    svg.line(ax.X(math.log10(t)), ax.y, ax.X(math.log10(t)), ax.y + ax.h, "#868e96", 0.6, opacity=0.4)
    svg.text(ax.X(math.log10(t)), ax.y + ax.h + 18, labels[t], 12, "middle")
svg.line(ax.x, ax.y + ax.h, ax.x + ax.w, ax.y + ax.h)
svg.text(ax.x + ax.w / 2, ax.y + ax.h + 40, "loop rate (logarithmic scale)", 13, "middle")
for i, (name, lo, hi, color) in enumerate(LAYERS):
    yc = ax.Y(len(LAYERS) - i - 0.5)
    svg.rect(ax.X(math.log10(lo)), yc - 14, ax.X(math.log10(hi)) - ax.X(math.log10(lo)), 28, fill=color,
             stroke=color, opacity=0.35)
    svg.text(ax.x - 10, yc + 4, name, 13, "end")
svg.text(ax.x + ax.w / 2, ax.y + ax.h + 64, "Slow layers send goals down; fast layers keep the body stable.", 12, "middle")
svg.save("01-foundations", "control-rates")
