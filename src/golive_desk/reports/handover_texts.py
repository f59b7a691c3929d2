"""The words of the handover document (项目交接与验收), in Chinese and English.

Kept beside :mod:`golive_desk.reports.texts` rather than in it: the handover
document has many words of its own, and the shared dictionaries stay short.
:class:`HandoverTexts` looks a word up here first, then in the shared ones, so
the document control labels (文档编号, 版本 …) are the same on every document.
"""

from __future__ import annotations

from types import MappingProxyType

from golive_desk.domain.enums import Role
from golive_desk.reports.texts import Texts

_ZH: dict[str, str] = {
    "ho_title": "项目交接与验收", "ho_doc_name": "《项目交接与验收》",
    "ho_subtitle": "项目总结 · 项目验收 · 实施部门向运营维护服务部门交接",
    "ho_stage": "7 持续支持：项目总结、项目验收与项目交接",
    "ho_state": "交接状态", "ho_exit": "顾问撤离现场日期", "ho_accepted_on": "验收日期",
    "ho_by": "移交方（实施部门）", "ho_receiver": "接收方（运营维护服务部门）",
    "ho_customer_pm": "客户项目经理", "ho_vendor_pm": "实施方项目经理",
    "ho_contents": "目录", "ho_glance": "交接概况",
    "ho_glance_issues": "问题总数", "ho_glance_transferred": "已移交运维",
    "ho_glance_open": "未移交也未关闭", "ho_glance_notes": "维护手册条目",
    "ho_glance_criteria": "准备度达标", "ho_glance_days": "支持人天",
    "state_in_support": "上线支持中", "state_in_progress": "交接进行中",
    "state_handed_over": "已交接",
    "sec_readiness": "交接准备度", "sec_transfers": "未关闭问题",
    "sec_notes": "维护手册", "sec_support": "内部支持体系", "sec_emergency": "应急预案",
    "sec_summary": "顾问撤离现场与项目总结", "sec_acceptance": "项目验收与签字",
    "rd_intro": "以下退出准则按本项目的阈值由问题记录与支持日程计算，统计截至 {day}。",
    "rd_criterion": "准则", "rd_figure": "实际值", "rd_threshold": "阈值", "rd_result": "结论",
    "rd_details": "说明", "rd_ok": "✔ 达标", "rd_red": "✘ 未达标",
    "rd_met": "{ok}/{total} 项准则达标",
    "rd_override": "未达标准则下继续交接的理由（项目经理确认）",
    "rd_no_override": "（未填写理由：签字前应由项目经理说明）",
    "cr_urgent_without_plan": "无处理方案的未关闭紧急问题",
    "cr_sla_urgent_high": "紧急/高级别问题在 SLA 时限内的比例",
    "cr_resolved_by_staying": "由客户留任人员（关键用户、内部支持）解决的比例",
    "cr_month_end_closes": "月末结账已现场覆盖并顺利通过",
    "cr_new_issues_per_day": "近 {days} 日平均每日新增问题",
    "cr_days_since_urgent": "距最近一次紧急问题的天数",
    "cr_operation_error_share": "操作错误类问题占比",
    "fig_items": "{n} 项", "fig_days": "{n} 天", "fig_times": "{n} 次", "fig_none": "无",
    "fig_closes": "通过 {passed} / 已进行 {held}",
    "dt_issues": "问题：{list}", "dt_within": "{within}/{total} 在时限内",
    "dt_breached": "超期：{list}", "dt_staying": "{staying}/{total} 由留任人员解决",
    "dt_not_staying": "由实施方解决 {n} 项", "dt_held": "已进行：{list}",
    "dt_uncovered": "无现场支持：{list}", "dt_not_passed": "仍有未关闭紧急问题：{list}",
    "dt_new": "{start} 至 {end} 新增 {n} 项", "dt_last": "最近一次：{day}",
    "dt_errors": "{errors}/{total} 为操作错误", "dt_train": "建议加强培训：{list}",
    "dt_more": " 等 {n} 项", "list_sep": "、", "item_sep": "；",
    "tr_intro": "以下未关闭问题已移交运营维护服务部门，由所列负责人按计划继续跟进。",
    "tr_owner": "运维负责人", "tr_plan": "跟进计划", "tr_day": "移交日期",
    "tr_list": "已移交的问题（{n} 项）", "tr_none": "（没有移交的问题）",
    "tr_no_owner": "（未指定）",
    "tr_open_title": "尚未移交或关闭的问题（{n} 项）",
    "tr_open_note": "验收签字前，以下问题必须移交运营维护服务部门或关闭。",
    "tr_all_done": "所有问题均已关闭或移交。",
    "mn_intro": "以下事项来自已解决并标记为“列入维护事项”的问题，按模块整理，"
                "供客户内部支持人员作为一线处理的依据。",
    "mn_symptom": "现象", "mn_cause": "原因", "mn_solution": "处理方法",
    "mn_module_count": "{module}（{n} 项）", "mn_no_module": "通用",
    "mn_none": "（维护手册暂无条目）", "mn_source": "来源",
    "sp_intro": "上线后由客户内部支持体系承担一线支持；下列人员负责所列模块的问题受理与处理。",
    "sp_name": "姓名", "sp_role": "角色", "sp_department": "部门", "sp_phone": "电话",
    "sp_email": "电子邮件", "sp_modules": "负责模块", "sp_none": "（尚未登记客户方人员）",
    "em_intro": "发生下列情况时，按处置措施执行，联系所列人员；无法解决时按升级路径上报。",
    "em_actions": "处置措施", "em_contacts": "联系人", "em_escalation": "升级路径",
    "em_none": "（尚未制订应急预案）",
    "sm_exit": "顾问撤离现场", "sm_go_live": "上线日期", "sm_period": "问题记录期间",
    "sm_period_value": "{start} 至 {end}", "sm_issues": "问题总数",
    "sm_issues_value": "{n} 项，其中未关闭 {open} 项",
    "sm_figures": "支持情况统计", "sm_by_module": "按模块", "sm_by_mode": "按支持方式",
    "sm_by_status": "按状态", "sm_days": "支持人天",
    "sm_days_value": "{n} 人天（{start} 至 {end} 的支持时间表：每人每天计 1，半天计 0.5）",
    "sm_days_open": "{n} 人天（自 {start} 起的支持时间表：每人每天计 1，半天计 0.5）",
    "sm_days_unit": "人天",
    "sm_lessons": "经验教训", "sm_no_lessons": "（未填写）", "sm_not_planned": "（未安排）",
    "ac_statement": "经双方确认：本项目上线后的支持工作已完成；未关闭问题已按第 2 节移交"
                    "运营维护服务部门；维护手册、内部支持体系与应急预案已交付客户。"
                    "自验收日期起，项目由实施部门移交运营维护服务部门负责后续服务。",
    "ac_blocked": "注意：尚有 {n} 个问题既未移交也未关闭（见第 2 节），处理完毕前不能验收签字。",
    "ac_name": "姓名", "ac_sign": "签字", "ac_side_vendor": "实施方", "ac_side_customer": "客户方",
    "ac_date_blank": "\u00a0" * 10 + "年" + "\u00a0" * 5 + "月" + "\u00a0" * 5 + "日",
    "ac_date": "日期", "ac_verdict": "验收结论", "ac_pass": "同意验收",
    "ac_conditional": "有条件验收（见验收意见）", "ac_fail": "不同意验收",
    "ac_opinion": "验收意见",
    "ac_copies": "本文档一式两份，客户方与实施方各执一份，自双方签字之日起生效。",
}

