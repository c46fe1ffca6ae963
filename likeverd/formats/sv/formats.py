"""Swedish: Django's formats ("14 november 2026", "2026-11-14 13:05"), but forms never read a typed
date month first: Django's Swedish input formats accept the American "11/14/2026"."""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H.%M",
    "%Y-%m-%d %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M",
]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]
