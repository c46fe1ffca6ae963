"""One office with many cases, inserted in bulk, shaped like the demo's cases.

Names, narratives, timeline entries and tasks come from the demo's own texts and name pools
(`likeverd.setup.demo`), in the demo's proportions: most cases closed, a person and often a
counterpart per case, a few timeline entries, an open task on most open cases. Rows are
written with bulk_create, so every encrypted field is encrypted by the real field, and the
blind index and the name keys are made with the real functions the services use
(`likeverd.cases.search`, `services.name_key`). Nothing goes through the services: 100,000
cases through them would take an hour and measure the services, not the reads.

The plaintext the index was made from is kept in memory (`Dataset.plaintext`) only so that
the benchmark can build its plaintext baseline in a scratch table (benchmarks/baseline.py).

One module a topic: plans (what each case will be), rows (the bulk writer), index (the blind
index), rich (the case page's worst case) and builder (the whole dataset).
"""

from benchmarks.dataset.builder import Dataset, build
from benchmarks.dataset.plans import RARE_NAME

__all__ = ["RARE_NAME", "Dataset", "build"]
