"""Plain-Python clinical records and rules (stdlib only; no Qt, no SQL)."""
