"""Figure 7.2: a walking skeleton: every component exists from week 1 as a dummy and is replaced in turn."""

from svgfig import BLUE, GREY, Svg

# (component, week the real implementation replaces the dummy): the weeks of the chapter's milestone table
COMPONENTS = [
    ("Simulator, robot, world", 1), ("Body control (ros2_control)", 2), ("Perception (/detections)", 3),
    ("Skills: navigate, pick, place", 4), ("Language (parser, speech)", 5), ("Task executive, stop", 5),
    ("Evaluation and report", 6),
]
x0, cell, y0, row = 250, 66, 46, 32
svg = Svg(680, 330, "Grid of components by week one to six: in week 1 every component exists as a dummy that "
          "answers over the agreed interface; each is replaced by its real implementation in the week of its "
          "milestone, while the whole system keeps running end to end")
for w in range(1, 7):
    svg.text(x0 + (w - 0.5) * cell, y0 - 12, f"week {w}", 12, "middle", weight="600")
for i, (name, real_from) in enumerate(COMPONENTS):
    y = y0 + i * row
    svg.text(x0 - 10, y + 20, name, 12, "end")
    for w in range(1, 7):
        real = w >= real_from
        color = BLUE if real else GREY
        svg.rect(x0 + (w - 1) * cell + 2, y + 4, cell - 4, row - 8, fill=color, stroke=color,
                 opacity=0.45 if real else 0.15, rx=3, dash=None if real else "4 3")
        if w == real_from:
            svg.text(x0 + (w - 0.5) * cell, y + 20, "real", 11, "middle", weight="600")
        elif not real:
            svg.text(x0 + (w - 0.5) * cell, y + 20, "dummy", 11, "middle", color=GREY)
legend_y = y0 + len(COMPONENTS) * row + 22
svg.rect(x0, legend_y - 10, 24, 14, fill=GREY, stroke=GREY, opacity=0.15, dash="4 3", rx=3)
svg.text(x0 + 30, legend_y + 2, "dummy: right interface, fake result (pick waits 2 s, succeeds)", 12)
svg.rect(x0, legend_y + 12, 24, 14, fill=BLUE, stroke=BLUE, opacity=0.45, rx=3)
svg.text(x0 + 30, legend_y + 24, "real implementation, tested end to end", 12)
svg.save("07-capstone", "walking-skeleton")
