"""The goal board of one client, the goal's detail, and the practice-wide Goals page."""
