"""What leaves the API: masked for viewers, audited when it names people.

Routers hand their payload here instead of returning it, so no endpoint can
forget the rule. A viewer sees aggregates; people appear to a viewer as 张*
with no identifiers (no id, no ID digest, no birth year). Any response that
names people to an analyst or admin writes one audit row listing them.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from pydantic import BaseModel

from api.auth import Account, Role
from graph.model.ids import kind_of_id

MASKED_ID = "per_****************"
PERSON_ID_FIELDS = {"person_id", "cadre_id", "relative_id", "recipient_id"}
IDENTIFYING = {"id_hash", "birth_year", "gender", "notes", "origin"}
# Free text about accusations may name people; a viewer sees that the item exists, not what it says.
ACCUSATION_TEXT = {"Clue": {"summary"}, "Case": {"summary", "suggestion"}, "Petition": {"topic"}}
HIDDEN = "（已隐藏）"


def mask_name(name: str | None) -> str | None:
    """张伟 → 张*; 欧阳娜娜 → 欧*.

    >>> mask_name("张伟")
    '张*'
    """
    return name[0] + "*" if name else name


def _is_person_id(value: Any) -> bool:
    return isinstance(value, str) and kind_of_id(value) == "Person"


def person_ids(payload: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(payload, dict):
        for value in payload.values():
            found |= person_ids(value)
    elif isinstance(payload, list):
        for value in payload:
            found |= person_ids(value)
    elif _is_person_id(payload):
        found.add(payload)
    return found


def mask(payload: Any) -> Any:
    """A copy with every person reduced to a surname and a star, and no identifiers."""
    if isinstance(payload, list):
        return [mask(v) for v in payload]
    if not isinstance(payload, dict):
        return MASKED_ID if _is_person_id(payload) else payload
    person = payload.get("kind") == "Person" or _is_person_id(payload.get("id"))
    hidden = ACCUSATION_TEXT.get(payload.get("kind") or kind_of_id(str(payload.get("id", ""))) or "", set())
    out = {}
    for key, value in payload.items():
        if hidden and key == "props" and isinstance(value, dict):
            out[key] = {k: HIDDEN if k in hidden else mask(v) for k, v in value.items()}
        elif person and key == "name":
            out[key] = mask_name(value)
        elif person and key == "props" and isinstance(value, dict):
            out[key] = {k: mask_name(v) if k == "name" else v for k, v in value.items() if k not in IDENTIFYING}
        elif person and key in IDENTIFYING:
            continue
        else:
            out[key] = mask(value)
    return out


def deliver(request: Request, account: Account, payload: Any) -> Any:
    # Query rows are already plain JSON; only models need converting (the generic encoder walks every value).
    data = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
    if account.role is Role.VIEWER:
        return mask(data)
    people = person_ids(data)
    if people:
        request.app.state.audit.record(account=account.name, role=account.role.value, method=request.method,
                                       endpoint=request.url.path, person_ids=sorted(people))
    return data
