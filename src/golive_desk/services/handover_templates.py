"""The emergency plan's starting scenarios (应急预案), in Chinese and English.

The user edits them in the wizard; they are written as ordinary scenarios, in
the language the window shows, when the user asks for them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ScenarioTemplate:
    title: str
    actions: str
    contacts: str
    escalation: str


_ZH: tuple[ScenarioTemplate, ...] = (
    ScenarioTemplate(
        "系统无法登录或宕机",
        "1. 确认是否全部用户均无法登录（网络、服务器、数据库）。\n"
        "2. 由内部支持人员检查服务器与数据库服务状态，必要时重启应用服务。\n"
        "3. 30 分钟内无法恢复时启用手工单据，事后补录。",
        "内部支持人员；信息部网络管理员",
        "30 分钟未恢复：客户项目经理；2 小时未恢复：实施方运营维护服务部门",
    ),
    ScenarioTemplate(
        "月末结账受阻",
        "1. 记录受阻的模块与报错信息（截图）。\n"
        "2. 检查未审核、未过账单据与期间状态。\n"
        "3. 按维护手册中的结账问题处理；仍无法解决时暂停结账并保留现场。",
        "关键用户（总账）；内部支持人员",
        "当日无法结账：实施方运营维护服务部门值班顾问；影响报表报送：客户财务负责人",
    ),
    ScenarioTemplate(
        "发现数据错误",
        "1. 立即停止相关业务的继续录入，记录错误单据号与范围。\n"
        "2. 备份当前数据库后再做任何修正。\n"
        "3. 由内部支持人员与关键用户核对原因，按审批后的方案修正。",
        "关键用户（相关模块）；内部支持人员",
        "涉及金额或跨期：客户项目经理审批；需改数据库：实施方运营维护服务部门",
    ),
    ScenarioTemplate(
        "关键用户缺岗",
        "1. 启用该模块的备岗人员，按维护手册操作。\n"
        "2. 无法处理的问题登记问题记录单，待关键用户返岗或由内部支持人员处理。",
        "备岗人员；内部支持人员",
        "影响业务超过一天：客户项目经理协调人员",
    ),
    ScenarioTemplate(
        "服务器硬件或备份故障",
        "1. 确认最近一次成功备份的时间与位置。\n"
        "2. 联系硬件供应商维修；必要时在备用服务器上恢复最近备份。",
        "信息部网络管理员；硬件供应商",
        "数据可能丢失：客户项目经理与实施方运营维护服务部门",
    ),
)

_EN: tuple[ScenarioTemplate, ...] = (
    ScenarioTemplate(
        "System down or nobody can log in",
        "1. Check whether every user is affected (network, server, database).\n"
        "2. Internal support checks the server and database services; restart the "
        "application service if needed.\n"
        "3. Not back within 30 minutes: switch to paper documents and enter them later.",
        "Internal support; IT network administrator",
        "30 minutes: the customer's PM; 2 hours: the vendor's O&M service department",
    ),
    ScenarioTemplate(
        "Month-end close blocked",
        "1. Note the module and the error message (screenshot).\n"
        "2. Check unapproved and unposted documents and the period's state.\n"
        "3. Follow the maintenance notes on closing; if still blocked, stop the close "
        "and leave everything as it is.",
        "Key user (general ledger); internal support",
        "Cannot close today: the O&M department's consultant on duty; reporting "
        "deadlines at risk: the customer's head of finance",
    ),
    ScenarioTemplate(
        "Data error found",
        "1. Stop entering the affected business at once; note the documents and the extent.\n"
        "2. Back up the database before any correction.\n"
        "3. Internal support and the key user find the cause; correct it as approved.",
        "Key user (the module); internal support",
        "Amounts or closed periods affected: the customer's PM approves; database "
        "changes: the vendor's O&M service department",
    ),
    ScenarioTemplate(
        "Key user absent",
        "1. The module's stand-in takes over, following the maintenance notes.\n"
        "2. What they cannot handle is logged as an issue for the key user's return "
        "or for internal support.",
        "Stand-in; internal support",
        "Business blocked for over a day: the customer's PM assigns people",
    ),
    ScenarioTemplate(
        "Server hardware or backup failure",
        "1. Find the last good backup: when and where.\n"
        "2. Call the hardware supplier; if needed restore the last backup on a spare server.",
        "IT network administrator; hardware supplier",
        "Data may be lost: the customer's PM and the vendor's O&M service department",
    ),
)


def templates(language: str) -> tuple[ScenarioTemplate, ...]:
    """The starting scenarios in ``language`` (``zh…``: Chinese, anything else: English)."""
    return _ZH if language.lower().startswith("zh") else _EN
