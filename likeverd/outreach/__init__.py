"""Outreach and finances of an office: courses, events and stands, media mentions, volunteer
patrols (what they witness becomes cases), and the year's grants and expenses."""
