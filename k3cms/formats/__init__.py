"""The site's own date formats (FORMAT_MODULE_PATH), where Django's for a language do not fit.

English pages are written in British English, so English dates are British too:
"11 December 2026, 16:00", not Django's American "Dec. 11, 2026, 4 p.m.".
"""
