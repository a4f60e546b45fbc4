import importlib
import os

from django.core.management.base import BaseCommand
from django.db import transaction

from apps.common.demo import DemoContext
from apps.common.reference import ensure_reference_data

# The pack installer, named (apps/common does not import the apps above it; docs/arsitektur.md).
PASANG_DEMO = "apps.paket.pasang:pasang_untuk_demo"

# Order matters: later apps use what earlier ones made (ctx.refs).
DEMO_MODULES = [
    "apps.organisasi.demo",
    "apps.akun.demo",
    "apps.nilai.demo",
    "apps.survei.demo",
    "apps.kbk.demo",
    "apps.agen.demo",
    "apps.forum.demo",
    "apps.rencana.demo",
    "apps.internalisasi.demo",
    "apps.laporan.demo",
]


class Command(BaseCommand):
    help = "Load deterministic demo data (idempotent): registry, demo logins, periodes and answers."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--password", default="demo12345", help="Password of the fixed demo logins.")
        parser.add_argument(
            "--paket",
            default=os.environ.get("PAKET_PEMDA", "") or "kupang",
            help="Pemda pack the demo is seeded from (paket/<kode>/; default env PAKET_PEMDA, else kupang).",
        )

    def handle(self, *args, **options) -> None:
        ctx = DemoContext(password=options["password"])
        module, func = PASANG_DEMO.split(":")
        with transaction.atomic():
            ctx.paket, ctx.refs["instrumen_kode"] = getattr(importlib.import_module(module), func)(options["paket"])
            ensure_reference_data()
            for name in DEMO_MODULES:
                try:
                    module = importlib.import_module(name)
                except ModuleNotFoundError as exc:
                    if exc.name == name:
                        continue
                    raise
                module.seed(ctx)
        width = max(len(u) for u, _, _ in ctx.logins) if ctx.logins else 8
        shown = "demo12345" if options["password"] == "demo12345" else "sesuai --password"
        self.stdout.write(f"Login demo (kata sandi: {shown})")
        self.stdout.write(f"{'username':<{width}}  peran")
        for username, role, where in ctx.logins:
            self.stdout.write(f"{username:<{width}}  {role} — {where}")
