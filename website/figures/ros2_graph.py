"""Figure 2.1: the ROS 2 graph of the chapter's examples: nodes, the topics between them, their message types."""

from svgfig import BLUE, GREY, ORANGE, Svg

svg = Svg(680, 300, "The ROS 2 graph of the chapter: the talker node publishes String messages on /chatter to "
          "the listener; turtlesim publishes Pose on /turtle1/pose to go_to_goal, which publishes Twist on "
          "/turtle1/cmd_vel back to turtlesim")


def node(x, y, name):
    svg.add(f'<ellipse cx="{x}" cy="{y}" rx="78" ry="26" fill="{BLUE}" fill-opacity="0.15" stroke="{BLUE}" '
            f'stroke-width="2"/>')
    svg.text(x, y + 5, name, 13, "middle", weight="600")


def topic(x, y, name, msg):
    svg.rect(x - 80, y - 22, 160, 44, fill=ORANGE, stroke=ORANGE, opacity=0.15, rx=2)
    svg.text(x, y - 3, name, 13, "middle", weight="600")
    svg.text(x, y + 14, msg, 11, "middle")


node(100, 60, "/talker")
topic(340, 60, "/chatter", "std_msgs/msg/String")
node(580, 60, "/listener")
svg.arrow(178, 60, 258, 60, width=2)
svg.arrow(420, 60, 500, 60, width=2)
svg.text(218, 50, "publishes", 11, "middle", color=GREY)
svg.text(460, 50, "subscribes", 11, "middle", color=GREY)

node(100, 200, "/turtlesim")
node(580, 200, "/go_to_goal")
topic(340, 150, "/turtle1/pose", "turtlesim/msg/Pose")
topic(340, 250, "/turtle1/cmd_vel", "geometry_msgs/msg/Twist")
svg.arrow(160, 183, 258, 156, width=2)
svg.arrow(420, 156, 520, 183, width=2)
svg.arrow(520, 217, 422, 246, width=2)
svg.arrow(258, 246, 160, 217, width=2)
svg.add(f'<ellipse cx="40" cy="290" rx="10" ry="6" fill="{BLUE}" fill-opacity="0.15" stroke="{BLUE}"/>')
svg.text(56, 294, "node (a process with one job)", 11)
svg.rect(250, 284, 18, 12, fill=ORANGE, stroke=ORANGE, opacity=0.15, rx=2)
svg.text(276, 294, "topic (name + message type); arrows show the data flow", 11)
svg.save("02-ros2", "ros2-graph")
