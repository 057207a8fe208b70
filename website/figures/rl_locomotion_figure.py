"""Figure 5.6: PPO's clipped surrogate objective against the probability ratio.
Run: /usr/bin/python3 website/figures/rl_locomotion_figure.py"""
import numpy as np

from new_chapter_svg import BLUE, GREY, RED, TEXT, run_example, text, write_svg

ex = run_example("05-humanoid-control/04-rl-locomotion.mdx", "ppo_gae.py")
eps = 0.2
rho = np.linspace(0.0, 2.0, 201)
pw, ph, left, top, gap = 300, 200, 50, 40, 70
body = []
for panel, adv in enumerate((1.0, -1.0)):
    ox = left + panel * (pw + gap)
    clipped = -np.array([ex["ppo_clip_loss"](np.array([r]), np.array([adv]), eps) for r in rho])
    to_xy = lambda r, v: (ox + r / 2.0 * pw, top + ph / 2 - v / 4.4 * ph)
    body.append(text(ox + pw / 2, 22, "advantage A &gt; 0" if adv > 0 else "advantage A &lt; 0", size=14))
    x0, y0 = to_xy(0, 0)
    x1, _ = to_xy(2, 0)
    body.append(f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}" stroke="{TEXT}" stroke-width="1.5"/>')
    body.append(f'<line x1="{x0}" y1="{top}" x2="{x0}" y2="{top + ph}" stroke="{TEXT}" stroke-width="1.5"/>')
    for r in (0.8, 1.0, 1.2, 2.0):
        x, _ = to_xy(r, 0)
        body.append(f'<line x1="{x}" y1="{top}" x2="{x}" y2="{top + ph}" stroke="{GREY}" stroke-opacity="0.35"/>')
        body.append(text(x, top + ph + 16, f"{r:g}", size=11, weight="normal"))
    body.append(text(ox + pw / 2, top + ph + 34, "probability ratio ρ", size=12))
    body.append(text(ox - 8, top + 6, "objective", size=11, anchor="start", weight="normal"))
    unclipped = " ".join("{:.1f},{:.1f}".format(*to_xy(r, r * adv)) for r in rho)
    body.append(f'<polyline points="{unclipped}" fill="none" stroke="{GREY}" stroke-width="2" stroke-dasharray="6 4"/>')
    pts = " ".join("{:.1f},{:.1f}".format(*to_xy(r, v)) for r, v in zip(rho, clipped))
    body.append(f'<polyline points="{pts}" fill="none" stroke="{BLUE if adv > 0 else RED}" stroke-width="3.5"/>')
write_svg("05-humanoid-control/ppo-clip.svg", 2 * pw + gap + 2 * left, top + ph + 50, body,
          "PPO clipped objective versus probability ratio for positive and negative advantages")
