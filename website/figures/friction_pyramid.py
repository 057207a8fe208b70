"""Figure 5.4: the friction cone seen from above, with its circumscribed and inscribed square pyramids."""

import numpy as np
from svgfig import BLUE, GREEN, RED, Svg

mu_fz = 130  # radius of the cone's cross-section, in viewBox units (mu * f_z)
cx, cy = 200, 200
svg = Svg(640, 400, "Top view of the friction cone at one normal force: a circle of radius mu f_z, a square of "
          "half-width mu f_z around it whose corners leave the cone, and the inscribed square of half-width "
          "mu f_z over root 2")
svg.polygon([(cx - mu_fz, cy - mu_fz), (cx + mu_fz, cy - mu_fz), (cx + mu_fz, cy + mu_fz),
             (cx - mu_fz, cy + mu_fz)], fill=RED, stroke=RED, width=2, opacity=0.12, dash="6 4")
th = np.linspace(0, 2 * np.pi, 121)
svg.polygon([(cx + mu_fz * np.cos(a), cy + mu_fz * np.sin(a)) for a in th], fill=BLUE, stroke=BLUE, width=2.5,
            opacity=0.15)
h = mu_fz / np.sqrt(2)
svg.polygon([(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)], fill=GREEN, stroke=GREEN,
            width=2.5, opacity=0.25)
svg.arrow(cx - mu_fz - 30, cy, cx + mu_fz + 40, cy, width=1.2)
svg.arrow(cx, cy + mu_fz + 30, cx, cy - mu_fz - 40, width=1.2)
svg.text(cx + mu_fz + 42, cy + 16, "f_x", 13, italic=True)
svg.text(cx + 8, cy - mu_fz - 30, "f_y", 13, italic=True)
# a corner of the outer square, outside the cone
svg.circle(cx + mu_fz, cy - mu_fz, 5, RED)
svg.line(cx, cy, cx + mu_fz, cy - mu_fz, RED, 1.5, "3 3")
svg.text(cx + mu_fz + 8, cy - mu_fz - 6, "corner: √2 μ f_z, slips", 12, color=RED)
svg.line(cx, cy, cx + h, cy, GREEN, 3)
svg.text(cx + h / 2, cy + 18, "μ f_z / √2", 12, "middle", color=GREEN, weight="600")
svg.line(cx, cy, cx + mu_fz * np.cos(np.pi / 4 + np.pi), cy + mu_fz * np.sin(np.pi / 4 + np.pi), BLUE, 1.5)
svg.text(cx - 70, cy - 70, "μ f_z", 12, color=BLUE, weight="600")
x0 = 400
rows = [(RED, "6 4", "|f_x| ≤ μ f_z, |f_y| ≤ μ f_z", "circumscribed: NOT conservative"),
        (BLUE, None, "√(f_x² + f_y²) ≤ μ f_z", "the true friction cone"),
        (GREEN, None, "|f_x| ≤ μ f_z/√2, |f_y| ≤ μ f_z/√2", "inscribed: safe to use in the QP")]
for i, (color, dash, law, note) in enumerate(rows):
    y = 110 + i * 70
    svg.rect(x0, y - 12, 24, 24, fill=color, stroke=color, opacity=0.2, dash=dash, rx=2)
    svg.text(x0 + 34, y - 2, law, 12, weight="600")
    svg.text(x0 + 34, y + 15, note, 12)
svg.save("05-humanoid-control", "friction-pyramid")
