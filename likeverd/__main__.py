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
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
