"""Realistic, invented demo data, loaded by `likeverd demo` (build.load_demo).

Split by topic: people.py (offices, staff, TOTP secrets, name pools), texts.py (themes,
narratives, notes), build.py (planning with a seeded generator and writing through services).
"""
