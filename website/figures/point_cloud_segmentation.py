"""Figure 4.3: the chapter's synthetic table-top cloud after voxel filtering, split into the RANSAC plane
and the object, seen from the side."""

from chapter_code import run
from svgfig import BLUE, ORANGE, Axes, Svg

ns = run("04-perception/03-point-clouds.mdx", "cloud_pipeline.py", as_main=True)
small, inliers = ns["small"], ns["inliers"]

svg = Svg(660, 380, "Side view of the voxel-filtered point cloud: the table points found by RANSAC as a "
          "plane, and the remaining points that form the box on top")
ax = Axes(svg, 70, 20, 560, 280, (-0.55, 0.55), (0.70, 0.90))
ax.frame([-0.5, -0.25, 0, 0.25, 0.5], [0.70, 0.75, 0.80, 0.85, 0.90], "x (m)", "height z (m)", yfmt="{:.2f}")
for point, on_plane in zip(small[::2], inliers[::2]):
    svg.circle(ax.X(point[0]), ax.Y(point[2]), 1.6, BLUE if on_plane else ORANGE, opacity=0.7)
for point in small[~inliers]:
    svg.circle(ax.X(point[0]), ax.Y(point[2]), 2.2, ORANGE, opacity=0.9)
n = int(inliers.sum())
svg.circle(100, 50, 4, BLUE)
svg.text(110, 54, f"plane inliers ({n} points, z ≈ {-ns['d']:.2f} m)", 12)
svg.circle(100, 72, 4, ORANGE)
svg.text(110, 76, f"object points ({len(small) - n}): the box on the table", 12)
svg.save("04-perception", "point-cloud-segmentation")
