#!/usr/bin/env python
import os
import sys


def main() -> None:
    if len(sys.argv) > 1:
        from haven import keygen

        if sys.argv[1] in keygen.COMMANDS:
            # Key generators run without settings: production settings need the keys they make.
            raise SystemExit(keygen.main(sys.argv[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
