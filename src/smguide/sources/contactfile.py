"""The shape of guide.yaml's `contact:` (model/contact.py: what it becomes), printed on
the back cover of the printed handbook (and the address in its imprint).

Written as a group of keys (team, email, phone, address, web, each optional), each value
checked for what it is: an e-mail address needs one @ and a domain, a phone number is
digits, a web address has no spaces. The older form, a list of lines printed as written,
is still read (`contact_lines`).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import Discriminator, Field, StringConstraints, Tag, field_validator, model_validator

from smguide.model.base import Mistake
from smguide.sources.strict import Strict, twins

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_DOMAIN = re.compile(r"^[^\s@./][^\s@]*\.[^\s@.]{2,}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
_WEB = re.compile(r"^(https?://)?[^\s/@]+\.[^\s/@.]{2,}(/\S*)?$")
MAX_ADDRESS_LINES = 5


class Contact(Strict):
    """guide.yaml's `contact:` as a group of keys."""

    team: Text | None = Field(None, description="Who to ask: a team or a person, e.g. "
                                                "'People team'.")
    email: Text | None = Field(None, description="An e-mail address, e.g. "
                                                 "people@example.com.")
    phone: Text | None = Field(None, description="A phone number as it is dialled from "
                                                 "abroad, e.g. '+44 20 7946 0000'.")
    address: Annotated[list[Text], Field(min_length=1, max_length=MAX_ADDRESS_LINES)] | None = \
        Field(None, description="The postal address: one line of text, or a list of up to "
                                "5 lines. The imprint prints it on one line.")
    web: Text | None = Field(None, description="A web address, e.g. example.com/people.")

    @field_validator("address", mode="before")
    @classmethod
    def _one_line_is_a_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("email")
    @classmethod
    def _an_email_address(cls, value: str | None) -> str | None:
        if value is None:
            return value
        fix = "write the whole address, such as people@example.com"
        if value.lower().startswith("mailto:"):
            raise Mistake(f'"{value}" starts with mailto:', "leave it out: "
                          f"{value[len('mailto:'):]}")
        if " " in value:
            raise Mistake(f'the e-mail address "{value}" has a space in it', fix)
        if value.count("@") != 1:
            what = "has no @" if "@" not in value else "has more than one @"
            raise Mistake(f'the e-mail address "{value}" {what}', fix)
        name, domain = value.split("@")
        if not name or not _DOMAIN.match(domain):
            raise Mistake(f'the e-mail address "{value}" needs a name before the @ and a '
                          "domain with a dot after it", fix)
        return value

    @field_validator("phone")
    @classmethod
    def _a_phone_number(cls, value: str | None) -> str | None:
        if value is None:
            return value
        digits = sum(character.isdigit() for character in value)
        if not _PHONE.match(value) or digits < 5 or "+" in value[1:]:
            raise Mistake(f'"{value}" is not a phone number', "write digits, spaces and "
                          "+ ( ) - / only, with the country code, such as +44 20 7946 0000")
        return value

    @field_validator("web")
    @classmethod
    def _a_web_address(cls, value: str | None) -> str | None:
        if value is not None and not _WEB.match(value):
            raise Mistake(f'"{value}" is not a web address', "write it without spaces, "
                          "such as example.com/people or https://example.com/people")
        return value

    @model_validator(mode="after")
    def _something(self) -> Contact:
        if not any((self.team, self.email, self.phone, self.address, self.web)):
            raise Mistake("the contact is empty", "give at least one of team, email, "
                          "phone, address or web, or leave contact: out")
        return self

ContactLines = Annotated[list[Text], Field(min_length=1, max_length=6)]


def _form(value: Any) -> str:
    return "lines" if isinstance(value, list) else "keys"


# the one field of guide.yaml, in either form; a value that is neither a list nor a group
# is told what a group is (the form documented)
ContactField = Annotated[
    Annotated[Contact, Tag("keys")] | Annotated[ContactLines, Tag("lines")],
    Discriminator(_form),
    Field(description="Who to ask, on the printed handbook's back cover: team, email, phone, "
                      "address, web (all optional); or a list of up to 6 lines printed as "
                      "written.")]

twins(__name__, "smguide.model.contact")
