"""Where the handover wizard was left, per project, in the app's settings.

Written on every page change (a crash resumes there too), read when the wizard
opens. The settings hold it as JSON text: ``{project id: page index}``.
"""

from __future__ import annotations

import json

from golive_desk.ui.context import UiContext


def _pages(ctx: UiContext) -> dict[str, int]:
    try:
        data = json.loads(ctx.settings().handover_pages or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, int) and v >= 0}


def last_page(ctx: UiContext, project_id: str) -> int:
    """The page the wizard was on for this project (0: never opened)."""
    return _pages(ctx).get(project_id, 0)


def remember_page(ctx: UiContext, project_id: str, page: int) -> None:
    pages = _pages(ctx)
    if pages.get(project_id) == page:
        return
    pages[project_id] = page
    settings = ctx.settings()
    ctx.save_settings(settings.with_(handover_pages=json.dumps(pages, sort_keys=True)))
