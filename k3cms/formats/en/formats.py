"""British English date and time formats (after django.conf.locale.en_GB) with the 24-hour clock
and the month written out, as the German pages have them.

Only output formats: what forms accept (the *_INPUT_FORMATS) stays Django's for English, so the
admin's date fields parse as before.
"""

DATE_FORMAT = "j F Y"  # 11 December 2026
TIME_FORMAT = "H:i"  # 16:00
DATETIME_FORMAT = "j F Y, H:i"  # 11 December 2026, 16:00
YEAR_MONTH_FORMAT = "F Y"  # December 2026
MONTH_DAY_FORMAT = "j F"  # 11 December
SHORT_DATE_FORMAT = "d/m/Y"  # 11/12/2026
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 11/12/2026 16:00
FIRST_DAY_OF_WEEK = 1  # Monday
