"""Slovak: pondelok 8. 2. 2027; po 8. 2. 2027. Django has no genitive month names for Slovak
("E" gives "február", where a date needs "februára"), so the month is numeric, as Slovak
offices write dates."""

WEEKDAY_DATE_FORMAT = "l j. n. Y"
SHORT_WEEKDAY_DATE_FORMAT = "D j. n. Y"
