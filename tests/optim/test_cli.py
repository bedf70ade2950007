"""`citypeers optimise`: JSON in, JSON out, one clear line and exit code 2 on bad input."""

import io
import json
import re
import subprocess
import sys

import pytest

from citypeers.optim.cli import main

SLOTS = {
    "participants": [
        {"id": "lisbon", "tz": "Europe/Lisbon"},
        {"id": "helsinki", "tz": "Europe/Helsinki"},
    ],
    "dates": ["2027-03-26", "2027-03-29"],
    "session_minutes": 120,
}


def optimise(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "citypeers", "optimise", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_instance_from_a_file_gives_the_ranked_start_times(tmp_path):
    instance = tmp_path / "slots.json"
    instance.write_text(json.dumps(SLOTS))
    result = optimise("slots", str(instance))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["candidates"][0]["start_utc"] == "09:00"


def test_the_same_instance_gives_byte_identical_output():
    first, second = (
        optimise("slots", "-", stdin=json.dumps(SLOTS)),
        optimise("slots", "-", stdin=json.dumps(SLOTS)),
    )
    assert first.stdout == second.stdout and first.stdout


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ('{"participants": [{"id": 1, "tz": "UTC+2"}]}', "participants[0].tz"),
        ("{not json", "not JSON"),
        ("[1, 2]", "the instance must be a JSON object"),
    ],
)
def test_a_bad_instance_is_one_line_on_stderr_and_exit_code_2(stdin, message):
    result = optimise("slots", "-", stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_missing_file_is_named():
    result = optimise("slots", "/no/such/instance.json")
    assert result.returncode == 2 and "/no/such/instance.json: cannot be read" in result.stderr


def test_groups_output_is_byte_identical_and_the_time_goes_to_stderr():
    instance = json.dumps(
        {"participants": [{"id": n} for n in range(16)], "rounds": 5, "group_size": 4, "seed": 3}
    )
    first, second = optimise("groups", "-", stdin=instance), optimise("groups", "-", stdin=instance)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    result = json.loads(first.stdout)
    assert result["repeated_pairs"] == 0 and "seconds" not in result
    assert first.stderr.startswith("citypeers optimise groups: ")


def test_select_through_the_command_line():
    instance = json.dumps(
        {
            "visits": [{"id": "vantaa", "capacity": 1, "quotas": []}],
            "applicants": [
                {"id": "a", "preferences": ["vantaa"], "score": 2, "attributes": {}},
                {"id": "b", "preferences": ["vantaa"], "score": 1, "attributes": {}},
            ],
        }
    )
    result = optimise("select", "-", stdin=instance)
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["assignments"] == {"vantaa": ["a"]} and output["status"] == "optimal"
    assert optimise("select", "-", stdin=instance).stdout == result.stdout
    bad = optimise("select", "-", stdin='{"visits": [{"id": "v", "capacity": -1}]}')
    assert bad.returncode == 2 and "capacity" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"visits": [], "applicants": [\xff]}', "not UTF-8 text"),
        (b'{"visits": [], "options": {"seed": ' + b"9" * 5000 + b"}}", "a number is too long"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
    ids=["not-utf8", "long-number", "deep"],
)
def test_an_unreadable_file_ends_the_command_line_with_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "instance.json"
    path.write_bytes(content)
    assert main(["select", str(path)]) == 2
    error = capsys.readouterr().err
    assert error == f"citypeers optimise select: {path}: {message}\n"


# In process: the exit codes and streams of `main` ---------------------------------------------


def test_standard_input_gives_sorted_json_exit_code_0_and_nothing_on_stderr(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(SLOTS)))
    assert main(["slots", "-"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["candidates"][0]["start_utc"] == "09:00"
    assert out == json.dumps(json.loads(out), sort_keys=True, indent=2) + "\n"
    assert err == ""  # time slots carry no `seconds` to report


def test_the_time_a_solve_took_goes_to_stderr_and_not_into_the_json(tmp_path, capsys):
    path = tmp_path / "groups.json"
    path.write_text(
        json.dumps({"participants": [{"id": n} for n in range(6)], "rounds": 2, "group_size": 3})
    )
    assert main(["groups", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "seconds" not in json.loads(out)
    assert re.fullmatch(r"citypeers optimise groups: [\d.]+ s\n", err)


@pytest.mark.parametrize("problem", ["select", "groups", "slots"])
def test_a_malformed_instance_of_each_problem_is_exit_code_2_and_one_line(
    problem, tmp_path, capsys
):
    path = tmp_path / "bad.json"
    path.write_text('{"rounds": "x", "visits": 3, "participants": 7}')
    assert main([problem, str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"citypeers optimise {problem}: ") and err.count("\n") == 1


@pytest.mark.parametrize("argv", [["pack", "-"], ["select"], []])
def test_an_unknown_problem_or_a_missing_file_is_a_usage_error_with_exit_code_2(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert "usage: citypeers optimise" in capsys.readouterr().err


def test_a_reader_that_stops_early_is_not_an_error(monkeypatch, capsys):
    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(SLOTS)))
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["slots", "-"]) == 0
    assert sys.stdout is None  # nothing more is written to the closed pipe at exit
