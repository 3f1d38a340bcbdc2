"""The unit in charge of a special inspection's listed objects (…专项巡察，对象为县医保局、县人民医院…), for the
problems a report tells naming no unit at all.
"""

from __future__ import annotations

import re

from loaders.text.units import Resolved
from loaders.text.walker_view import WalkerView


def special_lead(walker: WalkerView, text: str) -> Resolved | None:
    """The unit in charge of a special inspection's listed objects (…专项巡察，对象为县医保局、县人民医院…; 对县A局、
    县B局和C镇开展…专项巡察): the first listed. A problem the report tells naming no unit at all is at it
    (全局稽核人员仅2人: the bureau's own); one that names its unit, or a redacted one (XX村卫生室), keeps it."""
    if not re.search(r"专项巡察|专项检查", text):
        return None
    # …，对象为A、B…; 对A、B和C开展…专项巡察: the objects listed, in charge first
    m = re.search(r"对象(?:为|是|包括)|对(?=[^，。；]{2,80}?开展[^，。；]{0,20}?专项(?:巡察|检查))", text)
    first = next((x for x in walker.finder.mentions(text[m.end():]) if not walker.is_body(x.form)), None) if m else None
    return walker.finder.resolve(first.form) if first is not None and first.start == 0 else None
