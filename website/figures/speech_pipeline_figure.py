"""Figure 6.3: the speech pipeline from microphone to /instruction and /stop.
Run: /usr/bin/python3 website/figures/speech_pipeline_figure.py"""
from new_chapter_svg import ARROW_DEF, BLUE, GREEN, GREY, ORANGE, PURPLE, RED, arrow, box, text, write_svg

body = [ARROW_DEF]
body += box(10, 95, 110, 60, GREY, ["microphone", "16 kHz mono"], size=12)
body += box(180, 95, 120, 60, BLUE, ["voice activity", "detection"], size=12)
body += box(360, 95, 130, 60, PURPLE, ["offline ASR", "Whisper / Vosk"], size=12)
body += box(560, 95, 90, 60, ORANGE, ["gate"], size=13)
body += box(710, 15, 180, 54, RED, ["stop word → /stop", "cancel all actions"], size=12)
body += box(710, 98, 180, 54, GREY, ["low confidence →", "ask to repeat"], size=12)
body += box(710, 181, 180, 54, GREEN, ["normalised text →", "/instruction"], size=12)
body.append(arrow(120, 125, 178, 125))
body.append(text(149, 115, "frames", size=10, weight="normal"))
body.append(arrow(300, 125, 358, 125))
body.append(text(329, 115, "utterance", size=10, weight="normal"))
body.append(arrow(490, 125, 558, 125))
body.append(text(524, 115, "text + conf.", size=10, weight="normal"))
body.append(arrow(650, 110, 708, 45, colour=RED, width=3))
body.append(text(668, 70, "first", size=11))
body.append(arrow(650, 125, 708, 125))
body.append(arrow(650, 140, 708, 205, colour=GREEN))
body.append(text(890, 262, "→ command parser → task executive", size=12, anchor="end"))
write_svg("06-vla/speech-pipeline.svg", 900, 275, body,
          "Speech pipeline: microphone, voice activity detection, offline recogniser, gate to stop, ask or instruction")
