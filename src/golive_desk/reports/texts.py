"""The words on printed and exported documents, in Chinese and English.

reports/ and services/ import no Qt, so they cannot use ``tr()``; these small
dictionaries are their translation. The Chinese follows the methodology's
own terms (问题描述, 原因分析, 处理建议, 处理过程跟踪, 通报客户 …), since
the customer compares our sheet with the template they know.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.issues import (
    Category,
    IssueStatus,
    NotifyChannel,
    Severity,
    TimelineKind,
)
from golive_desk.domain.sla import SlaReading, deciding_clock

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_ZH: dict[str, str] = {
    "sheet_title": "系统运行问题跟踪记录单",
    "register_title": "系统运行问题跟踪记录",
    "doc_no": "文档编号", "doc_name": "文档名称", "nature": "文档性质", "nature_external": "外部",
    "version": "版本", "template": "模板", "template_name": "《系统运行问题跟踪记录单》",
    "approver": "审批人", "approver_role": "客户项目经理", "prepared_by": "编制人",
    "prepared_on": "编制日期", "scope": "记录范围", "scope_all": "本项目全部问题记录",
    "stage": "实施阶段", "stage_name": "7.1 上线后的支持",
    "customer": "客户名称", "project": "项目名称", "project_code": "项目编号",
    "go_live": "上线日期", "vendor_pm": "项目经理",
    "number": "问题编号", "status": "当前状态", "title": "问题标题", "module": "所属模块",
    "function": "功能/单据", "category": "问题类别", "severity": "严重程度",
    "mode": "支持方式", "maintenance_note": "列入维护事项", "reporter": "提出人",
    "reporter_dept": "提出部门", "reported_at": "提出时间", "expected_by": "要求解决日期",
    "assignee": "处理顾问", "created_by": "记录人", "description": "问题描述",
    "cause": "原因分析", "proposal": "处理建议", "resolution": "解决方案",
    "result": "解决结果", "confirmed_by": "客户确认人", "confirmed_at": "确认日期",
    "updated_at": "最后更新", "reported_on": "提出日期", "module_short": "模块",
    "expected_short": "要求解决",
    "sla": "SLA", "sla_left": "剩余 {t}", "sla_overdue": "超期 {t}", "sla_met": "已达成",
    "sla_paused": "暂停 · 剩余 {t}", "sla_hours": "{h}小时{m}分", "sla_minutes": "{m}分钟",
    "sla_unknown": "（{years}年按周一至周五计）",
    "timeline": "处理过程跟踪", "tl_at": "日期时间", "tl_kind": "事项", "tl_author": "记录人",
    "tl_text": "内容", "tl_empty": "（暂无处理记录）",
    "attachments": "附件",
    "sign_consultant": "实施顾问签字", "sign_customer": "客户确认签字",
    "sign_approver": "客户项目经理审批（签字）", "sign_preparer": "编制（签字）",
    "sign_date": "日期：" + "\u00a0" * 12 + "年" + "\u00a0" * 6 + "月" + "\u00a0" * 6 + "日",
    "page": "第 {page} 页 / 共 {pages} 页", "continued": "（续）", "printed": "打印日期",
    "yes": "是", "no": "否", "deleted": "已删除",
    "conflicts_note": "注意：本问题有尚未解决的同步冲突（{fields}），所印为暂定值。",
    "summary": "统计汇总", "by_status": "按状态", "by_severity": "按严重程度",
    "by_category": "按问题类别", "total": "合计", "count": "数量", "seq": "序号",
    "open": "未关闭", "register_empty": "（无问题记录）",
    "approval": "审批意见", "issues_total": "问题总数",
    "filter_status": "状态", "filter_severity": "严重程度", "filter_category": "类别",
    "filter_module": "模块", "filter_assignee": "处理顾问", "filter_text": "关键字",
    "filter_from": "提出日期自", "filter_to": "至", "filter_mine": "分配给我",
    "filter_overdue": "已逾期", "filter_deleted": "含已删除",
    "status_change": "{old} → {new}",
    "field_change": "{field}：{old} → {new}", "empty": "（空）",
    "notified": "{channel}通报 {whom}",
    "schedule_title": "现场支持时间表", "month": "月份", "month_value": "{year}年{month}月",
    "sch_person": "人员", "sch_half": "时段", "sch_am": "上午", "sch_pm": "下午",
    "sch_day": "全天", "sch_milestones": "里程碑", "legend": "图例",
    "weekdays": "一二三四五六日", "sch_weekend": "周末", "sch_holiday": "法定节假日",
    "sch_adjusted": "调休上班", "sch_adjusted_mark": "班",
    "ms_go_live": "上线", "ms_month_end_close": "月结", "ms_planned_exit": "撤场",
    "ms_acceptance": "验收", "ms_other": "其他",
    "ms_go_live_long": "上线", "ms_month_end_close_long": "月结",
    "ms_planned_exit_long": "计划撤离现场", "ms_acceptance_long": "验收", "ms_other_long": "其他",
    "sch_milestone_list": "本月里程碑", "sch_holiday_list": "本月节假日",
    "sch_none": "（无）", "sch_days": "现场 {onsite} 天 · 电话 {phone} 天 · 远程 {remote} 天",
    "sch_total": "合计（人天）", "sch_empty": "（本月无支持安排）",
    "sign_pm": "项目经理（签字）", "role_short_consultant": "顾问",
    "role_short_vendor_pm": "项目经理",
}

_EN: dict[str, str] = {
    "sheet_title": "System Operation Issue Tracking Record Sheet",
    "register_title": "System Operation Issue Tracking Record",
    "doc_no": "Document no.", "doc_name": "Document", "nature": "Classification",
    "nature_external": "External",
    "version": "Version", "template": "Template",
    "template_name": "System operation issue tracking record sheet",
    "approver": "Approver", "approver_role": "Customer project manager",
    "prepared_by": "Prepared by", "prepared_on": "Date", "scope": "Scope",
    "scope_all": "All issue records of the project",
    "stage": "Stage", "stage_name": "7.1 Support after go-live",
    "customer": "Customer", "project": "Project", "project_code": "Project code",
    "go_live": "Go-live", "vendor_pm": "Project manager",
    "number": "Issue no.", "status": "Status", "title": "Title", "module": "Module",
    "function": "Function / document", "category": "Category", "severity": "Severity",
    "mode": "Support mode", "maintenance_note": "Maintenance matter",
    "reporter": "Reporter", "reporter_dept": "Department", "reported_at": "Reported at",
    "expected_by": "Expected by", "assignee": "Assignee", "created_by": "Recorded by",
    "description": "Description", "cause": "Cause analysis", "proposal": "Proposed handling",
    "resolution": "Resolution", "result": "Result", "confirmed_by": "Confirmed by",
    "confirmed_at": "Confirmed on", "updated_at": "Last updated",
    "reported_on": "Reported on", "module_short": "Module", "expected_short": "Expected by",
    "sla": "SLA", "sla_left": "{t} left", "sla_overdue": "Overdue {t}", "sla_met": "Met",
    "sla_paused": "Paused · {t} left", "sla_hours": "{h} h {m} min", "sla_minutes": "{m} min",
    "sla_unknown": " ({years}: counted Mon–Fri)",
    "timeline": "Timeline", "tl_at": "Date & time", "tl_kind": "Entry",
    "tl_author": "By", "tl_text": "Details", "tl_empty": "(no entries yet)",
    "attachments": "Attachments",
    "sign_consultant": "Consultant's signature", "sign_customer": "Customer's confirmation",
    "sign_approver": "Approved by the customer PM (signature)",
    "sign_preparer": "Prepared by (signature)",
    "sign_date": "Date:" + "\u00a0" * 40,
    "page": "Page {page} of {pages}", "continued": " (continued)", "printed": "Printed",
    "yes": "Yes", "no": "No", "deleted": "DELETED",
    "conflicts_note": "Note: this issue has unresolved sync conflicts ({fields}); "
                      "the values printed are provisional.",
    "summary": "Summary", "by_status": "By status", "by_severity": "By severity",
    "by_category": "By category", "total": "Total", "count": "Count", "seq": "No.",
    "open": "Open", "register_empty": "(no issues)",
    "approval": "Approval", "issues_total": "Issues",
    "filter_status": "Status", "filter_severity": "Severity", "filter_category": "Category",
    "filter_module": "Module", "filter_assignee": "Assignee", "filter_text": "Text",
    "filter_from": "Reported from", "filter_to": "to", "filter_mine": "Assigned to me",
    "filter_overdue": "Overdue", "filter_deleted": "Including deleted",
    "status_change": "{old} → {new}",
    "field_change": "{field}: {old} → {new}", "empty": "(empty)",
    "notified": "{channel}, {whom}",  # as the screen says it: "(On site, 何静)"
    "schedule_title": "On-site Support Schedule", "month": "Month",
    "month_value": "{year}-{month:02d}",
    "sch_person": "Person", "sch_half": "", "sch_am": "AM", "sch_pm": "PM",
    "sch_day": "Whole day", "sch_milestones": "Milestones", "legend": "Legend",
    "weekdays": "MTWTFSS", "sch_weekend": "Weekend", "sch_holiday": "Public holiday",
    "sch_adjusted": "Adjusted working day", "sch_adjusted_mark": "W",
    "ms_go_live": "GL", "ms_month_end_close": "MEC", "ms_planned_exit": "Exit",
    "ms_acceptance": "Acc", "ms_other": "•",
    "ms_go_live_long": "Go-live", "ms_month_end_close_long": "Month-end close",
    "ms_planned_exit_long": "Planned exit", "ms_acceptance_long": "Acceptance",
    "ms_other_long": "Other",
    "sch_milestone_list": "Milestones this month", "sch_holiday_list": "Holidays this month",
    "sch_none": "(none)", "sch_days": "on site {onsite} d · phone {phone} d · remote {remote} d",
    "sch_total": "Total (person-days)", "sch_empty": "(no support planned this month)",
    "sign_pm": "Project manager (signature)", "role_short_consultant": "Consultant",
    "role_short_vendor_pm": "PM",
}

# Keyed by enum class first: StrEnum members compare and hash as their codes,
# so IssueStatus.ESCALATED and TimelineKind.ESCALATED would share one key.
_ENUMS_ZH: dict[type[StrEnum], dict[str, str]] = {
    IssueStatus: {"new": "新建", "in_progress": "处理中", "escalated": "已上报",
                  "branch_tested": "分公司测试通过", "applied_on_site": "已现场应用",
                  "resolved": "已解决", "closed": "已关闭", "transferred": "已移交运维"},
    Category: {"operation_error": "操作错误", "configuration": "配置", "data": "数据",
               "software_defect": "系统缺陷", "change_request": "需求变更",
               "environment_printing": "环境/打印", "other": "其他"},
    Severity: {"urgent": "紧急", "high": "高", "medium": "中", "low": "低"},
    SupportMode: {"onsite": "现场", "phone": "电话", "remote": "远程"},
    TimelineKind: {"note": "备注", "status_change": "状态变更", "field_change": "修改",
                   "customer_notified": "通报客户", "escalated": "上报项目经理",
                   "branch_tested": "分公司测试", "applied_on_site": "现场应用"},
    NotifyChannel: {"onsite": "现场", "phone": "电话", "mail": "邮件", "im": "即时消息"},
}

_ENUMS_EN: dict[type[StrEnum], dict[str, str]] = {
    IssueStatus: {"new": "New", "in_progress": "In progress", "escalated": "Escalated",
                  "branch_tested": "Branch tested", "applied_on_site": "Applied on site",
                  "resolved": "Resolved", "closed": "Closed",
                  "transferred": "Transferred to O&M"},
    Category: {"operation_error": "Operation error", "configuration": "Configuration",
               "data": "Data", "software_defect": "Software defect",
               "change_request": "Change request",
               "environment_printing": "Environment/printing", "other": "Other"},
    Severity: {"urgent": "Urgent", "high": "High", "medium": "Medium", "low": "Low"},
    SupportMode: {"onsite": "On site", "phone": "Phone", "remote": "Remote"},
    TimelineKind: {"note": "Note", "status_change": "Status", "field_change": "Edit",
                   "customer_notified": "Customer notified", "escalated": "Escalated",
                   "branch_tested": "Branch test", "applied_on_site": "Applied on site"},
    NotifyChannel: {"onsite": "On site", "phone": "Phone", "mail": "Mail",
                    "im": "Instant message"},
}


class Texts:
    """The words of one language: ``t["title"]``, ``t.enum(Severity.HIGH)``."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        chinese = self.language == "zh_CN"
        self._words: Mapping[str, str] = MappingProxyType(_ZH if chinese else _EN)
        self._enums = _ENUMS_ZH if chinese else _ENUMS_EN

    @property
    def chinese(self) -> bool:
        return self.language == "zh_CN"

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def enum(self, value: StrEnum) -> str:
        """A code's label; a code this table does not know shows as the code itself."""
        return self._enums.get(type(value), {}).get(value.value, value.value)

    def yes_no(self, value: bool) -> str:
        return self["yes"] if value else self["no"]

    def page(self, page: int, pages: int) -> str:
        return self["page"].format(page=page, pages=pages)

    def duration(self, seconds: int) -> str:
        """Working seconds as hours and minutes (whole minutes, rounded up)."""
        hours, minutes = divmod((abs(seconds) + 59) // 60, 60)
        if hours:
            return self["sla_hours"].format(h=hours, m=f"{minutes:02d}")
        return self["sla_minutes"].format(m=minutes)

    def sla(self, reading: SlaReading | None) -> str:
        """The register's SLA cell: working time left, overdue by, met or paused."""
        if reading is None:
            return ""
        clock = deciding_clock(reading)
        if clock.left < 0:
            text = self["sla_overdue"].format(t=self.duration(-clock.left))
        elif clock.stopped:
            text = self["sla_met"]
        elif reading.paused:
            text = self["sla_paused"].format(t=self.duration(clock.left))
        else:
            text = self["sla_left"].format(t=self.duration(clock.left))
        if reading.unknown_years:
            sep = "、" if self.chinese else ", "
            text += self["sla_unknown"].format(years=sep.join(map(str, reading.unknown_years)))
        return text

    def colon(self, label: str) -> str:
        """``label：`` in Chinese (full-width colon), ``label:`` in English."""
        return f"{label}：" if self.chinese else f"{label}: "


# Names the paper used before it took the screen's (a list printed or exported then
# still imports).
_EARLIER: dict[type[StrEnum], dict[str, tuple[str, ...]]] = {
    Category: {"configuration": ("配置问题",), "data": ("数据问题",),
               "software_defect": ("软件缺陷",),
               "environment_printing": ("Environment / printing",)},
    IssueStatus: {"branch_tested": ("Tested at branch",)},
}


def enum_labels(enum: type[StrEnum]) -> dict[str, StrEnum]:
    """Every way a person may write a member of ``enum``: code, Chinese, English.

    The Excel import uses this so a customer's list that says 严重程度 = 高 or
    Severity = High maps to ``high`` without a lookup table of its own.
    """
    found: dict[str, StrEnum] = {}
    for member in enum:
        for name in (member.value, _ENUMS_ZH.get(enum, {}).get(member.value, ""),
                     _ENUMS_EN.get(enum, {}).get(member.value, ""),
                     *_EARLIER.get(enum, {}).get(member.value, ())):
            if name:
                found[name.strip().lower()] = member
    return found
