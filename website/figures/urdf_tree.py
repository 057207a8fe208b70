"""Figure 3.1: the chapter's mini_biped seen from the front with its joint frames, and its link/joint tree."""

from svgfig import BLUE, GREEN, ORANGE, RED, Svg

hip_width, seg_len, hip_drop = 0.10, 0.30, 0.05  # the xacro's properties (metres)
s = 420  # viewBox units per metre
ox, oy = 190, 90  # pelvis centre in the viewBox


def X(y_robot):
    """Front view: the robot faces the reader, so its +y (left) is drawn to the reader's right."""
    return ox + y_robot * s


def Z(z):
    return oy - z * s


svg = Svg(680, 420, "Front view of mini_biped: a pelvis box with two legs, each a thigh and a shin joined by "
          "hip-pitch and knee joints, the left hip frame at y = +0.10 m and the right at y = -0.10 m; beside it "
          "the tree: pelvis is the parent of left_thigh and right_thigh, each the parent of its shin")
svg.rect(X(-0.15), Z(0.05), 0.30 * s, 0.10 * s, fill=BLUE, stroke=BLUE, opacity=0.2)
svg.text(X(0), Z(0) + 5, "pelvis", 12, "middle", weight="600")
for side, reflect in (("left", 1), ("right", -1)):
    hx = X(reflect * hip_width)
    for k, name in enumerate(("thigh", "shin")):
        top = Z(-hip_drop - k * seg_len)
        svg.rect(hx - 0.035 * s, top, 0.07 * s, seg_len * s, fill=ORANGE, stroke=ORANGE, opacity=0.2, rx=10)
        svg.text(hx + 0.05 * s * reflect, top + seg_len * s / 2, f"{side}_{name}", 11,
                 "start" if reflect > 0 else "end")
    for k in range(2):
        jy = Z(-hip_drop - k * seg_len)
        svg.circle(hx, jy, 5, RED)
        svg.arrow(hx, jy, hx + 28, jy, RED, 1.5, head=6)   # +y of the joint frame (robot's left)
        svg.arrow(hx, jy, hx, jy - 28, GREEN, 1.5, head=6)  # +z (up)
    svg.text(hx + 6 * reflect, Z(0.05) - 14, f"{side} hip: y = {reflect * hip_width:+.2f} m", 11,
             "end" if reflect < 0 else "start")
svg.text(X(0.10) + 32, Z(-0.05) + 4, "y", 11, color=RED)
svg.text(X(0.10) + 5, Z(-0.05) - 30, "z", 11, color=GREEN)
svg.text(X(0), 410, "x points out of the page; every joint axis is 0 1 0 (pitch)", 11, "middle")

# the tree: pelvis has two children, each thigh has its shin
pos = {"pelvis": (510, 60), "left_thigh": (430, 180), "right_thigh": (590, 180),
       "left_shin": (430, 300), "right_shin": (590, 300)}
for parent, child, joint in (("pelvis", "left_thigh", "left_hip_pitch"), ("pelvis", "right_thigh", "right_hip_pitch"),
                             ("left_thigh", "left_shin", "left_knee"), ("right_thigh", "right_shin", "right_knee")):
    (x1, y1), (x2, y2) = pos[parent], pos[child]
    svg.arrow(x1, y1 + 15, x2, y2 - 15, width=1.2)
    svg.text((x1 + x2) / 2 + (6 if x2 >= x1 else -6), (y1 + y2) / 2 + 4, joint, 11,
             "start" if x2 >= x1 else "end", color=RED)
for name, (x, y) in pos.items():
    svg.box(x - 55, y - 15, 110, 30, name, BLUE if name == "pelvis" else ORANGE, size=12)
svg.text(510, 360, "links in boxes, revolute joints in red", 11, "middle")
svg.text(510, 378, "(a tree: each link has one parent)", 11, "middle")
svg.save("03-simulation", "urdf-tree")
