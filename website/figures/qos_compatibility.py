"""Figure 2.4: which publisher/subscription QoS pairs connect (request versus offered)."""

from svgfig import GREEN, RED, Svg

svg = Svg(700, 290, "Two compatibility tables. Reliability: a RELIABLE subscription does not connect to a "
          "BEST_EFFORT publisher; the other three pairs connect. Durability: a TRANSIENT_LOCAL subscription does "
          "not connect to a VOLATILE publisher; the other three pairs connect")


def table(x0, title, offered, requested, bad):
    svg.text(x0 + 170, 24, title, 14, "middle", weight="600")
    svg.text(x0 + 232, 48, "subscription requests →", 12, "middle")
    svg.text(x0 + 116, 72, "publisher offers ↓", 12, "end", italic=True)
    for j, req in enumerate(requested):
        svg.text(x0 + 177 + j * 112, 72, req, 11, "middle", weight="600")
    for i, off in enumerate(offered):
        y = 84 + i * 78
        svg.text(x0 + 116, y + 38, off, 11, "end", weight="600")
        for j, req in enumerate(requested):
            ok = (off, req) != bad
            color = GREEN if ok else RED
            svg.rect(x0 + 124 + j * 112, y, 106, 68, fill=color, stroke=color, opacity=0.15, rx=3)
            svg.text(x0 + 177 + j * 112, y + 32, "✓ connects" if ok else "✗ no match", 12, "middle",
                     color=color, weight="600")
            if not ok:
                svg.text(x0 + 177 + j * 112, y + 50, "no messages flow", 11, "middle", color=color)


table(0, "Reliability", ["BEST_EFFORT", "RELIABLE"], ["BEST_EFFORT", "RELIABLE"], ("BEST_EFFORT", "RELIABLE"))
table(345, "Durability", ["VOLATILE", "TRANSIENT_LOCAL"], ["VOLATILE", "TRANSIENT_LOCAL"],
      ("VOLATILE", "TRANSIENT_LOCAL"))
svg.text(350, 280, "Rule: the offer must be at least as strong as the request. History and depth never affect compatibility.",
         12, "middle")
svg.save("02-ros2", "qos-compatibility")
