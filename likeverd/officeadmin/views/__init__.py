"""The office administrator's screens and the landing page of each role: HTTP only."""
