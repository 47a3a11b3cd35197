"""The Reports page: choose a client and a report, preview it, save it or print it."""
