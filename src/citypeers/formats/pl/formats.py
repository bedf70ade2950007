"""Polish: Poniedziałek, 8 lutego 2027; Pon, 8 lut 2027; the month in the genitive ("E"), as
Django's own Polish DATE_FORMAT ("j E Y") has it."""

WEEKDAY_DATE_FORMAT = "l, j E Y"
SHORT_WEEKDAY_DATE_FORMAT = "D, j b Y"
