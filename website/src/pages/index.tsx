import { translate } from "@docusaurus/Translate";
import Layout from "@theme/Layout";
import { Hero } from "./_home/Hero.js";
import { HowItAdapts } from "./_home/HowItAdapts.js";
import { ModuleGrid } from "./_home/ModuleGrid.js";

export default function Home() {
  return (
    <Layout
      description={translate({
        id: "home.description",
        message:
          "A hands-on textbook on physical AI and humanoid robotics: ROS 2, simulation, perception, control and vision-language-action models, adapted to your background.",
      })}
    >
      <Hero />
      <main>
        <ModuleGrid />
        <HowItAdapts />
      </main>
    </Layout>
  );
}
