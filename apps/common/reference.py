"""Reference data that migrations load (golongan, rubrics) and the installed pemda pack's values catalogue and
instrument (docs/paket.md).

A TransactionTestCase (and a browser test) flushes every table afterwards, data migrations included;
`ensure_reference_data()` puts it back. `seed_demo` calls it too, so a flushed database can be seeded.
Each app lists its loader in LOADERS as "module:function"; a loader is idempotent and cheap when the
data is already there.
"""

import importlib

LOADERS = [
    "apps.organisasi.golongan:ensure",
    "apps.kbk.reference:ensure",
    "apps.agen.reference:ensure",
    "apps.paket.pasang:ensure",
]


def ensure_reference_data() -> None:
    for spec in LOADERS:
        module, func = spec.split(":")
        getattr(importlib.import_module(module), func)()
