"""Estonian: esmaspäev, 8. veebruar 2027; esmasp., 8. veeb. 2027 (weekday names and months in
lower case, as Estonian writes them)."""

WEEKDAY_DATE_FORMAT = "l, j. F Y"
SHORT_WEEKDAY_DATE_FORMAT = "D, j. N Y"
