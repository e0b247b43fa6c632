"""Labelled WhatsApp exports in every layout, generated deterministically.

Each export is written as ``NAME.txt`` with ``NAME.expected.jsonl`` beside it, holding the
messages a correct parser must return. The strings follow real exports (see the parser's
``markers.toml`` for where each language's markers come from).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

LRM = "\u200e"
NNBSP = "\u202f"
NBSP = "\u00a0"
WORDS = [
    "see",
    "you",
    "at",
    "the",
    "centre",
    "tomorrow",
    "thanks",
    "for",
    "letting",
    "me",
    "know",
    "is",
    "the",
    "visit",
    "still",
    "on",
    "can",
    "we",
    "move",
    "it",
    "to",
    "3pm",
    "the",
    "school",
    "called",
    "about",
    "Friday",
    "I",
    "will",
    "bring",
    "the",
    "forms",
    "ok",
    "sounds",
    "good",
    "running",
    "late",
    "sorry",
    "bus",
    "was",
    "cancelled",
    "what",
    "time",
    "works",
    "for",
    "you",
]
NAMES = ["Sam Taylor", "Jordan", "+44 7700 900123", "Priya Shah", "Chloé Martin"]


@dataclass(frozen=True)
class Style:
    """How one phone writes an export."""

    name: str
    ios: bool
    date: str  # strftime-like pattern using {d} {m} {y} {Y}
    clock: str  # "24", "24s", "12", "12s"
    ampm: tuple[str, str] = ("AM", "PM")
    ampm_space: str = " "
    gap: str = ", "
    language: str = "en"
    crlf: bool = False
    bom: bool = False
    two_digit_day: bool = True


LANGUAGES = {
    "en": {
        "media": "<Media omitted>",
        "deleted": "This message was deleted",
        "you_deleted": "You deleted this message",
        "edited": "<This message was edited>",
        "attached": "file attached",
        "ios_attached": "attached",
        "image": "image omitted",
        "sticker": "sticker omitted",
        "location": "location",
    },
    "de": {
        "media": "<Medien ausgeschlossen>",
        "deleted": "Diese Nachricht wurde gelöscht",
        "you_deleted": "Du hast diese Nachricht gelöscht",
        "edited": "<Diese Nachricht wurde bearbeitet>",
        "attached": "Datei angehängt",
        "ios_attached": "Anhang",
        "image": "Bild weggelassen",
        "sticker": "Sticker weggelassen",
        "location": "Standort",
    },
    "es": {
        "media": "<Multimedia omitido>",
        "deleted": "Se eliminó este mensaje.",
        "you_deleted": "Eliminaste este mensaje.",
        "edited": "<Se editó este mensaje.>",
        "attached": "archivo adjunto",
        "ios_attached": "adjunto",
        "image": "imagen omitida",
        "sticker": "sticker omitido",
        "location": "ubicación",
    },
    "pt": {
        "media": "<Mídia oculta>",
        "deleted": "Esta mensagem foi apagada",
        "you_deleted": "Você apagou esta mensagem",
        "edited": "<Mensagem editada>",
        "attached": "arquivo anexado",
        "ios_attached": "anexado",
        "image": "<Mídia oculta>",
        "sticker": "<Mídia oculta>",
        "location": "localização",
    },
    "pl": {
        "media": "<Pominięto multimedia>",
        "deleted": "Ta wiadomość została usunięta",
        "you_deleted": "Usunięto tę wiadomość",
        "edited": "<Ta wiadomość została zmieniona>",
        "attached": "plik załączony",
        "ios_attached": "załączony",
        "image": "<Pominięto multimedia>",
        "sticker": "<Pominięto multimedia>",
        "location": "location",
    },
    "fr": {
        "media": "<Médias omis>",
        "deleted": "Ce message a été supprimé",
        "you_deleted": "Vous avez supprimé ce message",
        "edited": "<Ce message a été modifié>",
        "attached": "fichier joint",
        "ios_attached": "pièce jointe",
        "image": "image absente",
        "sticker": "sticker omis",
        "location": "position",
    },
}

STYLES = [
    Style("android-uk-24h", False, "{d}/{m}/{Y}", "24"),
    Style("android-us-12h", False, "{m}/{d}/{y}", "12", ampm_space=NNBSP, two_digit_day=False),
    Style("android-uk-12h-lower", False, "{d}/{m}/{Y}", "12", ampm=("am", "pm")),
    Style("android-de-dotted", False, "{d}.{m}.{y}", "24", language="de"),
    Style(
        "android-es-ampm-dots",
        False,
        "{d}/{m}/{y}",
        "12",
        ampm=("a. m.", "p. m."),
        ampm_space=NBSP,
        language="es",
        two_digit_day=False,
    ),
    Style("android-pt-no-comma", False, "{d}/{m}/{Y}", "24", gap=" ", language="pt"),
    Style("android-pl-dotted", False, "{d}.{m}.{Y}", "24", language="pl"),
    Style("android-dash-separator", False, "{d}-{m}-{Y}", "24", gap=" "),
    Style("android-year-first", False, "{Y}-{m}-{d}", "24"),
    Style("ios-uk-24h", True, "{d}/{m}/{Y}", "24s"),
    Style("ios-us-12h", True, "{m}/{d}/{y}", "12s", ampm_space=NNBSP, two_digit_day=False),
    Style("ios-de-dotted", True, "{d}.{m}.{y}", "24s", language="de"),
    Style("ios-fr-crlf-bom", True, "{d}/{m}/{Y}", "24s", language="fr", crlf=True, bom=True),
    Style(
        "ios-es-12h",
        True,
        "{d}/{m}/{y}",
        "12s",
        ampm=("a. m.", "p. m."),
        ampm_space=NNBSP,
        language="es",
        two_digit_day=False,
    ),
    Style("ios-year-first", True, "{Y}/{m}/{d}", "24s"),
]


def _date(style: Style, moment: datetime) -> str:
    day = f"{moment.day:02d}" if style.two_digit_day else str(moment.day)
    month = f"{moment.month:02d}" if style.two_digit_day else str(moment.month)
    return style.date.format(d=day, m=month, y=f"{moment.year % 100:02d}", Y=str(moment.year))


def _time(style: Style, moment: datetime) -> str:
    seconds = style.clock.endswith("s")
    if style.clock.startswith("24"):
        text = f"{moment.hour:02d}:{moment.minute:02d}"
    else:
        hour = moment.hour % 12 or 12
        text = f"{hour}:{moment.minute:02d}"
    if seconds:
        text += f":{moment.second:02d}"
    if style.clock.startswith("12"):
        text += style.ampm_space + style.ampm[moment.hour >= 12]
    return text


def header(style: Style, moment: datetime) -> str:
    """The start of a message line in this style."""
    stamp = f"{_date(style, moment)}{style.gap}{_time(style, moment)}"
    return f"[{stamp}] " if style.ios else f"{stamp} - "


def _text(rng: random.Random) -> str:
    lines = [
        " ".join(rng.choices(WORDS, k=rng.randint(1, 14)))
        for _ in range(1 + (rng.random() < 0.1) * 2)
    ]
    return "\n".join(lines)


# Share of messages that are media, deleted, edited or locations. The labelled exports keep the
# heavy mix; the large throughput export defaults to a realistic one (see README.md).
HEAVY_SPECIAL_SHARE = 0.20
REALISTIC_SPECIAL_SHARE = 0.05


def _message(
    style: Style,
    rng: random.Random,
    moment: datetime,
    index: int,
    special_share: float = HEAVY_SPECIAL_SHARE,
) -> tuple[str, dict]:
    words = LANGUAGES[style.language]
    sender = rng.choice(NAMES)
    written_sender = ("~" + NBSP + sender) if rng.random() < 0.05 else sender
    expected = {
        "timestamp": moment.strftime("%Y-%m-%dT%H:%M:%S"),
        "sender": sender,
        "kind": "message",
        "attachment": None,
    }
    # Scaling the roll keeps the kinds' proportions among special lines and draws the same random
    # numbers whatever the share, so the heavy mix (scale 1) is unchanged.
    roll = rng.random() * (HEAVY_SPECIAL_SHARE / special_share)
    if roll < 0.06:
        text = words["deleted"] if rng.random() < 0.5 else words["you_deleted"]
        body = (LRM + text) if style.ios else text
        expected.update(text="", kind="deleted")
    elif roll < 0.12 and style.ios:
        caption = _text(rng).split("\n")[0] if rng.random() < 0.4 else ""
        name = f"{index:08d}-PHOTO-{moment:%Y-%m-%d-%H-%M-%S}.jpg"
        body = (caption + " " if caption else "") + f"{LRM}<{words['ios_attached']}: {name}>"
        expected.update(text=caption, kind="media", attachment=name)
    elif roll < 0.12:
        name = f"IMG-{moment:%Y%m%d}-WA{index % 10000:04d}.jpg"
        caption = _text(rng) if rng.random() < 0.4 else ""
        body = f"{name} ({words['attached']})" + ("\n" + caption if caption else "")
        expected.update(text=caption, kind="media", attachment=name)
    elif roll < 0.16:
        body = (LRM + words["image"]) if style.ios else words["media"]
        expected.update(text="", kind="media")
    elif roll < 0.19:
        text = _text(rng)
        body = text + (" " + LRM if style.ios else " ") + words["edited"]
        expected.update(text=text)
    elif roll < 0.2:
        body = f"{words['location']}: https://maps.google.com/?q=51.5{index % 97},-0.1{index % 89}"
        body = (LRM + body) if style.ios else body
        expected.update(text="", kind="media")
    else:
        text = _text(rng)
        if rng.random() < 0.03:
            text += "\n" + _date(style, moment) + " looked like a date"
        body = text
        expected.update(text=text)
    return f"{header(style, moment)}{written_sender}: {body}", expected


def render_export(style: Style, count: int, seed: int) -> tuple[str, list[dict]]:
    """An export of ``count`` messages (plus two system lines) and the messages it holds."""
    rng = random.Random(seed)
    moment = datetime(2024, 1, 3, 7, 58, 11 if style.clock.endswith("s") else 0)
    lines: list[str] = []
    expected: list[dict] = []
    notice = (
        "Messages and calls are end-to-end encrypted. No one outside of this chat can read them."
    )
    group = "Family Contact Group"
    for text in (notice, f'{NAMES[0]} created group "{group}"'):
        prefix = f"{group}: {LRM}" if style.ios else ""
        lines.append(f"{header(style, moment)}{prefix}{text}")
        expected.append(
            {
                "timestamp": moment.strftime("%Y-%m-%dT%H:%M:%S"),
                "sender": None,
                "text": text,
                "kind": "system",
                "attachment": None,
            }
        )
    for index in range(count):
        moment += timedelta(seconds=rng.randint(20, 30000))
        if not style.clock.endswith("s"):
            moment = moment.replace(second=0)
        line, message = _message(style, rng, moment, index)
        lines.append(line)
        expected.append(message)
    newline = "\r\n" if style.crlf else "\n"
    text = newline.join(lines).replace("\n", newline) if style.crlf else "\n".join(lines)
    return ("\ufeff" if style.bom else "") + text + newline, expected


def write_labelled_set(folder: Path, count: int = 300) -> list[Path]:
    """Write every style's export and expectations into ``folder``; return the export paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed, style in enumerate(STYLES):
        text, expected = render_export(style, count, seed)
        path = folder / f"{style.name}.txt"
        path.write_bytes(text.encode("utf-8"))
        with open(folder / f"{style.name}.expected.jsonl", "w", encoding="utf-8") as handle:
            for message in expected:
                handle.write(json.dumps(message, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def write_large_export(
    path: Path, target_bytes: int, special_share: float = REALISTIC_SPECIAL_SHARE
) -> int:
    """Write a UK Android export of about ``target_bytes``; return its size.

    ``special_share`` of the messages (deterministically chosen) are deleted, media, edited or
    locations, in the same proportions as the labelled exports; the rest are plain text.
    """
    style = STYLES[0]
    rng = random.Random(2024)
    moment = datetime(2020, 1, 1, 6, 0, 0)
    written = 0
    index = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        while written < target_bytes:
            chunk = []
            for _ in range(5000):
                moment += timedelta(minutes=rng.randint(1, 15))
                chunk.append(_message(style, rng, moment, index, special_share)[0])
                index += 1
            block = "\n".join(chunk) + "\n"
            handle.write(block)
            written += len(block.encode("utf-8"))
    return path.stat().st_size
