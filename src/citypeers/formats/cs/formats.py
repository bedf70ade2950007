"""Czech: pondělí 8. února 2027; po 8. 2. 2027; the month in the genitive ("E"), as Django's
own Czech DATE_FORMAT ("j. E Y") has it; the short form numeric, as Czech offices write it."""

WEEKDAY_DATE_FORMAT = "l j. E Y"
SHORT_WEEKDAY_DATE_FORMAT = "D j. n. Y"
