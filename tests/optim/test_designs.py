"""Finite fields, affine planes, difference matrices and the Kirkman system behind the groups."""

from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citypeers.optim.designs import (
    GaloisField,
    candidate_designs,
    column_weights,
    cyclic_rows,
    field_design,
    field_rows,
    kirkman_design,
    prime_power,
)

FIELD_ORDERS = [2, 3, 4, 5, 7, 8, 9, 16, 25, 27, 32, 49, 64, 81, 121, 125, 128]


def meetings(rounds: list[list[list[int]]]) -> Counter:
    return Counter(pair for groups in rounds for g in groups for pair in combinations(sorted(g), 2))


def assert_rounds_partition(rounds: list[list[list[int]]], n: int, k: int) -> None:
    for groups in rounds:
        assert sorted(x for g in groups for x in g) == list(range(n))
        sizes = [len(g) for g in groups]
        assert len(groups) == k and max(sizes) - min(sizes) <= 1


@pytest.mark.parametrize(
    ("q", "expected"),
    [(1, None), (2, (2, 1)), (4, (2, 2)), (6, None), (9, (3, 2)), (12, None), (125, (5, 3))],
)
def test_prime_power(q, expected):
    assert prime_power(q) == expected


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(FIELD_ORDERS), st.data())
def test_field_axioms(q, data):
    field = GaloisField(q)
    a, b, c = (data.draw(st.integers(0, q - 1)) for _ in range(3))
    assert field.add(a, b) == field.add(b, a) and field.mul(a, b) == field.mul(b, a)
    assert field.add(field.add(a, b), c) == field.add(a, field.add(b, c))
    assert field.mul(field.mul(a, b), c) == field.mul(a, field.mul(b, c))
    assert field.mul(a, field.add(b, c)) == field.add(field.mul(a, b), field.mul(a, c))
    assert field.add(field.sub(a, b), b) == a
    assert field.mul(a, 1) == a and field.mul(a, 0) == 0


@pytest.mark.parametrize("q", [4, 8, 9, 16])
def test_every_nonzero_element_has_an_inverse(q):
    field = GaloisField(q)
    for a in range(1, q):
        assert sorted(field.mul(a, x) for x in range(q)) == list(range(q))


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9])
def test_the_affine_plane_is_a_resolvable_design(q):
    design = field_design(q * q, q, q + 1)
    assert design is not None and design.method.startswith(f"affine plane AG(2,{q})")
    assert_rounds_partition(design.rounds, q * q, q)
    assert meetings(design.rounds) == Counter(dict.fromkeys(combinations(range(q * q), 2), 1))


def test_a_resolvable_transversal_design_td_6_8_gives_48_people_8_rounds():
    design = field_design(48, 8, 8)
    assert design is not None and "TD(6,8)" in design.method
    assert_rounds_partition(design.rounds, 48, 8)
    met = meetings(design.rounds)
    assert max(met.values()) == 1
    # Slots are numbered column by column: people of one column (8 slots) never meet.
    assert all(a // 8 != b // 8 for a, b in met) and len(met) == 48 * 47 // 2 - 6 * 28


@pytest.mark.parametrize("q", [3, 4, 5, 8, 9])
def test_field_rows_have_distinct_differences(q):
    field = GaloisField(q)
    rows = field_rows(field, q)
    for i, j in combinations(range(q), 2):
        assert len({field.sub(row[j], row[i]) for row in rows}) == q


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 14), st.data())
def test_cyclic_rows_have_distinct_differences(k, data):
    columns = data.draw(st.integers(1, min(k, 6)))
    wanted = data.draw(st.integers(1, k))
    rows = cyclic_rows(k, columns, wanted, node_limit=5_000)
    assert 1 <= len(rows) <= max(wanted, 1)
    for i, j in combinations(range(columns), 2):
        differences = [(row[j] - row[i]) % k for row in rows]
        assert len(set(differences)) == len(rows)


@pytest.mark.parametrize(
    ("k", "columns", "wanted"), [(6, 4, 5), (6, 5, 5), (10, 5, 8), (12, 4, 8), (14, 6, 8)]
)
def test_cyclic_rows_found_for_the_benchmark_sizes(k, columns, wanted):
    assert len(cyclic_rows(k, columns, wanted)) == wanted


def test_no_complete_set_of_rows_over_z6():
    # Z_6 has no complete mapping, so no 6 rows exist even for 3 columns (nor 2 MOLS(6)).
    assert len(cyclic_rows(6, 3, 6)) == 5


@pytest.mark.parametrize("n", [15, 14])
def test_kirkman_triple_system(n):
    design = kirkman_design(n, 5, 7)
    assert design is not None
    assert_rounds_partition(design.rounds, n, 5)
    met = meetings(design.rounds)
    assert set(met.values()) == {1} and len(met) == n * (n - 1) // 2


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 90), st.integers(1, 20), st.integers(1, 9))
def test_every_construction_partitions_the_people_in_balanced_groups(n, k, rounds):
    k = min(k, n)
    for design in candidate_designs(n, k, rounds):
        assert len(design.rounds) == rounds and design.exact_rounds <= rounds
        assert_rounds_partition(design.rounds, n, k)
        exact = design.rounds[: design.exact_rounds]
        points_alone = all(w <= 1 for column in column_weights(n, k, k) for w in column)
        if points_alone:  # nobody shares a point: the construction's own rounds never repeat
            assert max(meetings(exact).values(), default=1) == 1


@pytest.mark.parametrize(("n", "k"), [(24, 4), (10, 2), (50, 3), (7, 7), (9, 3)])
def test_column_weights_fill_n_people_evenly(n, k):
    weights = column_weights(n, k, k)
    assert sum(map(sum, weights)) == n and len(weights) <= k
    group_sizes = {sum(column[y] for column in weights) for y in range(k)}
    assert max(group_sizes) - min(group_sizes) <= 1
