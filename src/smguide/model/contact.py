"""Who a reader asks: guide.yaml's `contact:` given as a group of keys, printed on the back
cover of the printed handbook (and the address in its imprint). Its shape, and what each
value is checked for, are in sources/contactfile.py."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Contact:
    """guide.yaml's `contact:` as a group of keys."""

    team: str | None = None
    email: str | None = None
    phone: str | None = None
    address: list[str] | None = None
    web: str | None = None

    def lines(self) -> tuple[str, ...]:
        """What the back cover prints, in order: who, then how to reach them."""
        return tuple(line for line in (self.team, self.email, self.phone, self.web,
                                       *(self.address or ())) if line)
