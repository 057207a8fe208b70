"""Figure 6.3: what the chapter's safety filter does to a too-large action near the workspace edge (top view)."""

import numpy as np
from chapter_code import run
from svgfig import BLUE, GREEN, GREY, RED, Svg

ns = run("06-vla/02-vla-in-ros2.mdx", "safety_filter.py")
lim = ns["SafetyLimits"]()
filt = ns["SafetyFilter"](lim)
ee = np.array([0.69, 0.0, 0.30])
raw = np.array([0.05, 0.0, 0.0, 0.0, 0.0, 0.3, 1.2])
safe, reasons = filt.filter(ee, raw, image_stamp=10.0, now=10.1)

# zoomed top view around the end effector: x from 0.62 to 0.76 m, y from -0.05 to 0.05 m
s = 3000  # viewBox units per metre
ox, oy = 40 - 0.62 * s, 150


def X(x):
    return ox + x * s


def Y(y):
    return oy - y * s


svg = Svg(520, 320, "Top view near the workspace edge: the raw 5 cm step would leave the box; the filter "
          "first scales it to 2 cm, then clips the target to the box edge at x = 0.70 m, a 1 cm step")
svg.rect(X(0.62), Y(0.045), X(lim.workspace_max[0]) - X(0.62), Y(-0.025) - Y(0.045), fill=GREEN, stroke=GREEN,
         opacity=0.12, rx=0)
svg.line(X(lim.workspace_max[0]), Y(0.05), X(lim.workspace_max[0]), Y(-0.03), GREEN, 2.5)
svg.text(X(lim.workspace_max[0]) + 6, Y(0.04), f"workspace edge x = {lim.workspace_max[0]:.2f} m", 12,
         color=GREEN)
svg.text(X(0.625), Y(0.037), "allowed workspace", 12, color=GREEN)
svg.arrow(X(ee[0]), Y(0) - 30, X(ee[0] + raw[0]), Y(0) - 30, RED, 2.5)
svg.text(X(ee[0] + raw[0]) + 4, Y(0) - 26, f"raw: {raw[0] * 100:.0f} cm", 12, color=RED)
svg.arrow(X(ee[0]), Y(0), X(ee[0] + lim.max_step), Y(0), GREY, 2.5, dash="5 3")
svg.text(X(ee[0] + lim.max_step) + 4, Y(0) + 4, f"scaled to max_step {lim.max_step * 100:.0f} cm", 12, color=GREY)
svg.arrow(X(ee[0]), Y(0) + 30, X(ee[0] + safe[0]), Y(0) + 30, BLUE, 3, head=7)
svg.text(X(ee[0] + safe[0]) + 10, Y(0) + 34, f"sent: {safe[0] * 100:.0f} cm (clipped to the edge)", 12, color=BLUE)
svg.circle(X(ee[0]), Y(0), 6, "currentColor")
svg.text(X(ee[0]) - 8, Y(0) + 4, f"hand at x = {ee[0]:.2f} m", 12, "end")
for i, why in enumerate(reasons):
    svg.text(40, 262 + i * 17, f"reason logged: {why}", 12)
svg.save("06-vla", "safety-filter")
