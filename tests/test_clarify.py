"""`altgafam clarify`: the unknown and ambiguous lines settled, kept as an overlay that the
next scan of the same client reads."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Runner


def _scan(runner: Runner, tools: Path, *extra: str) -> dict[str, tuple[str, str | None]]:
    result = runner.invoke(["scan", str(tools), "-f", "json", *extra])
    assert result.exit_code == 0, result.output
    return {
        r["input"]: (r["status"], (r["match"] or {}).get("id"))
        for r in json.loads(result.stdout)["results"]
    }


def test_answers_become_an_overlay_the_next_scan_reads(tmp_path: Path, runner: Runner) -> None:
    tools = tmp_path / "tools.txt"
    tools.write_text(
        "Koofr Drive\nla visio du conseil\nDrive\nSlack\nnotre cloud maison\n", encoding="utf-8"
    )
    before = _scan(runner, tools)
    assert before["la visio du conseil"][0] == "unknown"
    assert before["Drive"][0] == "ambiguous"
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps(
            {
                "Koofr Drive": None,
                "la visio du conseil": "jitsi-meet",
                "Drive": "google-drive",
                "notre cloud maison": "nextcloud",
            }
        ),
        encoding="utf-8",
    )
    client = tmp_path / "client"
    done = runner.invoke(["clarify", str(tools), "--to", str(client), "--answers", str(answers)])
    assert done.exit_code == 0, done.output
    assert "answers saved: 3 new, 3 in" in done.stderr
    after = _scan(runner, tools, "--catalog", str(client))
    assert after["la visio du conseil"] == ("libre", "jitsi-meet")
    assert after["Drive"] == ("proprietary", "google-drive")
    assert after["notre cloud maison"] == ("libre", "nextcloud")
    assert after["Koofr Drive"][0] == "unknown"
    assert after["Slack"] == ("proprietary", "slack")
    # Asked again, the settled lines are not asked; new answers join the old ones.
    answers.write_text(json.dumps({"Koofr Drive": "dropbox"}), encoding="utf-8")
    again = runner.invoke(["clarify", str(tools), "--to", str(client), "--answers", str(answers)])
    assert again.exit_code == 0, again.output
    assert "answers saved: 1 new, 4 in" in again.stderr
    assert _scan(runner, tools, "--catalog", str(client))["Koofr Drive"] == (
        "proprietary",
        "dropbox",
    )


def test_a_wrong_id_or_a_claimed_name_is_said(tmp_path: Path, runner: Runner) -> None:
    tools = tmp_path / "tools.txt"
    tools.write_text("Zorblex\nbureautique\n", encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"Zorblex": "no-such-thing"}), encoding="utf-8")
    client = tmp_path / "client"
    bad = runner.invoke(["clarify", str(tools), "--to", str(client), "--answers", str(answers)])
    assert bad.exit_code == 2 and "'no-such-thing' is not a catalog entry" in bad.stderr
    # "bureautique" is no name: it may become one. An alias another entry has may not.
    answers.write_text(json.dumps({"bureautique": "libreoffice"}), encoding="utf-8")
    ok = runner.invoke(["clarify", str(tools), "--to", str(client), "--answers", str(answers)])
    assert ok.exit_code == 0, ok.output


def test_prompts_offer_candidates_and_a_search(tmp_path: Path, runner: Runner) -> None:
    tools = tmp_path / "tools.txt"
    tools.write_text("Drive\nZorblex\n", encoding="utf-8")
    client = tmp_path / "client"
    # "Drive": the first candidate; "Zorblex": a search for "etherpad", its first hit.
    result = runner.invoke(
        ["clarify", str(tools), "--to", str(client), "--lang", "fr"],
        input="1\ns\netherpad\n1\n",
    )
    assert result.exit_code == 0, result.output
    assert "[1/2] Drive (ambigu)" in result.stderr
    assert "[2/2] Zorblex (absent du catalogue)" in result.stderr
    after = _scan(runner, tools, "--catalog", str(client))
    assert after["Drive"][0] == "proprietary"
    assert after["Zorblex"] == ("libre", "etherpad")
