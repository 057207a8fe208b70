"""Figure 5.2: two feet seen from above, their support polygon, the CoM projection and two ZMPs."""

from svgfig import BLUE, GREEN, ORANGE, RED, Svg

s = 900  # viewBox units per metre
ox, oy = 330, 250


def P(x, y):
    """Top view: x forward (up the page), y to the robot's left (left on the page)."""
    return ox - y * s, oy - x * s


feet = [[(0.10, 0.15), (0.10, 0.05), (-0.08, 0.05), (-0.08, 0.15)],      # left foot: x from -0.08 to 0.10 m
        [(0.10, -0.05), (0.10, -0.15), (-0.08, -0.15), (-0.08, -0.05)]]  # right foot
svg = Svg(700, 400, "Top view of two feet and the support polygon around them; a ZMP inside the polygon keeps "
          "both feet flat, a ZMP demanded outside it would make the robot tip over the front edge")
svg.polygon([P(*p) for p in (feet[0][0], feet[0][3], feet[1][2], feet[1][1])], fill=GREEN, stroke=GREEN,
            width=2, opacity=0.12, dash="6 4")
for foot in feet:
    svg.polygon([P(*p) for p in foot], fill="#868e96", stroke="currentColor", width=1.5, opacity=0.35)
com, zmp_in, zmp_out = P(0.02, 0.0), P(0.05, -0.02), P(0.16, 0.02)
svg.circle(*com, 7, BLUE)
svg.circle(*zmp_in, 6, GREEN)
svg.circle(*zmp_out, 6, RED)
for (x, y), label, color, ty in ((zmp_out, "ZMP demanded outside:", RED, 40), (zmp_in, "ZMP inside: balanced", GREEN, 190),
                                 (com, "CoM projection", BLUE, 240)):
    svg.line(x, y, 160, ty - 4, color, 1, "2 2")
    svg.text(156, ty, label, 12, "end", color=color)
svg.text(156, 56, "tips over the toes", 12, "end", color=RED)
svg.arrow(600, 380, 600, 334, width=1.5)
svg.text(606, 342, "x (forward)", 12)
svg.arrow(600, 380, 554, 380, width=1.5)
svg.text(550, 384, "y (left)", 12, "end")
svg.text(P(0.0, 0.10)[0], P(-0.08, 0.10)[1] + 20, "left foot", 12, "middle")
svg.text(P(0.0, -0.10)[0], P(-0.08, -0.10)[1] + 20, "right foot", 12, "middle")
x0 = 500
svg.rect(x0, 60, 22, 14, fill=GREEN, stroke=GREEN, opacity=0.12, dash="6 4", rx=2)
svg.text(x0 + 30, 72, "support polygon:", 12, weight="600")
svg.text(x0 + 30, 90, "convex hull of the contacts", 12)
svg.text(x0, 130, "The ground can only push,", 12)
svg.text(x0, 148, "so the centre of pressure", 12)
svg.text(x0, 166, "(= ZMP) stays inside it.", 12)
svg.text(x0, 200, "Standing still: ZMP = CoM", 12, color=ORANGE)
svg.text(x0, 218, "projection. Accelerating", 12, color=ORANGE)
svg.text(x0, 236, "moves the ZMP away from it.", 12, color=ORANGE)
svg.save("05-humanoid-control", "support-polygon")
