"""Figure 4.4: raw detector candidates and the detections kept after threshold + class-wise NMS.
Run: /usr/bin/python3 website/figures/learned_perception_figure.py"""
from new_chapter_svg import BLUE, GREEN, GREY, PURPLE, TEXT, run_example, text, write_svg

ex = run_example("04-perception/04-learned-perception.mdx", "detections_nms.py")
xyxy, conf, cls, kept = ex["xyxy"], ex["conf"], ex["cls"], {i for i, _ in ex["detections"]}
COLOURS = [BLUE, PURPLE, GREEN]
scale, pad, gap = 0.6, 30, 40
W, H = 640 * scale, 480 * scale
body = []
for panel, title in enumerate(("raw candidates", f"after threshold {ex['CONF']} and class-wise NMS")):
    ox = pad + panel * (W + gap)
    body.append(text(ox + W / 2, 20, title, size=14))
    body.append(f'<rect x="{ox}" y="{pad}" width="{W}" height="{H}" fill="{GREY}" fill-opacity="0.12" '
                f'stroke="{TEXT}" stroke-width="1.5"/>')
    for i, (x1, y1, x2, y2) in enumerate(xyxy):
        if panel == 1 and i not in kept:
            continue
        colour = COLOURS[cls[i]] if conf[i] >= ex["CONF"] else GREY
        dash = "" if panel == 1 else ' stroke-dasharray="5 3"'
        body.append(f'<rect x="{ox + x1 * scale:.1f}" y="{pad + y1 * scale:.1f}" width="{(x2 - x1) * scale:.1f}" '
                    f'height="{(y2 - y1) * scale:.1f}" fill="none" stroke="{colour}" stroke-width="{3 if panel else 2}"{dash}/>')
    if panel == 1:
        # Labels go on top of every box; a label that would cross another kept box goes below its own box.
        for i in sorted(kept):
            x1, y1, x2, y2 = xyxy[i]
            label = f"{ex['CLASSES'][cls[i]]} {conf[i]:.2f}"
            width = len(label) * 7.4 + 8
            lx = ox + x1 * scale
            above = (pad + y1 * scale - 18, pad + y1 * scale)
            def crosses(top, bottom):
                return any(j != i and ox + xyxy[j][0] * scale < lx + width and lx < ox + xyxy[j][2] * scale
                           and pad + xyxy[j][1] * scale < bottom and top < pad + xyxy[j][3] * scale for j in kept)
            top = above[0] if not crosses(*above) else pad + y2 * scale
            body.append(f'<rect x="{lx:.1f}" y="{top:.1f}" width="{width:.1f}" height="18" fill="{COLOURS[cls[i]]}"/>')
            body.append(text(lx + 4, top + 13, label, size=12, anchor="start", fill="#ffffff"))
write_svg("04-perception/nms.svg", int(2 * W + gap + 2 * pad), int(H + 2 * pad + 5), body,
          "Raw detection candidates and the three detections kept after non-maximum suppression")
