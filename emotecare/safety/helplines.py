"""Crisis lines by country, for the crisis reply and the crisis-lines page.

Numbers are the national, free, round-the-clock services as published by the services
themselves; `INTERNATIONAL_DIRECTORY` covers every other country. Review this table when a
country is added: a wrong number in a crisis is worse than none.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Helpline:
    """One crisis service: how to reach it and when."""

    name: str
    phone: str | None = None
    text: str | None = None
    url: str | None = None
    hours: str = "24/7"
    topics: tuple[str, ...] = ("crisis",)

    def to_dict(self) -> dict:
        """Return the JSON-ready form, with `reach`: how to reach it, in words."""
        return {**asdict(self), "reach": self.how_to_reach()}

    def how_to_reach(self) -> str:
        """How to reach the line in plain words: "call or text 988", "call 116 123",
        "Text SHOUT to 85258", "call 1-800-799-7233 or Text START to 88788", "visit …"."""
        if self.phone and self.phone == self.text:
            return f"call or text {self.phone}"
        text = None
        if self.text:
            text = self.text if self.text.lower().startswith("text ") else f"text {self.text}"
        ways = [f"call {self.phone}" if self.phone else None, text]
        found = " or ".join(w for w in ways if w)
        return found or (f"visit {self.url}" if self.url else "")


@dataclass(frozen=True)
class CountryLines:
    """Everything a person in one country needs in a crisis."""

    country: str
    country_name: str
    emergency: str
    helplines: tuple[Helpline, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """Return the JSON-ready form."""
        return {"country": self.country, "country_name": self.country_name, "emergency": self.emergency,
                "helplines": [h.to_dict() for h in self.helplines]}


INTERNATIONAL_DIRECTORY = Helpline(
    name="Find A Helpline (international directory of free, confidential lines)",
    url="https://findahelpline.com", topics=("crisis", "directory"))

_SAMARITANS = Helpline(name="Samaritans", phone="116 123", url="https://www.samaritans.org")
_COUNTRIES = (
    CountryLines("US", "United States", "911", (
        Helpline("988 Suicide & Crisis Lifeline", phone="988", text="988", url="https://988lifeline.org"),
        Helpline("Crisis Text Line", text="Text HOME to 741741", url="https://www.crisistextline.org"),
        Helpline("National Domestic Violence Hotline", phone="1-800-799-7233", text="Text START to 88788",
                 url="https://www.thehotline.org", topics=("abuse",)),
    )),
    CountryLines("GB", "United Kingdom", "999", (
        _SAMARITANS,
        Helpline("Shout", text="Text SHOUT to 85258", url="https://giveusashout.org"),
        Helpline("National Domestic Abuse Helpline", phone="0808 2000 247",
                 url="https://www.nationaldahelpline.org.uk", topics=("abuse",)),
    )),
    CountryLines("IE", "Ireland", "112 or 999", (
        _SAMARITANS,
        Helpline("Text About It (50808)", text="Text HELLO to 50808", url="https://text50808.ie"),
    )),
    CountryLines("IN", "India", "112", (
        Helpline("Tele-MANAS", phone="14416 or 1-800-891-4416", url="https://telemanas.mohfw.gov.in"),
    )),
    CountryLines("CA", "Canada", "911", (
        Helpline("9-8-8: Suicide Crisis Helpline", phone="988", text="988", url="https://988.ca"),
    )),
    CountryLines("AU", "Australia", "000", (
        Helpline("Lifeline", phone="13 11 14", text="0477 13 11 14", url="https://www.lifeline.org.au"),
        Helpline("1800RESPECT", phone="1800 737 732", url="https://www.1800respect.org.au", topics=("abuse",)),
    )),
    CountryLines("NZ", "New Zealand", "111", (
        Helpline("Need to talk? 1737", phone="1737", text="1737", url="https://1737.org.nz"),
    )),
    CountryLines("DE", "Germany", "112", (
        Helpline("TelefonSeelsorge", phone="0800 111 0 111 or 0800 111 0 222", url="https://www.telefonseelsorge.de"),
    )),
    CountryLines("FR", "France", "112 (or 15 for SAMU)", (
        Helpline("3114 - Numéro national de prévention du suicide", phone="3114", url="https://3114.fr"),
    )),
)
_BY_CODE = {lines.country: lines for lines in _COUNTRIES}
_ALIASES = {"UK": "GB", "EN": "GB", "ENGLAND": "GB", "SCOTLAND": "GB", "WALES": "GB", "USA": "US"}


def find_country_lines(country: str | None) -> CountryLines | None:
    """Return the lines for an ISO 3166 alpha-2 code (UK accepted), or None if unknown."""
    if not country:
        return None
    code = country.strip().upper()
    return _BY_CODE.get(_ALIASES.get(code, code))


def list_helplines(country: str | None, category: str | None = None) -> list[Helpline]:
    """Return the lines to show: the country's crisis lines (topic-specific first), then the directory."""
    lines = find_country_lines(country)
    found = list(lines.helplines) if lines else []
    if category == "abuse":
        found.sort(key=lambda h: "abuse" not in h.topics)  # specialist line first, crisis lines after
    else:
        found = [h for h in found if "crisis" in h.topics]
    return found + [INTERNATIONAL_DIRECTORY]


def list_countries() -> list[CountryLines]:
    """Return every country with known lines, for the crisis-lines page."""
    return list(_COUNTRIES)


def find_emergency_number(country: str | None) -> str:
    """Return the emergency-services number, or a plain instruction when the country is unknown."""
    lines = find_country_lines(country)
    return lines.emergency if lines else "your local emergency number"
