"""Stable English codes of the domain's enumerations (the CLI and ops use these)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CONSULTANT = "consultant"
    VENDOR_PM = "vendor_pm"
    CUSTOMER_PM = "customer_pm"
    KEY_USER = "key_user"
    INTERNAL_SUPPORT = "internal_support"
    END_USER = "end_user"


class Side(StrEnum):
    VENDOR = "vendor"
    CUSTOMER = "customer"


ROLE_SIDE: dict[Role, Side] = {
    Role.CONSULTANT: Side.VENDOR,
    Role.VENDOR_PM: Side.VENDOR,
    Role.CUSTOMER_PM: Side.CUSTOMER,
    Role.KEY_USER: Side.CUSTOMER,
    Role.INTERNAL_SUPPORT: Side.CUSTOMER,
    Role.END_USER: Side.CUSTOMER,
}


class ProjectStatus(StrEnum):
    PREPARING = "preparing"
    LIVE_SUPPORT = "live_support"
    HANDOVER = "handover"
    CLOSED = "closed"


class SupportMode(StrEnum):
    ONSITE = "onsite"
    PHONE = "phone"
    REMOTE = "remote"


class Half(StrEnum):
    """Which part of a day a slot takes."""

    DAY = "day"
    AM = "am"
    PM = "pm"


class MilestoneKind(StrEnum):
    GO_LIVE = "go_live"
    MONTH_END_CLOSE = "month_end_close"
    PLANNED_EXIT = "planned_exit"
    ACCEPTANCE = "acceptance"
    OTHER = "other"


class WarningCode(StrEnum):
    GO_LIVE_UNCOVERED = "go_live_uncovered"
    MONTH_END_UNCOVERED = "month_end_uncovered"
    DOUBLE_BOOKED = "double_booked"
    AFTER_EXIT = "after_exit"
    HOLIDAY = "holiday"
