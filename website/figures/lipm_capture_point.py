"""Figure 5.3: the chapter's LIPM after a 0.3 m/s push, with the ZMP at the ankle and at the capture point."""

import numpy as np
from chapter_code import run
from svgfig import BLUE, GREEN, ORANGE, Axes, Svg

lipm = run("05-humanoid-control/02-balance-and-zmp.mdx", "lipm_capture_point.py")
state, x0, xd0, xi = lipm["lipm_state"], lipm["x0"], lipm["xd0"], lipm["xi"]
t = np.linspace(0, 2.0, 201)

svg = Svg(660, 420, "Centre-of-mass position after a push: it runs away when the ZMP stays at the ankle and "
          "comes to rest over the capture point when the ZMP is placed there")
# left: a sketch of the inverted pendulum
svg.line(20, 330, 200, 330)
svg.polygon([(60, 330), (110, 330), (110, 322), (60, 322)], fill=GREEN, stroke=GREEN, opacity=0.3)
svg.line(85, 326, 130, 120, BLUE, 3)
svg.circle(130, 120, 14, BLUE, opacity=0.85)
svg.arrow(146, 120, 192, 120, ORANGE, 2.5)
svg.text(150, 110, "push", 12, color=ORANGE)
svg.line(130, 120, 130, 330, "currentColor", 1, "3 3")
svg.text(136, 230, f"z_c = {lipm['z_c']:.2f} m", 12)
svg.text(85, 350, "ZMP p", 12, "middle", color=GREEN)
svg.text(110, 380, f"ω = √(g / z_c) = {lipm['omega']:.2f} 1/s", 12, "middle")
svg.text(110, 398, f"capture point ξ = x + ẋ/ω = {xi * 100:.1f} cm", 12, "middle")

ax = Axes(svg, 290, 20, 340, 300, (0, 2.0), (0, 0.4))
ax.frame([0, 0.5, 1.0, 1.5, 2.0], [0, 0.1, 0.2, 0.3, 0.4], "time after the push (s)", "CoM position x (m)")
x_run = np.array([state(x0, xd0, 0.0, s)[0] for s in t])
keep = x_run <= 0.4
ax.plot(t[keep], x_run[keep], ORANGE)
ax.plot(t, [state(x0, xd0, xi, s)[0] for s in t], BLUE)
ax.svg.line(ax.X(0), ax.Y(xi), ax.X(2.0), ax.Y(xi), GREEN, 1.5, "6 4")
ax.legend([("ZMP kept at the ankle (p = 0): falls", ORANGE, None),
           ("ZMP at the capture point (p = ξ): stops", BLUE, None),
           (f"capture point ξ = {xi:.3f} m", GREEN, "6 4")], 330, 40)
svg.save("05-humanoid-control", "lipm-capture-point")
