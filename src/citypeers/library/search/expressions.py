"""Raw SQL about one practice, correlated through the practice's own id column."""

from django.db.models import BooleanField, F, FloatField, Func


class PracticeSQL(Func):
    """`sql` (with `{practice_id}` where the outer practice's id goes) as an expression.

    Unlike RawSQL naming "catalogue_practice"."id", the id column is compiled by Django, so the
    expression keeps working when the queryset is relabelled, e.g. used inside a subquery.
    The parameters of `sql` must all come before `{practice_id}`.
    """

    def __init__(self, sql: str, params: list | tuple, *, output_field) -> None:
        super().__init__(F("pk"), output_field=output_field)
        self.sql = sql
        self.params = tuple(params)

    def as_sql(self, compiler, connection, **extra_context):
        id_sql, id_params = compiler.compile(self.get_source_expressions()[0])
        return self.sql.replace("{practice_id}", id_sql), (*self.params, *id_params)


def practice_condition(sql: str, params: list | tuple) -> PracticeSQL:
    """A WHERE condition on each practice, for queryset.filter()."""
    return PracticeSQL(sql, params, output_field=BooleanField())


def practice_value(sql: str, params: list | tuple) -> PracticeSQL:
    """A float computed for each practice, for queryset.annotate()."""
    return PracticeSQL(sql, params, output_field=FloatField())
