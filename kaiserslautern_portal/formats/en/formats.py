"""One American date style on English pages ("December 21, 2026"), instead of Django's mix of "Dec. 21, 2026"
and "12/21/2026". Formats not named here come from Django's own English locale."""

DATE_FORMAT = "F j, Y"
SHORT_DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, g:i A"
SHORT_DATETIME_FORMAT = "F j, Y, g:i A"
MONTH_DAY_FORMAT = "F j"
YEAR_MONTH_FORMAT = "F Y"
