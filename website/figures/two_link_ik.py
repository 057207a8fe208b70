"""Figure 5.1: the chapter's 2-link arm, its frames, workspace and both IK solutions for (0.35, 0.20)."""

import numpy as np
from chapter_code import run
from svgfig import BLUE, GREY, ORANGE, RED, Axes, Svg

arm = run("05-humanoid-control/01-kinematics.mdx", "two_link.py")
L1, L2, ik = arm["L1"], arm["L2"], arm["ik_analytic"]
target = np.array([0.35, 0.20])

svg = Svg(540, 500, "A two-link planar arm reaching the point (0.35, 0.20) with the elbow-up and "
          "elbow-down solutions, inside its annular workspace")
ax = Axes(svg, 70, 20, 420, 420, (-0.25, 0.65), (-0.3, 0.6))
ax.frame([-0.2, 0, 0.2, 0.4, 0.6], [-0.2, 0, 0.2, 0.4, 0.6], "x (m)", "y (m)")
# workspace annulus |L1 - L2| <= r <= L1 + L2 (drawn as two circles clipped by the axes range)
for r, dash in ((L1 + L2, "6 4"), (abs(L1 - L2), "3 3")):
    th = np.linspace(-0.16, 0.5, 80) * np.pi if r > 0.1 else np.linspace(0, 2, 80) * np.pi
    pts = [(ax.X(r * np.cos(a)), ax.Y(r * np.sin(a))) for a in th]
    svg.polyline(pts, GREY, 1.5, dash)
svg.text(ax.X(0.64), ax.Y(0.55), "reach limit r = L1 + L2 = 0.55 m", 12, "end", color=GREY)
svg.text(ax.X(-0.06), ax.Y(-0.09), "inner limit |L1 − L2| = 0.05 m", 12, color=GREY)

for elbow, color, name in ((+1, BLUE, "elbow +1"), (-1, ORANGE, "elbow −1")):
    q = ik(*target, elbow=elbow)
    p1 = np.array([L1 * np.cos(q[0]), L1 * np.sin(q[0])])
    pts = [(0, 0), p1, target]
    svg.polyline([(ax.X(x), ax.Y(y)) for x, y in pts], color, 5)
    for x, y in pts[:2]:
        svg.circle(ax.X(x), ax.Y(y), 6, "none", color, 2.5)
    deg = np.degrees(q)
    yy = ax.Y(-0.2) if elbow > 0 else ax.Y(-0.2) + 20
    svg.line(ax.X(-0.23), yy - 4, ax.X(-0.18), yy - 4, color, 5)
    svg.text(ax.X(-0.16), yy, f"{name}: q1 = {deg[0]:.1f}°, q2 = {deg[1]:.1f}°", 12, color=color, weight="600")

# base frame axes and the target
svg.arrow(ax.X(0), ax.Y(0), ax.X(0.12), ax.Y(0), RED, 2)
svg.arrow(ax.X(0), ax.Y(0), ax.X(0), ax.Y(0.12), RED, 2)
svg.text(ax.X(0.125), ax.Y(0) + 16, "x0", 12, color=RED)
svg.text(ax.X(0) - 18, ax.Y(0.12), "y0", 12, color=RED)
svg.circle(ax.X(target[0]), ax.Y(target[1]), 5)
svg.text(ax.X(target[0]) + 10, ax.Y(target[1]) + 4, "target (0.35, 0.20)", 12)
svg.save("05-humanoid-control", "two-link-ik")
