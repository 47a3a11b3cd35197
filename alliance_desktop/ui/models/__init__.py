"""Qt item models filled with rows from services; none of them holds a vault connection."""
