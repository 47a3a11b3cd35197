"""Handover bundles (FHIR R4 JSON + PDF + manifest), iCalendar and import."""
