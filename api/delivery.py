"""What leaves the API: masked for viewers, audited when it names people.

Routers hand their payload here instead of returning it, so no endpoint can
forget the rule. A viewer sees aggregates; people appear to a viewer as 张*
with no identifiers (no id, no ID digest, no birth year), and so do the names
of known people wherever they stand in text of any kind (an issue, a task, a
finding, a letter, an evidence or gap sentence); ID and mobile numbers left in
text stored before the loader redacted them are replaced by their tokens.
Any response that names people to an analyst or admin writes one audit row
listing them: by their ids, and by the known names its text holds.

A whole-graph result kept per graph version (``graph.analysis.cache``) is the same object on every request
until the next write, so :func:`deliver_kept` masks, checks and serialises it once per version and role and
sends those bytes again: a county's dashboard is megabytes of JSON, and walking and validating it on every
read took seconds of CPU each (scale 10). :func:`deliver_page_kept` does the same row by row for a page of a
kept list. The audit row is still written on every read.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from fastapi import Request, Response
from pydantic import BaseModel, TypeAdapter

from api.auth import Account, Role
from api.masking import matcher_for
from graph.model.ids import kind_of_id
from graph.text_privacy import NameMatcher, redact_text

MASKED_ID = "per_****************"
PERSON_ID_FIELDS = {"person_id", "cadre_id", "relative_id", "recipient_id"}
IDENTIFYING = {"id_hash", "birth_year", "gender", "notes", "origin"}
# Free text about accusations may name people; a viewer sees that the item exists, not what it says.
ACCUSATION_TEXT = {"Clue": {"summary"}, "Case": {"summary", "suggestion"}, "Petition": {"topic"}}
HIDDEN = "（已隐藏）"
_NO_NAMES = NameMatcher({})


def mask_name(name: str | None) -> str | None:
    """张伟 → 张*; 欧阳娜娜 → 欧*.

    >>> mask_name("张伟")
    '张*'
    """
    return name[0] + "*" if name else name


def mask_text(text: str, names: NameMatcher) -> str:
    """Every known name in ``text`` as 张*, every ID or mobile number as its token.

    >>> mask_text("王小明报销13912345678的话费", NameMatcher({"王小明": ["per_1"]}))
    '王*报销〔手机号已脱敏〕的话费'
    """
    return redact_text(names.sub(text, mask_name))  # type: ignore[arg-type]


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


def people_in_text(payload: Any, names: NameMatcher, *, identified: bool = False) -> set[str]:
    """Ids of the people whose names the payload's text holds (every namesake: text does not say which).

    A string that is nothing but a name, in a record that carries a person's id (or in its ``props``), is
    that person's name, already counted by id; it does not bring in the namesakes.
    """
    found: set[str] = set()
    if isinstance(payload, list):
        for value in payload:
            found |= people_in_text(value, names)
    elif isinstance(payload, dict):
        identified = identified or payload.get("kind") == "Person" or any(_is_person_id(v) for v in payload.values())
        for key, value in payload.items():
            if isinstance(value, str):
                if not (identified and value in names.ids):
                    found |= names.people_in(value)
            else:
                found |= people_in_text(value, names, identified=identified and key == "props")
    elif isinstance(payload, str):
        found |= names.people_in(payload)
    return found


def mask(payload: Any, names: NameMatcher = _NO_NAMES) -> Any:
    """A copy with every person reduced to a surname and a star, no identifiers, and names masked in all text."""
    if isinstance(payload, list):
        return [mask(v, names) for v in payload]
    if isinstance(payload, str):
        return MASKED_ID if _is_person_id(payload) else mask_text(payload, names)
    if not isinstance(payload, dict):
        return payload
    person = payload.get("kind") == "Person" or _is_person_id(payload.get("id"))
    hidden = ACCUSATION_TEXT.get(payload.get("kind") or kind_of_id(str(payload.get("id", ""))) or "", set())
    out: dict[str, Any] = {}
    for key, value in payload.items():
        if hidden and key == "props" and isinstance(value, dict):
            out[key] = {k: HIDDEN if k in hidden else mask(v, names) for k, v in value.items()}
        elif person and key == "name":
            out[key] = mask_name(value)
        elif person and key == "props" and isinstance(value, dict):
            out[key] = {k: mask_name(v) if k == "name" else mask(v, names) for k, v in value.items()
                        if k not in IDENTIFYING}
        elif person and key in IDENTIFYING:
            continue
        else:
            out[key] = mask(value, names)
    return out


def deliver(request: Request, account: Account, payload: Any) -> Any:
    # Query rows are already plain JSON; only models need converting (the generic encoder walks every value).
    data = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
    names = matcher_for(getattr(request.app.state, "store", None))
    if account.role is Role.VIEWER:
        return mask(data, names)
    people = person_ids(data) | people_in_text(data, names)
    if people:
        request.app.state.audit.record(account=account.name, role=account.role.value, method=request.method,
                                       endpoint=request.url.path, person_ids=sorted(people))
    return data


RENDERED_KEPT = 256  # rendered results kept per worker, one per slot and audience (viewers, the others)
_rendered: OrderedDict[tuple[str, bool], tuple[Any, NameMatcher, Any, Any]] = OrderedDict()
_rendering = threading.Lock()
_gates: dict[tuple[str, bool], threading.Lock] = {}
_gates_lock = threading.Lock()
_adapters: dict[Any, TypeAdapter] = {}


def _adapter(model: Any) -> TypeAdapter:
    if model not in _adapters:
        _adapters[model] = TypeAdapter(model)
    return _adapters[model]


def _json(value: Any, model: Any) -> bytes:
    """What FastAPI's response model makes of ``value``, as JSON bytes."""
    adapter = _adapter(model)
    return adapter.dump_json(adapter.validate_python(value), by_alias=True)


