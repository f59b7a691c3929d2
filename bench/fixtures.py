"""Building large stores quickly for benchmarks (through the real op path)."""

from __future__ import annotations

from pathlib import Path

from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.services.store_admin import init_store
from golive_desk.storage.oplog import op_count
from golive_desk.storage.unit_of_work import unit_of_work


def store_with_ops(path: Path, total_ops: int) -> Path:
    """A store with the demo project whose op log holds ``total_ops`` ops.

    The bulk is edit history (phone numbers changed over and over), written in
    one transaction through the same unit of work the services use.
    """
    init_store(path, "张力", "ZL")
    services = Services.open(path)
    try:
        fill_demo(services, issues=0)
        people = services.projects.people("HX")
        with services.store.read() as conn:
            have = op_count(conn)
        with unit_of_work(services.store) as uow:
            for i in range(total_ops - have):
                person = people[i % len(people)]
                uow.set("person", person.id, "phone", f"0571-8623 {i % 10000:04d}")
    finally:
        services.close()
    return path
