"""The MILP seam: HiGHS's answers (optimal, infeasible, stopped by the time limit with a
bound, the LP relaxation with its duals) and progress lines that never touch standard output."""

import io

from citypeers.optim.milp import HighsSolver, Progress
from citypeers.optim.selection_input import parse
from citypeers.optim.selection_model import build
from tests.optim.selection_instances import crowd


def test_long_solves_report_progress_on_standard_error_only(capfd):
    lines = io.StringIO()
    problem = parse(crowd({}))
    model = build(problem, problem.pairs, [pair.value for pair in problem.pairs]).model
    HighsSolver(progress=Progress("selection", every_s=0, stream=lines)).solve(model)
    assert lines.getvalue().startswith("selection: ")
    assert capfd.readouterr().out == ""
