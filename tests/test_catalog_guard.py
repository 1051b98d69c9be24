"""Hostile catalogs and overlays, round two: the same folder twice, impossible dates,
duplicate keys, terminal escapes, planted caches, and overlays too big to read."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from altgafam.catalog import cache, licenses, loader, schema, seal, store
from altgafam.errors import Problem

from .conftest import HERE, MINI, Runner
from .test_maintainers import _own_tool

OVERLAYS = HERE / "catalogs" / "overlays"


@pytest.fixture(autouse=True)
def _own_cache_key(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # The caches' key stays out of the user's data folder too.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(seal.KEY_ENV, str(tmp_path_factory.mktemp("data")))
        yield


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
        "2 error(s), 1 warning(s)",
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
        "2 error(s), 1 warning(s)",
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
        "3 error(s), 1 warning(s)",
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


# --- 22. The caches cannot run code nor decide what is libre -----------------------------


class _Plant:
    """Unpickling this opens (so creates) a file: what a planted cache would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def _plants(marker: Path) -> list[bytes]:
    payload = pickle.dumps(_Plant(marker))
    return [
        payload,  # a bare pickle, as the cache held before it was sealed
        seal.MAGIC + b"\0" * 32 + payload,  # dressed as sealed, with a made-up seal
    ]


def test_a_planted_pickle_is_not_run_and_the_catalog_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALTGAFAM_CACHE_DIR", str(tmp_path / "cache"))
    marker = tmp_path / "pwned"
    fresh = store.load_cached([MINI])
    [cached] = (tmp_path / "cache").glob("catalog-*.pickle")
    parsed = sorted((tmp_path / "cache" / "parsed").glob("*.pickle"))
    assert parsed, "the files were parsed through the parse cache"
    for plant in _plants(marker):
        for target in [cached, *parsed]:
            target.write_bytes(plant)
        assert store.load_cached([MINI]) == fresh  # the catalog cache is not believed
        assert loader.load([MINI]) == fresh  # nor is the parse cache
        assert not marker.exists()
        assert seal.unseal(cache.PICKLE, cached.read_bytes()) is not None  # rebuilt
    # The plant is live: unpickled as the cache used to, it does create the file.
    pickle.loads(_plants(marker)[0])
    assert marker.exists()


def _sspl_overlay(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "alternatives.yaml").write_text(
        "alternatives:\n"
        "  - id: mongodb\n"
        "    name: MongoDB\n"
        "    license: SSPL-1.0\n"
        "    homepage: https://www.mongodb.com\n"
        "    source: https://github.com/mongodb/mongo\n"
        "    categories: [office]\n"
        "    description: {en: A database., fr: Une base de données.}\n"
        "    reviewed: 2026-11-26\n",
        encoding="utf-8",
    )
    return folder


def _license_errors(overlay: Path) -> list[str]:
    licenses._verdicts.cache_clear()  # a new run: the verdicts come from the file again
    # ...and the license is judged again, not read from the shape checks kept for the file.
    os.utime(overlay / "alternatives.yaml")
    try:
        result = loader.validate([MINI], today=TODAY, overlays=[overlay])
    finally:
        licenses._verdicts.cache_clear()
    return [p.message for p in result.errors if p.path.endswith(".license")]


def _never(*args: object) -> bool:
    raise AssertionError("an entry of an unchanged file was checked again")


def test_kept_shape_checks_report_what_checking_again_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALTGAFAM_CACHE_DIR", str(tmp_path / "cache"))
    overlay = _sspl_overlay(tmp_path / "mine")
    first = loader.validate([MINI], today=TODAY, overlays=[overlay]).problems
    assert any(p.path.endswith(".license") for p in first)
    # Kept: the same problems, at the same places, with no entry checked again.
    cache._kept.clear()  # a new run reads them from the files
    with monkeypatch.context() as patched:
        patched.setattr(schema.ShapeChecker, "record", _never)
        assert loader.validate([MINI], today=TODAY, overlays=[overlay]).problems == first
    # Checked with nothing kept: the same again; and with the cache off, a file saved since
    # is checked as it is now, never by the checks this process kept for it.
    monkeypatch.setenv("ALTGAFAM_NO_CACHE", "1")
    assert loader.validate([MINI], today=TODAY, overlays=[overlay]).problems == first
    broken = overlay / "alternatives.yaml"
    saved = broken.read_text(encoding="utf-8")
    broken.write_text(saved.replace("https://www.mongodb.com", "ftp://x"), encoding="utf-8")
    nocache = loader.validate([MINI], today=TODAY, overlays=[overlay]).problems
    assert any(p.path.endswith(".homepage") for p in nocache)
    broken.write_text(saved, encoding="utf-8")
    monkeypatch.delenv("ALTGAFAM_NO_CACHE")
    # The file saved with a libre license: checked again, the problem is gone.
    edited = overlay / "alternatives.yaml"
    edited.write_text(edited.read_text().replace("SSPL-1.0", "AGPL-3.0-only"), encoding="utf-8")
    os.utime(edited, ns=(1, 1))
    after = loader.validate([MINI], today=TODAY, overlays=[overlay]).problems
    assert not any(p.path.endswith(".license") for p in after)


