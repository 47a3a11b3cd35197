"""Dialogs: each returns plain data (a record or None) and never saves by itself."""