_EN: dict[str, str] = {
    "ho_title": "Project Handover and Acceptance",
    "ho_doc_name": "Project handover and acceptance",
    "ho_subtitle": "Project summary · acceptance · handover from implementation to O&M",
    "ho_stage": "7 Continuous support: summary, acceptance and handover",
    "ho_state": "Handover state", "ho_exit": "Consultant exit", "ho_accepted_on": "Accepted on",
    "ho_by": "Handed over by (implementation dept.)",
    "ho_receiver": "Received by (O&M service dept.)",
    "ho_customer_pm": "Customer project manager", "ho_vendor_pm": "Vendor project manager",
    "ho_contents": "Contents", "ho_glance": "At a glance",
    "ho_glance_issues": "Issues", "ho_glance_transferred": "Transferred to O&M",
    "ho_glance_open": "Not transferred or closed", "ho_glance_notes": "Maintenance notes",
    "ho_glance_criteria": "Criteria met", "ho_glance_days": "Support person-days",
    "state_in_support": "In support", "state_in_progress": "Handover in progress",
    "state_handed_over": "Handed over",
    "sec_readiness": "Readiness for handover", "sec_transfers": "Open issues",
    "sec_notes": "Maintenance notes", "sec_support": "Internal support system",
    "sec_emergency": "Emergency plan", "sec_summary": "Consultant exit and project summary",
    "sec_acceptance": "Acceptance and sign-off",
    "rd_intro": "The exit criteria below are counted from the issue records and the support "
                "schedule with this project's thresholds, as of {day}.",
    "rd_criterion": "Criterion", "rd_figure": "Figure", "rd_threshold": "Threshold",
    "rd_result": "Result", "rd_details": "Details", "rd_ok": "✔ Met", "rd_red": "✘ Not met",
    "rd_met": "{ok} of {total} criteria met",
    "rd_override": "Reason for handing over with criteria not met (confirmed by the PM)",
    "rd_no_override": "(no reason given: the PM should state one before signing)",
    "cr_urgent_without_plan": "Open urgent issues without an action plan",
    "cr_sla_urgent_high": "Urgent and high issues within their SLA",
    "cr_resolved_by_staying": "Issues resolved by people who stay (key users, internal "
                              "support)",
    "cr_month_end_closes": "Month-end closes covered on site and passed",
    "cr_new_issues_per_day": "New issues per day over the last {days} days",
    "cr_days_since_urgent": "Days since the last urgent issue",
    "cr_operation_error_share": "Share of operation errors",
    "fig_items": "{n}", "fig_days": "{n} d", "fig_times": "{n}", "fig_none": "none",
    "fig_closes": "{passed} of {held} passed",
    "dt_issues": "Issues: {list}", "dt_within": "{within} of {total} within",
    "dt_breached": "breached: {list}", "dt_staying": "{staying} of {total} by people who stay",
    "dt_not_staying": "{n} by the vendor", "dt_held": "held: {list}",
    "dt_uncovered": "not covered on site: {list}",
    "dt_not_passed": "urgent issues still open: {list}",
    "dt_new": "{n} new from {start} to {end}", "dt_last": "last: {day}",
    "dt_errors": "{errors} of {total} are operation errors", "dt_train": "to train: {list}",
    "dt_more": " and {n} more", "list_sep": ", ", "item_sep": "; ",
    "tr_intro": "The open issues below are transferred to the O&M service department; the "
                "owner named follows each up with the plan given.",
    "tr_owner": "O&M owner", "tr_plan": "Plan", "tr_day": "Transferred",
    "tr_list": "Transferred issues ({n})", "tr_none": "(no issue transferred)",
    "tr_no_owner": "(not named)",
    "tr_open_title": "Issues neither transferred nor closed ({n})",
    "tr_open_note": "Before the sign-off, each of these must be transferred to the O&M "
                    "service department or closed.",
    "tr_all_done": "Every issue is closed or transferred; none is left open.",
    "mn_intro": "From the resolved issues flagged as maintenance matters, by module: the "
                "first-line reference of the customer's internal support staff.",
    "mn_symptom": "Symptom", "mn_cause": "Cause", "mn_solution": "Solution",
    "mn_module_count": "{module} ({n})", "mn_no_module": "General",
    "mn_none": "(no maintenance notes yet)", "mn_source": "Issue",
    "sp_intro": "After go-live the customer's internal support system gives first-line "
                "support; these people take up and solve the issues of the modules listed.",
    "sp_name": "Name", "sp_role": "Role", "sp_department": "Department", "sp_phone": "Phone",
    "sp_email": "E-mail", "sp_modules": "Modules covered",
    "sp_none": "(no customer staff recorded yet)",
    "em_intro": "When one of these happens, take the actions, call the contacts, and "
                "escalate as listed if it cannot be solved.",
    "em_actions": "Actions", "em_contacts": "Contacts", "em_escalation": "Escalation",
    "em_none": "(no emergency plan yet)",
    "sm_exit": "Consultant exit", "sm_go_live": "Go-live", "sm_period": "Issues recorded",
    "sm_period_value": "{start} to {end}", "sm_issues": "Issues",
    "sm_issues_value": "{n}, of which {open} open",
    "sm_figures": "What was supported", "sm_by_module": "By module",
    "sm_by_mode": "By support mode", "sm_by_status": "By status",
    "sm_days": "Support person-days",
    "sm_days_value": "{n} (the support schedule from {start} to {end}: each person's day "
                     "counts 1, a half day 0.5)",
    "sm_days_open": "{n} (the support schedule from {start} on: each person's day counts 1, "
                    "a half day 0.5)",
    "sm_days_unit": "person-days",
    "sm_lessons": "Lessons learned", "sm_no_lessons": "(none recorded)",
    "sm_not_planned": "(not planned)",
    "ac_statement": "Both parties confirm: support after go-live is complete; the open "
                    "issues are transferred to the O&M service department as listed in "
                    "section 2; the maintenance notes, the internal support system and the "
                    "emergency plan are delivered to the customer. From the date of "
                    "acceptance the O&M service department serves the project.",
    "ac_blocked": "Note: {n} issues are neither transferred nor closed (see section 2); the "
                  "acceptance cannot be signed until they are.",
    "ac_name": "Name", "ac_sign": "Signature", "ac_side_vendor": "Vendor",
    "ac_side_customer": "Customer",
    "ac_date_blank": "\u00a0" * 30, "ac_date": "Date", "ac_verdict": "Decision",
    "ac_pass": "Accepted", "ac_conditional": "Accepted with conditions (see remarks)",
    "ac_fail": "Not accepted", "ac_opinion": "Remarks",
    "ac_copies": "Made in two copies, one for the customer and one for the vendor; in force "
                 "once both parties have signed.",
}

