"""Local wall time for the engine: the machine's zone with its DST rules, and safe addition.

Separate from the engine because both are about reading the clock right, not about breaks:
``astimezone()`` alone gives only today's UTC offset, and adding to a zoned datetime moves
its wall fields alone, which is an hour off across a DST change. (Subtraction has the same
trap; :func:`deskbreak.core.clock.seconds_between` is the one place that handles it.)
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

log = logging.getLogger(__name__)


def local_zone() -> tzinfo | None:
    """This machine's zone with its DST rules (``astimezone()`` gives only today's offset).

    None when it cannot be read (an unknown ``TZ``, no ``/etc/localtime``): the engine then
    works with bare UTC offsets, which know no DST rules, so the log says why.
    """
    key = os.environ.get("TZ", "").lstrip(":")
    try:
        if key:
            return ZoneInfo(key)
        with open("/etc/localtime", "rb") as file:
            return ZoneInfo.from_file(file)
    except Exception as error:  # any failure: running on bare offsets beats not starting
        source = f"TZ={key!r}" if key else "/etc/localtime"
        log.warning(
            "cannot read the time zone from %s (%s); using bare UTC offsets without DST "
            "rules, so times planned across a DST change may be an hour off",
            source,
            error,
        )
    return None


def minutes_later(start: datetime, minutes: float) -> datetime:
    """Through UTC: adding to a zoned datetime moves its wall fields, an hour off across
    a DST change. The result is in ``start``'s zone."""
    return (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(start.tzinfo)