def test_an_edited_license_cache_does_not_make_sspl_libre(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALTGAFAM_CACHE_DIR", str(tmp_path / "cache"))
    overlay = _sspl_overlay(tmp_path / "mine")
    refused = [
        "'SSPL-1.0' is not libre: it needs a license that is neither OSI-approved nor FSF-free"
    ]
    assert _license_errors(overlay) == refused
    [saved] = (tmp_path / "cache").glob("licenses-*")
    payload = seal.unseal("licenses", saved.read_bytes())
    assert payload is not None and json.loads(payload)["SSPL-1.0"] == refused[0]
    forged = json.dumps({"SSPL-1.0": None}).encode()
    tag = saved.read_bytes()[len(seal.MAGIC) : len(seal.MAGIC) + 32]
    for edit in [forged, seal.MAGIC + tag + forged, saved.read_bytes().replace(b"\"'SSPL", b"x")]:
        saved.write_bytes(edit)
        assert _license_errors(overlay) == refused
        # The verdicts were reached again and sealed anew.
        again = seal.unseal("licenses", saved.read_bytes())
        assert again is not None and json.loads(again)["SSPL-1.0"] == refused[0]
    # What the edit would have done to a cache that is believed (the test can fail).
    sealed = seal.seal("licenses", forged)
    assert sealed is not None
    saved.write_bytes(sealed)
    assert _license_errors(overlay) == []


def test_the_key_is_private_and_a_shared_or_missing_key_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALTGAFAM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(seal.KEY_ENV, str(tmp_path / "data"))
    fresh = store.load_cached([MINI])
    key = tmp_path / "data" / "cache.key"
    assert key.stat().st_mode & 0o777 == 0o600 and key.stat().st_size == seal.KEY_BYTES
    [cached] = (tmp_path / "cache").glob("catalog-*.pickle")
    # A key others can read could have been used to forge: it seals and unseals nothing.
    key.chmod(0o644)
    assert seal.unseal(cache.PICKLE, cached.read_bytes()) is None
    assert seal.seal(cache.PICKLE, b"x") is None
    assert store.load_cached([MINI]) == fresh
    # A lost key: every cache file misses once, and is rebuilt under a new key.
    key.unlink()
    assert store.load_cached([MINI]) == fresh
    assert key.stat().st_mode & 0o777 == 0o600
    assert seal.unseal(cache.PICKLE, cached.read_bytes()) is not None
    # A data folder that cannot be made: no key, no cache, the same catalog.
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setenv(seal.KEY_ENV, str(tmp_path / "file" / "data"))
    assert store.load_cached([MINI]) == fresh


# --- 17. Limits -----------------------------------------------------------------------------


def _many(folder: Path, files: int, per_file: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(files):
        lines = ["vendors:"]
        lines += [f"  - {{id: v{f}-{i}, name: V{f}-{i}}}" for i in range(per_file)]
        (folder / f"part-{f}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "zz-broken.yaml").write_text("vendors: [\n", encoding="utf-8")  # read last
    return folder


def test_past_the_entry_limit_reading_stops_with_one_line(
    runner: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mini_entries = len(loader._read_all([MINI], [], []) or [])
    monkeypatch.setattr(loader, "MAX_ENTRIES", mini_entries + 25)
    overlay = _many(tmp_path / "big", files=3, per_file=10)
    result = loader.validate([MINI], overlays=[overlay])
    # part-0 and part-1 fit (20 entries), part-2 goes past: the broken file after it is
    # never read, and nothing is checked across entries.
    assert [str(p) for p in result.problems] == [
        "big/part-2.yaml:1:1: with this file the catalog goes past "
        f"{mini_entries + 25:,} entries, the most it may hold "
        "(see 'Limits' in docs/catalog-format.md)"
    ]
    assert result.catalog is None
    monkeypatch.setattr(loader, "MAX_ENTRIES", mini_entries + 30)  # exactly at the limit
    result = loader.validate([MINI], overlays=[overlay])
    assert [p.file for p in result.errors] == ["big/zz-broken.yaml"]


def test_past_the_size_limit_reading_stops_before_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from altgafam.catalog import yamlsrc

    overlay = _many(tmp_path / "big", files=2, per_file=10)
    mini_bytes = sum(p.stat().st_size for p in MINI.glob("*.yaml"))
    first = (overlay / "part-0.yaml").stat().st_size
    monkeypatch.setattr(loader, "MAX_TOTAL_BYTES", mini_bytes + first)
    read: list[str] = []
    real = yamlsrc.load

    def spy(path: Path, display: str, problems: list[Problem] | None = None) -> object:
        read.append(display)
        return real(path, display, problems)

    monkeypatch.setattr(yamlsrc, "load", spy)
    monkeypatch.setenv("ALTGAFAM_NO_CACHE", "1")
    result = loader.validate([MINI], overlays=[overlay])
    assert [p.message for p in result.problems] == [
        f"with this file the catalog goes past {mini_bytes + first:,} bytes, the most it may hold "
        "(see 'Limits' in docs/catalog-format.md)"
    ]
    assert [p.file for p in result.problems] == ["big/part-1.yaml"]
    assert "big/part-1.yaml" not in read and "big/part-0.yaml" in read


def _string_leaves(value: object, path: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _string_leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _string_leaves(item, (*path, index))


def test_every_string_of_a_catalog_is_checked(tmp_path: Path) -> None:
    # Each string of the mini catalog in turn gets a control character: each time, validation
    # names that very string.
    import copy

    import yaml

    from altgafam.catalog import yamlsrc

    for source in sorted(MINI.glob("*.yaml")):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        for number, leaf in enumerate(_string_leaves(data, ())):
            char = ["\x1b", "\u202e", "\x9b", "\t"][number % 4]
            poisoned = copy.deepcopy(data)
            holder = poisoned
            for part in leaf[:-1]:
                holder = holder[part]
            holder[leaf[-1]] += char
            folder = tmp_path / f"{source.stem}-{number}" / "mini"
            folder.mkdir(parents=True)
            for other in MINI.glob("*.yaml"):
                if other != source:
                    (folder / other.name).write_bytes(other.read_bytes())
            text = yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False)
            (folder / source.name).write_text(text, encoding="utf-8")
            found = {
                p.path: p.message
                for p in loader.validate([folder], today=TODAY).errors
                if p.message.startswith("contains the ")
            }
            assert found == {yamlsrc.dotted(leaf): schema.unsafe_message(char)}, (source.name, leaf)


# --- Any overlay text at all --------------------------------------------------------------

_YAMLISH = st.lists(
    st.sampled_from(
        [
            "services:",
            "alternatives:",
            "vendors:",
            "\n",
            "  ",
            "- ",
            "id: ",
            "name: ",
            "reviewed: ",
            "2026-02-30",
            "2026-11-26",
            "12:30:00",
            "+25:00",
            "{",
            "}",
            "[",
            "]",
            ", ",
            ": ",
            "&a ",
            "*a",
            "!!binary ",
            "!!timestamp ",
            "!!python/object ",
            "'",
            '"',
            "\\e",
            "\\u202e",
            "\\x85",
            "\t",
            "#",
            "? ",
            "<<: ",
            "~",
            ".nan",
            "0x1F",
            "1e999",
            "description: ",
            "en",
            "fr",
            "slack",
            "aliases: ",
            "|\n",
            ">\n",
            "\x1b",
            "\u202e",
        ]
    ),
    max_size=40,
).map("".join)


@PROFILE
@given(text=_YAMLISH)
def test_any_overlay_text_is_validated_never_a_crash(text: str) -> None:
    result = _validate_overlay(text)
    for problem in result.problems:
        assert problem.file.startswith("mine/")
        assert not UNSAFE.search(str(problem)), problem
