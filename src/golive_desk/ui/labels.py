"""Enum codes in the user's language (the stored codes stay English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from golive_desk.domain.enums import ProjectStatus, Role, Side, SupportMode


def role(value: Role) -> str:
    return {
        Role.CONSULTANT: QCoreApplication.translate("Labels", "Consultant"),
        Role.VENDOR_PM: QCoreApplication.translate("Labels", "Vendor PM"),
        Role.CUSTOMER_PM: QCoreApplication.translate("Labels", "Customer PM"),
        Role.KEY_USER: QCoreApplication.translate("Labels", "Key user"),
        Role.INTERNAL_SUPPORT: QCoreApplication.translate("Labels", "Internal support"),
        Role.END_USER: QCoreApplication.translate("Labels", "End user"),
    }[value]


def side(value: Side) -> str:
    return {Side.VENDOR: QCoreApplication.translate("Labels", "Vendor"),
            Side.CUSTOMER: QCoreApplication.translate("Labels", "Customer")}[value]


def project_status(value: ProjectStatus) -> str:
    return {
        ProjectStatus.PREPARING: QCoreApplication.translate("Labels", "Preparing"),
        ProjectStatus.LIVE_SUPPORT: QCoreApplication.translate("Labels", "Go-live support"),
        ProjectStatus.HANDOVER: QCoreApplication.translate("Labels", "Handover"),
        ProjectStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
    }[value]


def support_mode(value: SupportMode) -> str:
    return {SupportMode.ONSITE: QCoreApplication.translate("Labels", "On site"),
            SupportMode.PHONE: QCoreApplication.translate("Labels", "Phone"),
            SupportMode.REMOTE: QCoreApplication.translate("Labels", "Remote")}[value]
