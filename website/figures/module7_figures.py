"""Figures of Module 7 (ros2_control, Nav2, MoveIt 2). Run: /usr/bin/python3 website/figures/module7_figures.py"""
import numpy as np

from new_chapter_svg import (ARROW_DEF, BLUE, GREEN, GREY, ORANGE, PURPLE, RED, TEXT, arrow, box, run_example,
                          text, write_svg)

FOLDER = "07-navigation-manipulation"


def ros2_control_architecture():
    body = [ARROW_DEF]
    body += box(20, 70, 130, 54, PURPLE, ["MoveIt 2"])
    body += box(20, 160, 130, 54, PURPLE, ["Nav2"])
    body += box(20, 250, 130, 54, PURPLE, ["robot_state_", "publisher"], size=12)
    # The resource manager lives inside the controller manager, so the frame encloses it too.
    body.append(f'<rect x="190" y="22" width="395" height="308" rx="10" fill="none" stroke="{TEXT}" stroke-width="2"/>')
    body.append(text(387, 44, "controller manager", size=15))
    body.append(text(387, 60, "read → update → write, every cycle", size=11, weight="normal"))
    body += box(210, 85, 230, 50, BLUE, ["joint_trajectory_controller"], size=12)
    body += box(210, 160, 230, 50, BLUE, ["diff_drive_controller"], size=12)
    body += box(210, 235, 230, 50, BLUE, ["joint_state_broadcaster"], size=12)
    body.append(arrow(150, 97, 208, 108))
    body.append(text(178, 88, "trajectory", size=10, weight="normal"))
    body.append(arrow(150, 187, 208, 185))
    body.append(text(178, 178, "cmd_vel", size=10, weight="normal"))
    body.append(arrow(208, 262, 152, 277))
    body.append(text(178, 240, "/joint_states", size=10, weight="normal"))
    body += box(490, 75, 80, 235, GREY, ["resource", "manager:", "state +", "command", "interfaces"], size=11)
    for y in (110, 185, 260):
        body.append(f'<line x1="440" y1="{y}" x2="488" y2="{y}" stroke="{TEXT}" stroke-width="2"/>')
    body.append(text(700, 40, "one hardware component,", size=12))
    body.append(text(700, 56, "chosen by the URDF", size=12))
    body.append(text(700, 72, "&lt;plugin&gt; line", size=12))
    body += box(610, 85, 180, 56, GREEN, ["GazeboSimSystem", "(simulation)"], size=12)
    body += box(610, 160, 180, 56, ORANGE, ["mock_components/", "GenericSystem (tests)"], size=12)
    body += box(610, 235, 180, 56, RED, ["vendor driver", "(real robot)"], size=12)
    for y in (113, 188, 263):
        body.append(arrow(572, 185, 608, y, dashed=y != 113))
    write_svg(f"{FOLDER}/ros2-control-architecture.svg", 820, 340, body,
              "ros2_control architecture: controllers, resource manager and interchangeable hardware components")


def astar_costmap():
    ex = run_example("07-navigation-manipulation/02-navigation-nav2.mdx", "astar_costmap.py")
    occ, cost, H, W, LETHAL = ex["occ"], ex["cost"], ex["H"], ex["W"], ex["LETHAL"]
    start, goal = ex["start"], ex["goal"]
    cell, gap = 26, 60
    body = [ARROW_DEF]
    for panel, weight in enumerate((0.0, 3.0)):
        path, _ = ex["astar"](start, goal, weight)
        ox, oy = 20 + panel * (W * cell + gap), 40
        label = "length only" if weight == 0 else "length + inflation cost"
        body.append(text(ox + W * cell / 2, 26, label, size=15))
        for r in range(H):
            for c in range(W):
                if occ[r][c]:
                    fill, opacity = "#94a3b8", 1.0
                elif cost[r][c] >= LETHAL:
                    fill, opacity = RED, 0.75
                elif cost[r][c] > 0:
                    fill, opacity = ORANGE, 0.25 + 0.6 * cost[r][c] / 252
                else:
                    fill, opacity = GREY, 0.12
                body.append(f'<rect x="{ox + c * cell}" y="{oy + r * cell}" width="{cell - 1}" height="{cell - 1}" '
                            f'fill="{fill}" fill-opacity="{opacity:.2f}"/>')
        pts = " ".join(f"{ox + c * cell + cell / 2 - 0.5},{oy + r * cell + cell / 2 - 0.5}" for r, c in path)
        body.append(f'<polyline points="{pts}" fill="none" stroke="{BLUE}" stroke-width="4" stroke-linejoin="round"/>')
        for (r, c), name, colour in ((start, "S", GREEN), (goal, "G", PURPLE)):
            cx, cy = ox + c * cell + cell / 2 - 0.5, oy + r * cell + cell / 2 - 0.5
            body.append(f'<circle cx="{cx}" cy="{cy}" r="10" fill="{colour}"/>')
            body.append(text(cx, cy + 4.5, name, size=12, fill="#ffffff"))
    ly = 40 + H * cell + 28
    for i, (fill, opacity, name) in enumerate((("#94a3b8", 1.0, "obstacle"), (RED, 0.75, "inside robot radius"),
                                               (ORANGE, 0.6, "inflation cost"), (BLUE, 1.0, "planned path"))):
        x = 40 + i * 190
        body.append(f'<rect x="{x}" y="{ly - 12}" width="16" height="16" fill="{fill}" fill-opacity="{opacity}"/>')
        body.append(text(x + 24, ly + 1, name, size=13, anchor="start"))
    write_svg(f"{FOLDER}/astar-costmap.svg", 2 * W * cell + gap + 40, ly + 20, body,
              "A* paths on an inflated costmap, without and with the inflation cost")


