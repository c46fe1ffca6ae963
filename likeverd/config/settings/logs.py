"""Logs: plain lines on the console, with nothing personal in them."""

import os

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    # Request logs carry only paths, and paths carry only unguessable ids: nothing personal.
    "root": {"handlers": ["console"], "level": os.environ.get("LIKEVERD_LOG_LEVEL", "INFO")},
    # axes names the typed username in its warnings: a person's name has no place in logs.
    # The task worker logs a task's id, name and state, never its arguments.
    # WeasyPrint and fontTools report each step of printing a draft at INFO, pikepdf its start-up.
    "loggers": {
        "axes": {"level": "ERROR"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},
    },
}
