"""Figure 4.2: the chapter's four pitch estimates over its 20 s simulation."""

from chapter_code import run
from svgfig import BLUE, GREEN, GREY, ORANGE, RED, Axes, Svg

ns = run("04-perception/02-sensor-fusion.mdx", "imu_fusion.py")
t = ns["t"]

svg = Svg(680, 360, "Pitch estimates over 20 seconds: true pitch, accelerometer only, gyro only, "
          "complementary filter and Kalman filter")
ax = Axes(svg, 70, 20, 580, 260, (0, 20), (-0.5, 1.0))
ax.frame([0, 5, 10, 15, 20], [-0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1.0], "time (s)", "pitch (rad)")
step = 10
ax.plot(t[::2], ns["accel_pitch"][::2], GREY, 1)
ax.plot(t[::step], ns["gyro_only"][::step], RED, 2, "6 4")
ax.plot(t[::step], ns["cf"][::step], ORANGE, 2)
ax.plot(t[::step], ns["kf"][::step], GREEN, 2)
ax.plot(t[::step], ns["true_pitch"][::step], "currentColor", 1.5, "2 3")
ax.legend([("accelerometer only (noisy)", GREY, None), ("gyro only (drifts)", RED, "6 4"),
           ("true pitch", "currentColor", "2 3")], 90, 34, 18)
ax.legend([("complementary, alpha = 0.98", ORANGE, None), ("Kalman (estimates the bias)", GREEN, None)],
          360, 34, 18)
svg.save("04-perception", "imu-fusion-estimates")
