"""`citypeers optimise select|groups|slots FILE`: a JSON instance in, the result as JSON out.

FILE is a path, or `-` for standard input. A malformed instance ends with one line on
standard error naming the field, and exit code 2; never a traceback. The output is dumped
with sorted keys, so the same instance (and seed) gives byte-identical output; for that, the
time a solve took (`seconds` in the result of `solve`) goes to standard error instead. Runs
without Django: no settings or database are needed.
"""

import argparse
import importlib
import json
import sys

from citypeers.optim import InstanceError

# Imported on demand, so `slots` never pays for the MILP solver's import.
PROBLEMS = {
    "select": "citypeers.optim.selection",
    "groups": "citypeers.optim.groups",
    "slots": "citypeers.optim.timeslots",
}


def _read(path: str) -> dict:
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()  # noqa: SIM115
    except OSError as error:
        raise InstanceError(f"{path}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise InstanceError(f"{path}: not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InstanceError(f"{path}: not JSON ({error.msg} at line {error.lineno})") from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise InstanceError(f"{path}: a number is too long") from None
    except RecursionError:
        raise InstanceError(f"{path}: nested too deeply") from None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="citypeers optimise", description=__doc__.splitlines()[0])
    parser.add_argument("problem", choices=sorted(PROBLEMS))
    parser.add_argument("file", help="the instance as JSON; - for standard input")
    options = parser.parse_args(argv)
    try:
        solve = importlib.import_module(PROBLEMS[options.problem]).solve
        result = solve(_read(options.file))
    except InstanceError as error:
        print(f"citypeers optimise {options.problem}: {error}", file=sys.stderr)
        return 2
    if isinstance(result, dict) and "seconds" in result:
        print(f"citypeers optimise {options.problem}: {result.pop('seconds')} s", file=sys.stderr)
    try:
        sys.stdout.write(json.dumps(result, sort_keys=True, indent=2, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error of ours
        sys.stdout = None
    return 0
