"""Properties that hold for any input: valid spans, no wrong overlaps, full redaction, no crash."""

import itertools
from datetime import datetime

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safecomms.screening import CONDUCT, Category, Gazetteer, Person, screen
from safecomms.screening.cli import main

FRAGMENTS = st.sampled_from(
    [
        "Jayden",
        "jayden smith",
        "Grace",
        "Will",
        "lol",
        "c u l8r",
        "NHS no 943 476 5919",
        "AB 12 34 56 C",
        "CV34 5AB",
        "07700 900123",
        "a@b.co",
        "DOB 12/03/2011",
        "14 Acacia Avenue, Leamington Spa",
        "Dr Patel",
        "Hi Shanice,",
        "\n",
        " ",
        ", ",
        ". ",
        '"',
        "'",
        "don't tell your mum",
        "vote Labour",
        "feral kids",
        "@Tom can you chase",
        "\u2019",
        "\u00a0",
        "\u0130",
        "\U0001f618",
        "xx",
        "Mark, ",
        "thanks Mark",
        "miss ",
        "Hi Grace, could you bring",
        "r u awake?",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(FRAGMENTS | st.text(max_size=5)).map("".join))

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_spans_are_valid_offsets(text):
    for finding in screen(text).findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        if finding.category is not Category.BOUNDARY or finding.end:
            assert finding.end > finding.start


@SETTINGS
@given(TEXTS)
def test_findings_of_one_personal_category_do_not_overlap(text):
    result = screen(text)
    for category in set(Category) - CONDUCT:
        spans = [(f.start, f.end) for f in result.of(category)]
        for (_, first_end), (second_start, _) in itertools.pairwise(spans):
            assert first_end <= second_start


@SETTINGS
@given(TEXTS)
def test_redaction_removes_every_flagged_span(text):
    result = screen(text)
    redacted = result.redacted()
    flagged = [text[f.start : f.end] for f in result.findings if f.end > f.start]
    for piece in flagged:
        if len(piece) > 3 and piece not in "".join(
            text[: f.start] + text[f.end :] for f in result.findings if f.end > f.start
        ):
            assert piece not in redacted


@SETTINGS
@given(st.text(), st.sampled_from([None, "whatsapp", "sms", "email", "teams"]))
def test_no_text_raises(text, channel):
    result = screen(text, channel=channel)
    assert result.channel_verdict is not None


REGISTER = Gazetteer.from_people(
    [
        Person("Jayden Smith", "child", aliases=("Jay",)),
        Person("Grace Hunter", "parent"),
        Person("Mark Bell", "staff"),
        Person("Will Okafor", "staff"),
    ]
)


@SETTINGS
@given(TEXTS, st.sampled_from([None, "whatsapp", "sms", "email", "teams"]))
def test_no_text_raises_with_a_register_at_night(text, channel):
    """Who a message is written to and contact at odd hours hold for any text."""
    result = screen(text, channel=channel, gazetteer=REGISTER, sent_at=datetime(2026, 1, 5, 23, 30))
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text)


def test_huge_input_does_not_raise():
    text = ("Hi Jayden, lol 07700 900123 CV34 5AB " * 5000) + "\x00\ud800"
    assert screen(text).findings


@SETTINGS
@given(st.lists(st.tuples(st.text(max_size=40), st.text())), st.data())
def test_cli_round_trip(tmp_path_factory, records, data):
    folder = tmp_path_factory.mktemp("cli")
    records = [(f"id-{i}-{key}", text) for i, (key, text) in enumerate(records)]
    source, target = folder / "in.jsonl", folder / "out.jsonl"
    lines = []
    for record_id, text in records:
        try:
            lines.append(orjson.dumps({"id": record_id, "text": text}))
        except orjson.JSONEncodeError:
            return
    source.write_bytes(b"\n".join(lines) + (b"\n" if lines else b""))
    assert main(["--input", str(source), "--output", str(target)]) == 0
    output = [orjson.loads(line) for line in target.read_bytes().splitlines()]
    assert [item["id"] for item in output] == [record_id for record_id, _ in records]
    for item, (_, text) in zip(output, records, strict=True):
        assert item["findings"] == [f.as_dict() for f in screen(text).findings]
