"""Who may see virtual visit assessments, and who decides them: the allocated team's manager."""

from __future__ import annotations

from typing import Any

from safecomms.visits.services import assessment_record
from tests.access_vocabulary import CASE, CASE_READERS, Expect, allow


def extend_world(world: dict[str, Any]) -> None:
    world["assessment"] = assessment_record(
        actor=world["manager"],
        child=world["child"],
        decision="mixed",
        preferred_app="whatsapp",
        child_confidence="confident",
        family_confidence="needs_support",
        needs="Kai is 13 and chats happily on video; he needs time alone with the worker.",
        risks="Mum may be listening in; alternate with visits at school.",
    )


ASSESSMENT = {
    "decision": "virtual",
    "preferred_app": "teams",
    "child_confidence": "confident",
    "family_confidence": "confident",
    "needs": "Happy to talk on video.",
    "risks": "None known.",
}
REVIEW = {
    "supports_wellbeing": "yes",
    "decision": "mixed",
    "preferred_app": "whatsapp",
    "notes": "Visits are going well; keep one in-person visit a month.",
}

EXPECTATIONS: dict[str, Expect] = {
    "visits:assessment": allow(CASE_READERS, **CASE),
    "visits:assessment-create": allow("manager", **CASE),
    "visits:review": allow("manager", **CASE),
    "visits:reflection-create": allow(CASE_READERS, **CASE),
    "api:list_visit_assessments": allow(CASE_READERS, **CASE),
    "api:create_visit_assessment": allow(
        "manager", method="post", data=lambda w: ASSESSMENT, **CASE
    ),
    "api:review_visit_assessment": allow("manager", method="post", data=lambda w: REVIEW, **CASE),
}
