"""Figure 1.2: the chapter's worst-case latency budget for tracking a cup, as a timeline of stages."""

from svgfig import BLUE, GREEN, GREY, ORANGE, PURPLE, RED, Svg

# (stage, worst-case ms, colour): the rows of the chapter's latency-budget table, worst case of each range
STAGES = [
    ("exposure", 5, BLUE), ("readout + transfer", 10, BLUE), ("decode", 3, PURPLE),
    ("detection + pose", 25, PURPLE), ("wait for planner tick", 20, GREY), ("trajectory update", 5, ORANGE),
    ("middleware hops", 3, GREY), ("whole-body tick", 1, ORANGE), ("actuator response", 20, GREEN),
]
total = sum(ms for _, ms, _ in STAGES)
scale = 5.0  # viewBox units per millisecond

svg = Svg(680, 350, f"Timeline of the latency budget from camera exposure to actuator response, {total} ms in the "
          "worst case, of which neural-network inference is 25 ms")
x0, y = 40, 40
t = 0
for i, (name, ms, color) in enumerate(STAGES):
    x = x0 + t * scale
    svg.rect(x, y + i * 26, ms * scale, 20, fill=color, stroke=color, opacity=0.4, rx=2)
    label = f"{name}  {ms} ms"
    svg.text(x + ms * scale + 6, y + i * 26 + 15, label, 12)
    t += ms
axis_y = y + len(STAGES) * 26 + 10
svg.line(x0, axis_y, x0 + total * scale, axis_y)
for ms in range(0, total - 5, 10):
    svg.line(x0 + ms * scale, axis_y, x0 + ms * scale, axis_y + 5)
    svg.text(x0 + ms * scale, axis_y + 20, f"{ms}", 12, "middle")
svg.text(x0 + total * scale, axis_y + 20, f"{total} ms", 12, "middle", weight="600")
svg.text(x0, axis_y + 44, "time since the event (ms)", 12)
svg.text(x0, axis_y + 62, "blue: sensing · purple: perception · grey: waiting · orange: planning and control · "
         "green: actuation", 12)
svg.text(x0 + total * scale + 24, axis_y + 20, "the robot finally moves", 12, color=RED)
svg.save("01-foundations", "latency-budget")
