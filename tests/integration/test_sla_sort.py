"""The register sorted by its SLA clocks: the most pressing issue first."""

from __future__ import annotations

from dataclasses import replace

from golive_desk.domain.issues import SLA_SORT, IssueQuery
from golive_desk.domain.sla import SlaState
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo


def test_sorting_by_sla_puts_the_most_overdue_first_and_stopped_clocks_last(
        services: Services) -> None:
    fill_demo(services, issues=120)
    query = IssueQuery(project="HX", sort=SLA_SORT, descending=False)
    ids = services.issues.list_ids(query)
    assert sorted(ids) == sorted(services.issues.list_ids(IssueQuery(project="HX")))
    readings = services.sla.readings(ids)
    clocks = [readings[i].resolution for i in ids]
    running = [c for c in clocks if not c.stopped]
    assert running
    assert clocks[:len(running)] == running  # running clocks before stopped ones
    lefts = [c.left for c in running]
    assert lefts == sorted(lefts)
    assert readings[ids[0]].state is SlaState.BREACHED
    # The first screen shows the same order; descending turns it round.
    top = services.issues.register_top(query, 10)
    assert [r.id for r in top] == ids[:10]
    assert services.issues.list_ids(replace(query, descending=True)) == ids[::-1]
    # With the "breached" filter only breached issues remain, still in clock order.
    breached = services.issues.list_ids(replace(query, sla=SlaState.BREACHED.value))
    assert breached == [i for i in ids if readings[i].state is SlaState.BREACHED]
