/** The book's modules as the homepage lists them; `to` is the first chapter of each. */
export const MODULES = [
  {
    number: 1,
    title: "Foundations",
    to: "/docs/foundations/what-is-physical-ai",
    summary: "What physical AI is, the sense–think–act loop, latency budgets, sensors and actuators.",
  },
  {
    number: 2,
    title: "ROS 2",
    to: "/docs/ros2/nodes-and-topics",
    summary: "Nodes, topics, services, actions, launch files and QoS, with rclpy examples throughout.",
  },
  {
    number: 3,
    title: "Simulation",
    to: "/docs/simulation/urdf-and-sdf",
    summary: "Describe robots in URDF and SDF, then run them in Gazebo and NVIDIA Isaac Sim.",
  },
  {
    number: 4,
    title: "Perception",
    to: "/docs/perception/robot-sensors",
    summary: "Cameras, depth, IMUs and LiDAR; fusing them with complementary and Kalman filters.",
  },
  {
    number: 5,
    title: "Humanoid control",
    to: "/docs/humanoid-control/kinematics",
    summary: "Forward and inverse kinematics, balance, the zero-moment point and walking.",
  },
  {
    number: 6,
    title: "Vision-language-action",
    to: "/docs/vla/vla-models",
    summary: "How VLA models turn pixels and words into motor commands, and where they fail.",
  },
  {
    number: 7,
    title: "Navigation and manipulation",
    to: "/docs/navigation-manipulation/ros2-control",
    summary: "ros2_control between controllers and hardware, Nav2 for the base, MoveIt 2 for the arms.",
  },
  {
    number: 8,
    title: "Capstone",
    to: "/docs/capstone/capstone-project",
    summary: "Integrate everything into one voice-commanded humanoid in simulation.",
  },
  {
    number: null,
    title: "Glossary",
    to: "/docs/glossary",
    summary: "Every term of the book, from actuator to zero-moment point, in one place.",
  },
] as const;