_ROLES_ZH = {Role.CONSULTANT: "实施顾问", Role.VENDOR_PM: "实施方项目经理",
             Role.CUSTOMER_PM: "客户项目经理", Role.KEY_USER: "关键用户",
             Role.INTERNAL_SUPPORT: "内部支持人员", Role.END_USER: "最终用户"}
_ROLES_EN = {Role.CONSULTANT: "Consultant", Role.VENDOR_PM: "Vendor PM",
             Role.CUSTOMER_PM: "Customer PM", Role.KEY_USER: "Key user",
             Role.INTERNAL_SUPPORT: "Internal support", Role.END_USER: "End user"}


class HandoverTexts(Texts):
    """The shared words plus the handover document's own."""

    def __init__(self, language: str) -> None:
        super().__init__(language)
        self._own = MappingProxyType(_ZH if self.chinese else _EN)
        self._roles = _ROLES_ZH if self.chinese else _ROLES_EN

    def __getitem__(self, key: str) -> str:
        found = self._own.get(key)
        return found if found is not None else super().__getitem__(key)

    def role(self, role: Role) -> str:
        return self._roles.get(role, role.value)

    def join(self, items: list[str], limit: int = 0) -> str:
        """``items`` joined with the language's list separator; past ``limit`` (when
        given) the rest is counted ("… 等 12 项")."""
        shown = items[:limit] if limit and len(items) > limit else items
        text = self["list_sep"].join(shown)
        if len(shown) < len(items):
            text += self["dt_more"].format(n=len(items) - len(shown))
        return text
