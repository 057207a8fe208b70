"""Figure 3.2: the four topics the chapter's launch file bridges between Gazebo and ROS 2, and their directions."""

from svgfig import BLUE, GREEN, GREY, ORANGE, Svg

# (gz topic, gz type, ROS topic, ROS type, direction): the parameter_bridge arguments of mini_biped_gazebo.launch.py
BRIDGED = [
    ("/clock", "gz.msgs.Clock", "/clock", "rosgraph_msgs/msg/Clock", "["),
    ("/imu", "gz.msgs.IMU", "/imu", "sensor_msgs/msg/Imu", "["),
    (".../mini_biped/joint_state", "gz.msgs.Model", "/joint_states (remapped)", "sensor_msgs/msg/JointState", "["),
    ("/left_knee_cmd", "gz.msgs.Double", "/left_knee_cmd", "std_msgs/msg/Float64", "]"),
]
svg = Svg(680, 320, "Four bridged topics: clock, IMU and joint states go from Gazebo to ROS 2 (the [ character); "
          "the knee command goes from ROS 2 to Gazebo (the ] character)")
svg.box(20, 14, 200, 34, "gz sim (gz-transport)", ORANGE)
svg.box(250, 14, 180, 34, "ros_gz_bridge", GREY)
svg.box(460, 14, 200, 34, "ROS 2 (DDS)", BLUE)
for i, (gz, gz_type, ros, ros_type, direction) in enumerate(BRIDGED):
    y = 90 + i * 56
    svg.text(120, y, gz, 12, "middle", weight="600")
    svg.text(120, y + 16, gz_type, 11, "middle")
    svg.text(560, y, ros, 12, "middle", weight="600")
    svg.text(560, y + 16, ros_type, 11, "middle")
    if direction == "[":
        svg.arrow(225, y + 2, 455, y + 2, GREEN, 2.5)
        svg.text(340, y - 6, "[  Gazebo → ROS", 12, "middle", color=GREEN, weight="600")
    else:
        svg.arrow(455, y + 2, 225, y + 2, BLUE, 2.5)
        svg.text(340, y - 6, "]  ROS → Gazebo", 12, "middle", color=BLUE, weight="600")
svg.text(340, 306, "argument form: TOPIC@ROS_TYPE[GZ_TYPE   or   TOPIC@ROS_TYPE]GZ_TYPE   (@ alone: both ways)",
         12, "middle")
svg.save("03-simulation", "gz-bridge")
