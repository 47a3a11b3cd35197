"""Tabs of the client overview. Each is a QWidget with `show_client(client_id | None)`."""
