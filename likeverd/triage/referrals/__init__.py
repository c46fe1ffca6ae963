"""Referrals of a case (issue 9): to a help service of the directory or to an authority, with
a status on the case's timeline, suggested from the sorting conversation's other problems.

They live in triage, not in directory, because directory sits below cases and cannot hold a
foreign key to a case (ARCHITECTURE.md). Nothing about the person goes to another organisation
without their recorded consent, and each referral keeps exactly what was shared (docs/adr/0012).
"""
