"""Read-only figures: aggregates, disclosure control, the annual report and its exports."""
