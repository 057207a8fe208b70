"""Figure 2.2: one ROS 2 action goal over time: the services and topics an action is made of."""

from svgfig import BLUE, GREEN, GREY, ORANGE, RED, Svg

svg = Svg(680, 400, "Sequence of one action goal between an action client and an action server: send_goal "
          "request and acceptance, get_result request, a stream of feedback messages and status updates, then "
          "the result; a cancel_goal request can arrive at any time")
cx, sx = 150, 530
svg.box(cx - 80, 14, 160, 36, "action client", BLUE)
svg.box(sx - 80, 14, 160, 36, "action server", ORANGE)
svg.line(cx, 50, cx, 390, GREY, 1.5, "4 4")
svg.line(sx, 50, sx, 390, GREY, 1.5, "4 4")
svg.rect(sx - 8, 110, 16, 240, fill=ORANGE, stroke=ORANGE, opacity=0.3, rx=2)
svg.text(sx + 16, 230, "executing", 12, color=ORANGE)


def message(y, text, to_server, color, dash=None):
    x1, x2 = (cx, sx - 8) if to_server else (sx - 8, cx)
    svg.arrow(x1, y, x2, y, color, 2, dash=dash)
    svg.text((cx + sx) / 2, y - 6, text, 12, "middle", color=color)


message(80, "send_goal request (service): goal", True, BLUE)
message(110, "send_goal response: accepted", False, BLUE, "5 3")
message(140, "get_result request (service)", True, BLUE)
for i, y in enumerate((175, 205, 235)):
    message(y, f"feedback (topic): progress {25 * (i + 1)} %", False, GREEN)
message(265, "status (topic): EXECUTING", False, GREY)
message(305, "cancel_goal (service), at any time", True, RED, "2 3")
message(345, "result: SUCCEEDED, CANCELED or ABORTED", False, BLUE, "5 3")
svg.save("02-ros2", "action-protocol")
