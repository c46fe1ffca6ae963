"""The `likeverd` console script: Django's manage command for this project."""

import os
import sys


def main() -> None:
    if sys.argv[1:2] == ["generatekey"]:
        # How an installer gets the first key, so it must work before any key is configured
        # (the settings refuse to load without one in production).
        from likeverd.core.management.commands.generatekey import new_keys_text

        print(new_keys_text())  # noqa: T201
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "likeverd.config.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018  (loads the settings, which check the environment)
    except ImproperlyConfigured as missing:
        # An installer's first contact: one line that says what to set, not a traceback. The
        # settings' messages name the variable and the fix.
        sys.exit(f"likeverd: {missing}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
