"""Figure 1.3: step responses of the chapter's PD-controlled joint for its three gain sets."""

import numpy as np
from chapter_code import run
from svgfig import BLUE, GREEN, ORANGE, Axes, Svg

sim = run("01-foundations/03-sensors-and-actuators.mdx", "pd_joint_sim.py")
J, b, tau_max = sim["J"], sim["b"], sim["tau_max"]


def trajectory(kp, kd, target=np.radians(30), T=2.0, dt=1e-3):
    """The chapter's simulate(), keeping every sample instead of only the summary."""
    q, qd, log = 0.0, 0.0, []
    for _ in range(int(T / dt)):
        tau = np.clip(kp * (target - q) - kd * qd, -tau_max, tau_max)
        qd += (tau - b * qd) / J * dt
        q += qd * dt
        log.append(q)
    return np.arange(1, len(log) + 1) * dt, np.degrees(np.array(log))


svg = Svg(640, 340, "Joint angle against time for three PD gain sets, with the 30 degree target and its 2 % band")
ax = Axes(svg, 70, 20, 540, 250, (0, 2.0), (0, 50))
ax.frame([0, 0.5, 1.0, 1.5, 2.0], [0, 10, 20, 30, 40, 50], "time (s)", "joint angle (deg)")
svg.rect(ax.X(0), ax.Y(30.6), ax.w, ax.Y(29.4) - ax.Y(30.6), fill="#868e96", stroke="none", rx=0, opacity=0.25)
svg.line(ax.X(0), ax.Y(30), ax.X(2), ax.Y(30), dash="5 4")
entries = []
for (kp, kd), color in zip([(20, 0.5), (20, 2.0), (80, 4.0)], [ORANGE, BLUE, GREEN]):
    t, q = trajectory(kp, kd)
    ax.plot(t[::5], q[::5], color)
    entries.append((f"kp = {kp}, kd = {kd}: overshoot {max(0, q.max() - 30):.1f}°", color, None))
ax.legend(entries, 330, 200)
svg.text(ax.X(1.98), ax.Y(30) - 8, "target 30° (±2 % band)", 12, "end")
svg.save("01-foundations", "pd-step-response")
