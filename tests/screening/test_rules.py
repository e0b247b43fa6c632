"""Every rule the screening can cite exists in the register, and the data files explain themselves."""

import re
import tomllib
from importlib import resources

import pytest

from safecomms.policy import current_version
from safecomms.screening.conduct import CONDUCT_FILES, conduct_rules, unusual_hours
from safecomms.screening.findings import PERSONAL_DATA
from safecomms.screening.lexicons import load_table_file
from safecomms.screening.verdict import LOST_PHONE_RULE, OFFICIAL_RULE


def _all_rule_ids() -> set[str]:
    ids = {LOST_PHONE_RULE, OFFICIAL_RULE, unusual_hours().rule}
    ids |= {load_table_file("personal_data.toml")[c.value]["rule"] for c in PERSONAL_DATA}
    ids |= {group.rule for group in conduct_rules().pattern_groups}
    for _key, entries in conduct_rules().automaton.items():
        ids |= {group.rule for _length, group in entries}
    return ids


@pytest.mark.parametrize("rule_id", sorted(_all_rule_ids()))
def test_every_emitted_rule_is_in_the_register(rule_id):
    assert rule_id in current_version()


def _data_files():
    return [
        entry.name
        for entry in resources.files("safecomms.screening").joinpath("data").iterdir()
        if entry.name.endswith(".toml")
    ]


def test_data_files_ship_inside_the_package():
    assert set(CONDUCT_FILES.values()) <= set(_data_files())


@pytest.mark.parametrize("filename", _data_files())
def test_every_group_of_words_gives_its_reason(filename):
    text = resources.files("safecomms.screening").joinpath("data", filename).read_text("utf-8")
    data = tomllib.loads(text)
    assert text.lstrip().startswith("#"), "each file opens with a comment saying what it is for"
    for group in data.get("group", []):
        assert group.get("reason"), f"{filename}: a group has no reason"
    for name, table in data.items():
        if isinstance(table, dict) and "terms" in table:
            assert table.get("reason"), f"{filename}: [{name}] has no reason"


def test_no_django_import_in_the_screening_package():
    package_dir = resources.files("safecomms.screening")
    for path in package_dir.iterdir():
        if path.name.endswith(".py"):
            source = path.read_text("utf-8")
            assert not re.search(r"^\s*(?:from|import)\s+(?:django|ninja|huey)\b", source, re.M)
