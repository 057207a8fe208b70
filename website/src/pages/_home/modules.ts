import { translate } from "@docusaurus/Translate";

/** One card of the homepage: `to` is the module's first chapter. */
export interface HomeModule {
  number: number | null;
  title: string;
  to: string;
  summary: string;
}

/** The book's modules as the homepage lists them, in the reader's language. */
export function homeModules(): HomeModule[] {
  return [
    {
      number: 1,
      title: translate({ id: "home.module.foundations.title", message: "Foundations" }),
      to: "/docs/foundations/what-is-physical-ai",
      summary: translate({
        id: "home.module.foundations.summary",
        message: "What physical AI is, the sense–think–act loop, latency budgets, sensors and actuators.",
      }),
    },
    {
      number: 2,
      title: translate({ id: "home.module.ros2.title", message: "ROS 2" }),
      to: "/docs/ros2/nodes-and-topics",
      summary: translate({
        id: "home.module.ros2.summary",
        message: "Nodes, topics, services, actions, launch files and QoS, with rclpy examples throughout.",
      }),
    },
    {
      number: 3,
      title: translate({ id: "home.module.simulation.title", message: "Simulation" }),
      to: "/docs/simulation/urdf-and-sdf",
      summary: translate({
        id: "home.module.simulation.summary",
        message: "Describe robots in URDF and SDF, then run them in Gazebo and NVIDIA Isaac Sim.",
      }),
    },
    {
      number: 4,
      title: translate({ id: "home.module.perception.title", message: "Perception" }),
      to: "/docs/perception/robot-sensors",
      summary: translate({
        id: "home.module.perception.summary",
        message: "Cameras, depth, IMUs and LiDAR; fusing them with complementary and Kalman filters.",
      }),
    },
    {
      number: 5,
      title: translate({ id: "home.module.humanoidControl.title", message: "Humanoid control" }),
      to: "/docs/humanoid-control/kinematics",
      summary: translate({
        id: "home.module.humanoidControl.summary",
        message: "Forward and inverse kinematics, balance, the zero-moment point and walking.",
      }),
    },
    {
      number: 6,
      title: translate({ id: "home.module.vla.title", message: "Vision-language-action" }),
      to: "/docs/vla/vla-models",
      summary: translate({
        id: "home.module.vla.summary",
        message: "How VLA models turn pixels and words into motor commands, and where they fail.",
      }),
    },
    {
      number: 7,
      title: translate({
        id: "home.module.navigationManipulation.title",
        message: "Navigation and manipulation",
      }),
      to: "/docs/navigation-manipulation/ros2-control",
      summary: translate({
        id: "home.module.navigationManipulation.summary",
        message: "ros2_control between controllers and hardware, Nav2 for the base, MoveIt 2 for the arms.",
      }),
    },
    {
      number: 8,
      title: translate({ id: "home.module.capstone.title", message: "Capstone" }),
      to: "/docs/capstone/capstone-project",
      summary: translate({
        id: "home.module.capstone.summary",
        message: "Integrate everything into one voice-commanded humanoid in simulation.",
      }),
    },
    {
      number: null,
      title: translate({ id: "home.module.glossary.title", message: "Glossary" }),
      to: "/docs/glossary",
      summary: translate({
        id: "home.module.glossary.summary",
        message: "Every term of the book, from actuator to zero-moment point, in one place.",
      }),
    },
  ];
}
