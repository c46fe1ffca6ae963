"""Realistic, invented demo data, loaded by `likeverd demo` (build.load_demo).

Split by topic: people.py (offices, staff, TOTP secrets, name pools), texts.py (themes,
narratives, notes), planning.py (what each case will be, from a seeded generator) and
build.py (writing the plans through the services, at the time each step happened).
"""
