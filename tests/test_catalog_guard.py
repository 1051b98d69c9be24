"""Hostile catalogs and overlays, round two: the same folder twice, impossible dates,
duplicate keys, terminal escapes, planted caches, and overlays too big to read."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from altgafam.catalog import loader, store
from altgafam.errors import Problem

from .conftest import HERE, MINI, Runner
from .test_maintainers import _own_tool

OVERLAYS = HERE / "catalogs" / "overlays"
PROFILE = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- 20. The same overlay folder given twice ---------------------------------------------


def test_the_same_overlay_given_twice_is_read_once(runner: Runner, tmp_path: Path) -> None:
    overlay = _own_tool(tmp_path / "overlay")
    env = {"ALTGAFAM_CATALOG_PATH": str(overlay)}
    # Spelled differently on the command line: compared by resolved path.
    again = str(tmp_path / "." / "overlay" / ".." / "overlay")
    result = runner.invoke(["catalog", "validate", again], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("catalog valid:")
    scanned = runner.invoke(["scan", "-", "-f", "json", "--catalog", again], input="OME\n", env=env)
    assert scanned.exit_code == 0, scanned.output
    assert json.loads(scanned.stdout)["results"][0]["match"]["id"] == "outil-maison-exemple"


def test_a_base_folder_given_again_as_an_overlay_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(MINI)
    result = loader.validate([MINI], overlays=[tmp_path / "link", MINI])
    assert result.problems == []
    assert result.catalog == loader.load([MINI])


_FOLDERS = [OVERLAYS / "agency", OVERLAYS / "agency" / ".." / "agency", OVERLAYS / "other"]


@settings(PROFILE, max_examples=min(PROFILE.max_examples, 30))  # few distinct inputs
@given(st.lists(st.sampled_from(range(len(_FOLDERS))), max_size=6))
def test_repeated_overlays_load_as_their_first_occurrences(picks: list[int]) -> None:
    given_folders = [_FOLDERS[i] for i in picks]
    first: list[Path] = []
    for folder in given_folders:
        if folder.resolve() not in [f.resolve() for f in first]:
            first.append(folder)
    assert [str(p) for p in loader.validate([MINI], overlays=given_folders).problems] == [
        str(p) for p in loader.validate([MINI], overlays=first).problems
    ]
    if not any("other" in str(f) for f in first):  # agency alone (or nothing) is valid
        assert store.load_cached([MINI], given_folders) == loader.load([MINI], first)


# --- 9. Dates that do not exist -----------------------------------------------------------

TODAY = dt.date(2026, 11, 26)


def _new_service(reviewed: str, extra: str = "") -> str:
    return (
        "services:\n"
        "  - id: outil-maison\n"
        "    name: Outil Maison\n"
        "    vendor: google\n"
        "    category: office\n"
        "    description: {en: In-house., fr: Maison.}\n"
        f"{extra}"
        f"    reviewed: {reviewed}\n"
    )


def _validate_overlay(text: str, name: str = "overlay.yaml") -> loader.Validation:
    # A fresh folder each time: the parse cache keys on size and modification time, which a
    # file rewritten within the same clock tick would keep.
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "mine"
        folder.mkdir()
        (folder / name).write_text(text, encoding="utf-8")
        return loader.validate([MINI], today=TODAY, overlays=[folder])


def test_an_impossible_date_is_located_not_a_crash(runner: Runner, tmp_path: Path) -> None:
    overlay = tmp_path / "mine"
    overlay.mkdir()
    (overlay / "services.yaml").write_text(
        _new_service("2026-02-30", "    discontinued: 2026-13-01\n"), encoding="utf-8"
    )
    result = runner.invoke(["catalog", "validate", str(overlay)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "mine/services.yaml:7:19: services[0].discontinued: not a valid date",
        "mine/services.yaml:8:15: services[0].reviewed: not a valid date",
        "2 error(s), 0 warning(s)",
    ]
    scanned = runner.invoke(["scan", "-", "--catalog", str(overlay)], input="Slack\n")
    assert scanned.exit_code == 1
    assert "Traceback" not in scanned.output


@PROFILE
@given(
    year=st.integers(0, 9999),
    month=st.integers(0, 19),
    day=st.integers(0, 39),
    time=st.sampled_from(["", "T12:00:00", " 23:59:59+25:00", "T00:00:00Z", "T01:02:03-23:59"]),
)
def test_any_date_shaped_value_validates_or_is_reported_where_it_stands(
    year: int, month: int, day: int, time: str
) -> None:
    written = f"{year:04d}-{month:02d}-{day:02d}{time}"
    problems = [
        (p.line, p.column, p.path, p.message)
        for p in _validate_overlay(_new_service(written)).errors
    ]
    try:
        dt.date(year, month, day)
    except ValueError:
        assert problems == [(7, 15, "services[0].reviewed", "not a valid date")]
        return
    if not time:
        assert problems == []
    elif time.endswith("+25:00"):  # the day exists, the offset does not
        assert problems == [(7, 15, "services[0].reviewed", "not a valid date")]
    else:  # a date and time: the day would do, the time is too much
        assert problems == [
            (7, 15, "services[0].reviewed", "expected a date YYYY-MM-DD, got a date and time")
        ]


# --- 23. Duplicate keys -------------------------------------------------------------------


def test_a_duplicate_key_is_reported_with_both_lines(runner: Runner, tmp_path: Path) -> None:
    overlay = tmp_path / "mine"
    overlay.mkdir()
    text = _new_service("2026-11-26", "    name: Outil Maison 2\n    vendr: google\n")
    (overlay / "services.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(["catalog", "validate", str(overlay)])
    assert result.exit_code == 1
    # Every problem of the file, not only the duplicate.
    assert result.stderr.splitlines() == [
        "mine/services.yaml:7:5: services[0]: duplicate key 'name' (first at line 3)",
        "mine/services.yaml:8:5: services[0].vendr: unknown key 'vendr' (did you mean 'vendor'?)",
        "2 error(s), 0 warning(s)",
    ]


def test_duplicate_sections_and_nested_keys(tmp_path: Path) -> None:
    text = "services:\n  - id: a\n    description: {en: One., fr: Un., en: Two.}\nservices: []\n"
    problems = [str(p) for p in _validate_overlay(text).errors]
    assert problems == [
        *(
            f"mine/overlay.yaml:2:5: services[0]: missing required key '{key}'"
            for key in ("name", "vendor", "category", "reviewed")
        ),
        "mine/overlay.yaml:3:38: services[0].description: duplicate key 'en' (first at line 3)",
        "mine/overlay.yaml:4:1: duplicate key 'services' (first at line 1)",
    ]


_KEYS = st.lists(st.sampled_from(["id", "name", "aliases", "x", "note"]), min_size=1, max_size=8)


@PROFILE
@given(keys=_KEYS, flow=st.booleans())
def test_every_repeated_key_is_reported_and_the_first_value_kept(
    keys: list[str], flow: bool
) -> None:
    from altgafam.catalog import yamlsrc

    if flow:
        text = "entry: {" + ", ".join(f"{k}: {i}" for i, k in enumerate(keys)) + "}\n"
    else:
        text = "entry:\n" + "".join(f"  {k}: {i}\n" for i, k in enumerate(keys))
    first: dict[str, int] = {}
    expected = []
    for index, key in enumerate(keys):
        line = 1 if flow else index + 2
        if key in first:
            first_line = 1 if flow else keys.index(key) + 2
            expected.append((line, "entry", f"duplicate key '{key}' (first at line {first_line})"))
        else:
            first[key] = index
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yaml"
        path.write_text(text, encoding="utf-8")
        problems: list[Problem] = []
        data, positions = yamlsrc.load(path, "f.yaml", problems)
    assert data == {"entry": first}
    assert [(p.line, p.path, p.message) for p in problems] == expected
    for key, index in first.items():
        assert positions[("entry", key)][0] == (1 if flow else index + 2)


# --- 19. Terminal escapes and direction overrides -----------------------------------------

UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def test_escape_sequences_in_an_overlay_never_reach_the_terminal(
    runner: Runner, tmp_path: Path
) -> None:
    overlay = tmp_path / "mine"
    overlay.mkdir()
    (overlay / "services.yaml").write_text(
        "services:\n"
        "  - id: outil\n"
        '    name: "\\e]0;PWNED\\a"\n'
        "    vendor: google\n"
        "    category: office\n"
        '    "ali\\e[31mases": ["Outil \\u202egpj.exe"]\n'
        '    description: {en: "Line one\\nline two", fr: "Tab\\there"}\n'
        "    reviewed: 2026-11-26\n",
        encoding="utf-8",
    )
    result = runner.invoke(["catalog", "validate", str(overlay)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "mine/services.yaml:3:11: services[0].name: contains the control character U+001B, "
        "which catalog text may not hold",
        # The key is quoted in the message and named in the path: both blanked.
        "mine/services.yaml:6:5: services[0].ali [31mases: unknown key 'ali [31mases' "
        "(did you mean 'aliases'?)",
        "mine/services.yaml:7:49: services[0].description.fr: contains the control character "
        "U+0009, which catalog text may not hold",
        "3 error(s), 0 warning(s)",
    ]
    doc = json.loads(runner.invoke(["catalog", "validate", str(overlay), "-f", "json"]).stdout)
    assert not UNSAFE.search(json.dumps(doc, ensure_ascii=False))
    scanned = runner.invoke(["scan", "-", "--catalog", str(overlay)], input="Slack\n")
    assert scanned.exit_code == 1
    assert not UNSAFE.search(scanned.output.replace("\n", ""))


_TEXT = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_characters="\ufeff"),
        st.sampled_from(["\x1b", "\x07", "\t", "\n", "\r", "\x85", "\x9b", "\u202e", "\u2066"]),
    ),
    min_size=1,
    max_size=12,
).map("".join)


@PROFILE
@given(name=_TEXT, note=_TEXT)
def test_no_catalog_string_holds_a_control_and_no_message_shows_one(name: str, note: str) -> None:
    import yaml

    entry = {
        "id": "outil-maison",
        "name": name,
        "vendor": "google",
        "category": "office",
        "description": {"en": note, "fr": "Maison."},
        "reviewed": TODAY,
    }
    text = yaml.safe_dump({"services": [entry]}, allow_unicode=True)
    # YAML reads some characters written raw as line breaks (U+0085, U+2028): judge the
    # strings as the file holds them.
    read = yaml.safe_load(text)["services"][0]
    name, note = read["name"], read["description"]["en"]
    result = _validate_overlay(text)
    found = {p.path: p.message for p in result.errors if "catalog text may not hold" in p.message}
    name_bad = UNSAFE.search(name)
    note_bad = UNSAFE.search(note.replace("\n", ""))
    assert ("services[0].name" in found) == bool(name_bad)
    assert ("services[0].description.en" in found) == bool(note_bad)
    if name_bad:
        char = name_bad.group()
        what = "bidirectional control" if "\u200e" <= char <= "\u2069" else "control character"
        assert f"contains the {what} U+{ord(char):04X}" in found["services[0].name"]
    for problem in result.problems:
        assert not UNSAFE.search(str(problem)), problem
    if result.catalog is not None:
        service = result.catalog.services["outil-maison"]
        assert not UNSAFE.search(service.name + service.description.en.replace("\n", ""))
