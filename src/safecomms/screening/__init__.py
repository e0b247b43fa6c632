"""Screening: check a text for client-identifiable data and conduct risks before it is sent.

Guidance sections 3.3-3.5, 6.1 and 7.1-7.2 ask practitioners to keep client data out of messages
and to write professionally. `screen` finds names, identifiers and contact details, text speak,
political statements, offensive remarks, boundary risks and work allocated by message; each finding
cites a rule in `safecomms.policy`. This package is pure Python: it never imports Django.

    gazetteer = Gazetteer.from_people([Person("Jayden Smith", "child")])
    result = screen("Hi Jayden, c u l8r", channel="whatsapp", gazetteer=gazetteer)
    result.findings, result.redacted(), result.channel_verdict
"""

from safecomms.screening.engine import screen
from safecomms.screening.findings import (
    CONDUCT,
    PERSONAL_DATA,
    Category,
    Channel,
    ChannelVerdict,
    Finding,
    Route,
    ScreeningResult,
)
from safecomms.screening.people import Gazetteer, Person

__all__ = [
    "CONDUCT",
    "PERSONAL_DATA",
    "Category",
    "Channel",
    "ChannelVerdict",
    "Finding",
    "Gazetteer",
    "Person",
    "Route",
    "ScreeningResult",
    "screen",
]
