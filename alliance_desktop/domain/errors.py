"""Errors the domain raises for bad input, carrying one message per field."""

from __future__ import annotations


class InvalidInput(ValueError):
    """Input that breaks a rule; `problems` maps a field name to a message for that field."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))

    @classmethod
    def single(cls, field: str, message: str) -> InvalidInput:
        return cls({field: message})


class RecordNotFound(LookupError):
    """A record asked for by id that the vault does not hold."""
