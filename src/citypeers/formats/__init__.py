"""Date and time formats per language (FORMAT_MODULE_PATH), read before Django's own.

Django's English formats are American ("Jan. 1, 2021", "03/22/2021", "1:15 a.m."); ours are
European: day, month, year, a 24-hour clock, and no all-digit dates that a reader could take
either way. Names Django does not know (WEEKDAY_*) are read by `core.dates`.
"""