def grasp_candidates():
    ex = run_example("07-navigation-manipulation/03-manipulation-moveit2.mdx", "grasp_candidates.py")
    cup, bottle, shoulder = ex["CUP"], ex["BOTTLE"], ex["SHOULDER"]
    x0, x1, y0, y1, scale = 0.36, 0.74, -0.10, 0.34, 900
    to_px = lambda p: (30 + (p[0] - x0) * scale, 30 + (y1 - p[1]) * scale)   # x right, y up
    width, height = 260 + (x1 - x0) * scale, 60 + (y1 - y0) * scale
    body = [ARROW_DEF]
    best_yaw = ex["candidates"][0][1]
    for yaw in range(0, 360, 30):
        approach, R = ex["side_grasp"](yaw)
        grasp = cup["centre"].copy()
        pre = grasp - ex["PRE_GRASP_OFFSET"] * approach
        lift = grasp + np.array([0.0, 0.0, ex["LIFT"]])
        reach = all(ex["REACH_MIN"] <= np.linalg.norm(p - shoulder) <= ex["REACH_MAX"] for p in (pre, grasp, lift))
        path = [pre + s * (grasp - pre) for s in np.linspace(0.0, 1.0, 11)]
        tips = [grasp + k * (ex["GRIPPER_MAX_OPENING"] / 2) * R[:, 1] for k in (-1, 1)]
        free = all(ex["clear_of"](bottle, p, ex["FINGER_CLEARANCE"]) for p in path + tips)
        colour = GREY if not reach else RED if not free else GREEN
        a = to_px(cup["centre"] - (cup["radius"] + ex["PRE_GRASP_OFFSET"]) * approach)
        b = to_px(cup["centre"] - (cup["radius"] + 0.008) * approach)
        w = 6 if yaw == best_yaw else 3
        body.append(arrow(a[0], a[1], b[0], b[1], colour=colour, width=w))
    for obj, name, colour in ((cup, "cup", BLUE), (bottle, "bottle", PURPLE)):
        c = to_px(obj["centre"])
        body.append(f'<circle cx="{c[0]:.1f}" cy="{c[1]:.1f}" r="{obj["radius"] * scale:.1f}" fill="{colour}"/>')
        body.append(text(c[0], c[1] + 4.5, name, size=12, fill="#ffffff"))
    body.append(text(34, height - 12, "← towards the shoulder (0, 0)", size=13, anchor="start"))
    for i, (colour, name) in enumerate(((GREEN, "feasible (thick: best)"), (GREY, "out of reach"),
                                        (RED, "collides with bottle"))):
        body.append(f'<rect x="{width - 215}" y="{120 + i * 24}" width="14" height="14" fill="{colour}"/>')
        body.append(text(width - 195, 132 + i * 24, name, size=13, anchor="start"))
    write_svg(f"{FOLDER}/grasp-candidates.svg", int(width), int(height), body,
              "Top view of side-grasp candidates around the cup: feasible, out of reach, in collision")


