"""Figure 3.3: the chapter's randomisation ranges and the three episodes it samples with seed 42."""

import numpy as np
from chapter_code import run
from svgfig import BLUE, GREEN, ORANGE, Svg

ns = run("03-simulation/03-isaac-sim.mdx", "domain_randomisation.py")
ranges, sample = ns["RANDOMISATION"], ns["sample_episode_params"]
rng = np.random.default_rng(42)  # the chapter's seed: the same three episodes it prints
episodes = [sample(rng) for _ in range(3)]
colors = [BLUE, ORANGE, GREEN]

row, x0, width = 30, 220, 330
svg = Svg(680, 70 + row * len(ranges), "Each randomised parameter as a bar from its lower to its upper bound, "
          "log-scaled where the chapter samples in log space, with the values of episodes 0, 1 and 2 marked")
for i, (name, r) in enumerate(ranges.items()):
    y = 30 + i * row

    def pos(v, r=r):
        if r.log:
            return x0 + (np.log(v) - np.log(r.low)) / (np.log(r.high) - np.log(r.low)) * width
        return x0 + (v - r.low) / (r.high - r.low) * width

    svg.text(x0 - 12, y + 5, name + (" (log)" if r.log else ""), 12, "end")
    svg.rect(x0, y - 6, width, 12, fill="#868e96", stroke="#868e96", opacity=0.25, rx=6)
    svg.text(x0 + width + 12, y + 4, f"{r.low:g} to {r.high:g}", 12)
    for episode, color in zip(episodes, colors):
        svg.circle(pos(episode[name]), y, 6, color, opacity=0.9)
legend_y = 36 + row * len(ranges)
for k, color in enumerate(colors):
    svg.circle(x0 + 12 + k * 110, legend_y, 6, color)
    svg.text(x0 + 24 + k * 110, legend_y + 4, f"episode {k}", 12)
svg.save("03-simulation", "domain-randomisation")