def _kept_rendering(key: tuple[str, bool], payload: Any, names: NameMatcher) -> tuple | None:
    with _rendering:
        hit = _rendered.get(key)
        if hit is None or hit[0] is not payload or hit[1] is not names:  # a newer version, or names changed
            return None
        _rendered.move_to_end(key)
        return hit


def _rendering_of(request: Request, account: Account, payload: Any, slot: str,
                  render: Callable[[Any, bool, NameMatcher], tuple[Any, Any]]) -> tuple[Any, Any]:
    """``render(payload, viewer, names)`` made once per payload object, audience and names, then kept.

    ``slot`` names the result (its cache name and parameters): a newer object for the same slot replaces the
    older one, so no superseded result is held in memory for its rendering.
    """
    names = matcher_for(getattr(request.app.state, "store", None))
    viewer = account.role is Role.VIEWER
    key = (slot, viewer)
    hit = _kept_rendering(key, payload, names)
    if hit is None:
        with _gates_lock:
            gate = _gates.setdefault(key, threading.Lock())
        with gate:  # a second request for the same rendering waits for the first and reuses it; others go on
            hit = _kept_rendering(key, payload, names)
            if hit is None:
                hit = (payload, names, *render(payload, viewer, names))
                with _rendering:
                    _rendered[key] = hit
                    while len(_rendered) > RENDERED_KEPT:
                        gone, _ = _rendered.popitem(last=False)
                        with _gates_lock:
                            _gates.pop(gone, None)
    return hit[2], hit[3]


def _audit(request: Request, account: Account, people: Iterable[str]) -> None:
    named = sorted(people)
    if named:
        request.app.state.audit.record(account=account.name, role=account.role.value, method=request.method,
                                       endpoint=request.url.path, person_ids=named)


def deliver_kept(request: Request, account: Account, payload: Any, model: Any, slot: str) -> Response:
    """``deliver`` for a result kept per graph version (the very object ``cached`` returns): the JSON body,
    masked for viewers, is made once per object and audience and kept; an analyst's read is audited every time.

    ``model`` is the endpoint's response model: the body is what FastAPI would have made of it.
    """
    def render(value: Any, viewer: bool, names: NameMatcher) -> tuple[bytes, list[str]]:
        data = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
        if viewer:
            return _json(mask(data, names), model), []
        return _json(data, model), sorted(person_ids(data) | people_in_text(data, names))

    body, people = _rendering_of(request, account, payload, slot, render)
    _audit(request, account, people)
    return Response(body, media_type="application/json")


def deliver_page_kept(request: Request, account: Account, rows: list[Any], limit: int, offset: int, row_model: Any,
                      slot: str) -> Response:
    """One page (``api.pages.Page``) of a list kept per graph version: each row is masked, checked against
    ``row_model`` and serialised once, with the people it names; a request joins its page's rows."""
    def render(value: list[Any], viewer: bool, names: NameMatcher) -> tuple[list[bytes], list[set[str]]]:
        data = [r.model_dump(mode="json") if isinstance(r, BaseModel) else r for r in value]
        if viewer:
            return [_json(mask(r, names), row_model) for r in data], [set() for _ in data]
        return [_json(r, row_model) for r in data], [person_ids(r) | people_in_text(r, names) for r in data]

    bodies, people = _rendering_of(request, account, rows, slot, render)
    _audit(request, account, set().union(*people[offset:offset + limit]))
    body = b'{"items":[%s],"total":%d,"limit":%d,"offset":%d}' % (
        b",".join(bodies[offset:offset + limit]), len(rows), limit, offset)
    return Response(body, media_type="application/json")