def joint_loop_rates():
    ex = run_example("07-navigation-manipulation/01-ros2-control.mdx", "joint_loop.py")
    import math

    def trace(rate_hz, duration=2.0):
        """The chapter's loop (same plant, gains and profile), keeping every control step."""
        dt, sub = 1.0 / rate_hz, 10
        q, qd, integ, out = 0.0, 0.0, 0.0, []
        for k in range(int(duration * rate_hz) + 1):
            t = k * dt
            q_ref, qd_ref, _ = ex["trapezoid"](0.0, 1.0, v_max=1.0, a_max=4.0, t=t)
            err = q_ref - q
            integ += err * dt
            tau = ex["kp"] * err + ex["kd"] * (qd_ref - qd) + ex["ki"] * integ
            tau = max(-ex["tau_max"], min(ex["tau_max"], tau))
            for _ in range(sub):
                friction = ex["b"] * qd + (ex["tau_c"] * math.copysign(1.0, qd) if abs(qd) > 1e-6 else 0.0)
                qd += (tau - friction) / ex["J"] * dt / sub
                q += qd * dt / sub
            out.append((t, q_ref, q))
        return out

    pw, ph, left, top = 560, 240, 60, 30
    to_xy = lambda t, q: (left + t / 2.0 * pw, top + ph - (q + 0.1) / 1.3 * ph)
    body = [f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="{TEXT}" stroke-width="1.5"/>',
            f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + ph}" stroke="{TEXT}" stroke-width="1.5"/>']
    for t in (0.0, 0.5, 1.0, 1.5, 2.0):
        x, _ = to_xy(t, 0)
        body.append(text(x, top + ph + 16, f"{t:g}", size=11, weight="normal"))
    for q in (0.0, 0.5, 1.0):
        _, y = to_xy(0, q)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="{GREY}" stroke-opacity="0.35"/>')
        body.append(text(left - 8, y + 4, f"{q:g}", size=11, anchor="end", weight="normal"))
    body.append(text(left + pw / 2, top + ph + 34, "time [s]", size=12))
    body.append(text(left + 6, top + 4, "q [rad]", size=12, anchor="start"))
    series = [(trace(1000), GREY, "reference (trapezoid)", True), (trace(1000), BLUE, "1000 Hz", False),
              (trace(50), ORANGE, "50 Hz", False), (trace(25), RED, "25 Hz", False)]
    for i, (data, colour, name, is_ref) in enumerate(series):
        pts = " ".join("{:.1f},{:.1f}".format(*to_xy(t, qr if is_ref else q)) for t, qr, q in data)
        dash = ' stroke-dasharray="7 5"' if is_ref else ""
        body.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="{2.5 if is_ref else 2}"{dash}/>')
        body.append(f'<line x1="{left + pw - 170}" y1="{top + ph - 92 + i * 20}" x2="{left + pw - 146}" '
                    f'y2="{top + ph - 92 + i * 20}" stroke="{colour}" stroke-width="3"{dash}/>')
        body.append(text(left + pw - 140, top + ph - 88 + i * 20, name, size=12, anchor="start"))
    write_svg(f"{FOLDER}/joint-loop-rates.svg", left + pw + 20, top + ph + 44, body,
              "Joint position under the same PID gains at 1000, 50 and 25 Hz, against the trapezoidal reference")


def tf_frames():
    ex = run_example("07-navigation-manipulation/02-navigation-nav2.mdx", "corridor_mcl.py")
    offset = ex["est"] - ex["odom_x"]
    body = [ARROW_DEF]
    frames = [("map", 40), ("odom", 300), ("base_link", 560)]
    for name, x in frames:
        body += box(x, 60, 150, 50, BLUE, [name], size=15)
    body += box(560, 190, 150, 44, GREY, ["camera_link, …"], size=13)
    body.append(arrow(190, 85, 298, 85, width=3))
    body.append(arrow(450, 85, 558, 85, width=3))
    body.append(arrow(635, 110, 635, 188, width=2))
    body.append(text(245, 40, "AMCL (localiser)", size=13))
    body.append(text(245, 132, "correct, may jump", size=12, weight="normal"))
    body.append(text(245, 150, f"corridor example: {offset:+.2f} m", size=12, weight="normal"))
    body.append(text(505, 40, "odometry (diff_drive_controller", size=13))
    body.append(text(505, 56, "or leg odometry)", size=13))
    body.append(text(505, 132, "smooth, drifts", size=12, weight="normal"))
    body.append(text(645, 146, "robot_state_publisher", size=12, anchor="start", weight="normal"))
    body.append(text(645, 162, "(URDF + /joint_states)", size=12, anchor="start", weight="normal"))
    write_svg(f"{FOLDER}/tf-frames.svg", 800, 250, body,
              "The transform chain map to odom to base_link and who publishes each transform")


if __name__ == "__main__":
    ros2_control_architecture()
    joint_loop_rates()
    tf_frames()
    astar_costmap()
    grasp_candidates()
