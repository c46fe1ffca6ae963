"""Realistic, invented demo data, loaded by `likeverd demo` (build.load_demo).

Split by topic: people.py (offices, staff, TOTP secrets, name pools), texts/ (themes, narratives,
notes), planning.py (what each case will be, from a seeded generator), staff.py (offices and
logins), cases.py and classification.py (writing each plan through the services, at the time
each step happened, on context.py's clock) and build.py (the whole demo, office by office).
"""
