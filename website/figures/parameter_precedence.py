"""Figure 2.3: where the talker's publish_rate comes from, from the declared default to a run-time change."""

from svgfig import BLUE, GREEN, GREY, ORANGE, PURPLE, Svg

svg = Svg(680, 300, "Layers that set the publish_rate parameter, each overriding the one below: the declared "
          "default 2.0, talker.yaml 5.0, the launch argument rate only when given, and ros2 param set at run time")
layers = [
    ("4. ros2 param set /robot1/talker publish_rate 12.0", "at run time, if the callback accepts it", PURPLE),
    ("3. {'publish_rate': float(rate)} from rate:=10.0", "only when the launch argument is given", ORANGE),
    ("2. talker.yaml: publish_rate: 5.0", "the params file passed first in parameters=[...]", GREEN),
    ("1. declare_parameter('publish_rate', 2.0)", "the default, which also fixes the type (double)", BLUE),
]
for i, (what, when, color) in enumerate(layers):
    y = 20 + i * 62
    svg.rect(40, y, 440, 50, fill=color, stroke=color, opacity=0.15)
    svg.text(54, y + 21, what, 13, weight="600")
    svg.text(54, y + 39, when, 12)
svg.arrow(520, 250, 520, 30, GREY, 2)
svg.text(532, 140, "later wins", 13, color=GREY)
svg.text(532, 158, "(overrides", 12, color=GREY)
svg.text(532, 174, "the layers", 12, color=GREY)
svg.text(532, 190, "below)", 12, color=GREY)
svg.text(40, 285, "ros2 launch hello_robot talk.launch.py → 5.0;   … rate:=10.0 → 10.0;   without the launch file → 2.0",
         12)
svg.save("02-ros2", "parameter-precedence")
