"""Figure 6.1: a dual-system VLA on a humanoid: three loops at three rates over half a second."""

from svgfig import BLUE, GREEN, GREY, PURPLE, Svg

T = 0.5  # seconds shown
x0, width = 250, 400


def X(t):
    return x0 + t / T * width


# (layer, rate Hz, what each tick produces, colour): rates from the chapter's dual-system row (reasoning at a few Hz,
# motor control at 100+ Hz) and the joint PD loops of the whole-body chapter
LOOPS = [
    ("System 2: VLM", 7, "latent goal / subtask", PURPLE),
    ("System 1: visuomotor policy", 200, "action chunk / joint targets", BLUE),
    ("Joint PD loops (drivers)", 1000, "motor torque", GREEN),
]
svg = Svg(680, 280, "Timeline over half a second: the vision-language model ticks about 7 times per second, the "
          "fast visuomotor policy 200 times per second, and the joint PD loops 1000 times per second; each layer "
          "conditions the one below it")
for i, (name, hz, out, color) in enumerate(LOOPS):
    y = 40 + i * 70
    svg.text(x0 - 12, y + 4, name, 13, "end", weight="600")
    svg.text(x0 - 12, y + 20, f"{hz:g} Hz → {out}", 11, "end")
    svg.line(x0, y + 14, X(T), y + 14, GREY, 1)
    n = int(T * hz)
    for k in range(n + 1):
        t = k / hz
        h = 22 if hz < 100 else (14 if hz < 500 else 8)
        svg.line(X(t), y + 14 - h, X(t), y + 14, color, 2.5 if hz < 100 else (1.2 if hz < 500 else 0.4))
    if i < len(LOOPS) - 1:
        svg.arrow(X(T) + 12, y + 14, X(T) + 12, y + 60, GREY, 1.5)
for t in (0, 0.1, 0.2, 0.3, 0.4, 0.5):
    svg.text(X(t), 250, f"{t:.1f}", 11, "middle")
svg.text(X(T / 2), 270, "time (s)", 12, "middle")
svg.save("06-vla", "vla-dual-system")
