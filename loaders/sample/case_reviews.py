"""placeholder"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.sample.county import County


def plant_case_reviews(c: County) -> None:
    return None
