"""Background work (django.tasks)."""

import os

from django.core.exceptions import ImproperlyConfigured

# A queue in the database, worked by `likeverd db_worker` (README.md, Running in production).
# "immediate" runs each task inside the request that enqueues it: for a test that needs it,
# never for an installation.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
_task_backend = os.environ.get("LIKEVERD_TASKS_BACKEND", "database").strip().lower()
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"LIKEVERD_TASKS_BACKEND={_task_backend!r} is not known. Fix: unset it, or set it to "
        + " or ".join(_TASK_BACKENDS)
        + "."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend], "QUEUES": ["default"]}}
