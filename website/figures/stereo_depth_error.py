"""Figure 4.1: stereo depth error against distance for the chapter's camera (f = 640 px, B = 5 cm, 0.1 px)."""

import numpy as np
from chapter_code import run
from svgfig import BLUE, ORANGE, Axes, Svg

ns = run("04-perception/01-robot-sensors.mdx", "pinhole.py")
f_px, baseline, disp_err = ns["f_px"], ns["baseline"], ns["disp_err"]
Z = np.linspace(0.2, 4.0, 120)
err_cm = Z**2 / (f_px * baseline) * disp_err * 100

svg = Svg(640, 340, "Stereo depth error grows with the square of distance: 0.08 cm at 0.5 m, 0.31 cm at 1 m, "
          "1.25 cm at 2 m and 5 cm at 4 m")
ax = Axes(svg, 70, 20, 540, 250, (0, 4.0), (0, 5.5))
ax.frame([0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5], "distance Z (m)", "depth error (cm)")
ax.plot(Z, err_cm, BLUE, 2.5)
for z in (0.5, 1.0, 2.0, 4.0):
    e = z**2 / (f_px * baseline) * disp_err * 100
    svg.circle(ax.X(z), ax.Y(e), 4.5, ORANGE)
    svg.text(ax.X(z) - 6, ax.Y(e) - 10, f"{e:.2f} cm", 12, "end" if z > 3 else "middle")
svg.text(ax.X(0.2), ax.Y(4.8), f"ΔZ ≈ Z² Δd / (f B), f = {f_px:.0f} px, B = {baseline * 100:.0f} cm, "
         f"Δd = {disp_err} px", 12)
svg.save("04-perception", "stereo-depth-error")
