"""Figure 7.1: an example capstone world from above, and the steps of "Bring me the red cup"."""

from svgfig import BLUE, GREEN, GREY, ORANGE, PURPLE, RED, Svg

s = 110  # viewBox units per metre
ox, oy = 60, 330


def P(x, y):
    """Map frame seen from above: x to the right, y up the page."""
    return ox + x * s, oy - y * s


svg = Svg(680, 380, "Top view of an example capstone room: the user and the robot's start near the origin, a table "
          "with a red cup at (2.1, 0.4) in the map frame, a tray, a shelf; numbered steps walk to the table, pick "
          "the cup, walk back and hand it over")
svg.rect(*P(0, 2.7), 5.4 * s, 2.7 * s, stroke=GREY, rx=0)
# furniture (example positions; the cup's pose is the one the chapter's sequence diagram reports)
svg.rect(*P(1.8, 0.8), 0.8 * s, 0.8 * s, fill=ORANGE, stroke=ORANGE, opacity=0.2)
svg.text(*P(2.2, 0.9), "table", 12, "middle")
svg.circle(*P(2.1, 0.4), 7, RED)
svg.text(P(2.1, 0.4)[0] + 10, P(2.1, 0.4)[1] + 4, "red cup (2.1, 0.4)", 11, color=RED)
svg.rect(*P(2.3, 0.72), 0.16 * s, 0.16 * s, fill=BLUE, stroke=BLUE, opacity=0.6, rx=1)
svg.text(P(2.5, 0.62)[0] + 4, P(2.5, 0.62)[1] + 4, "blue block", 11, color=BLUE)
svg.rect(*P(3.6, 2.6), 1.6 * s, 0.4 * s, fill=PURPLE, stroke=PURPLE, opacity=0.2)
svg.text(*P(4.4, 2.35), "shelf", 12, "middle")
svg.rect(*P(4.4, 0.9), 0.6 * s, 0.5 * s, fill=GREEN, stroke=GREEN, opacity=0.2)
svg.text(*P(4.7, 0.6), "tray", 12, "middle")
svg.circle(*P(0.3, 1.2), 9, "currentColor", opacity=0.6)
svg.text(P(0.3, 1.2)[0], P(0.3, 1.2)[1] - 14, "user (\"me\")", 11, "middle")
svg.circle(*P(0.6, 0.5), 11, GREY, opacity=0.5)
svg.text(P(0.6, 0.5)[0], P(0.6, 0.5)[1] + 26, "robot start", 11, "middle")
# map frame
svg.arrow(*P(0, 0), *P(0.6, 0), RED, 2)
svg.arrow(*P(0, 0), *P(0, 0.6), GREEN, 2)
svg.text(P(0.6, 0)[0] + 4, P(0.6, 0)[1] + 14, "x", 12, color=RED)
svg.text(P(0, 0.6)[0] - 12, P(0, 0.6)[1], "y", 12, color=GREEN)
svg.text(P(0, 0)[0] + 4, P(0, 0)[1] + 16, "map", 11)
# the command's path
svg.arrow(*P(0.75, 0.5), *P(1.55, 0.45), BLUE, 2.5)
svg.text(*P(1.0, 0.6), "1 navigate", 11, color=BLUE)
svg.text(P(2.65, 0.15)[0], P(2.65, 0.15)[1] + 4, "2 detect, 3 pick", 11, color=BLUE)
svg.arrow(*P(1.55, 0.65), *P(0.5, 1.15), BLUE, 2.5, dash="6 4")
svg.text(*P(0.85, 1.1), "4 return, 5 hand over", 11, color=BLUE)
svg.text(340, 372, "Positions are an example layout; the cup's is the one in the chapter's sequence diagram.", 11,
         "middle")
svg.save("07-capstone", "capstone-scene")
