"""Say clearly which system packages are missing (WeasyPrint's libraries, fonts, Chromium for browser tests)."""

import shutil
import sys

REQUIRED = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"


def main() -> int:
    try:
        import weasyprint  # noqa: F401, PLC0415 (inside try: a missing system library is the answer, not a crash)

        weasyprint.HTML(string="<p>ok</p>").write_pdf()
    except Exception as exc:  # noqa: BLE001 - any failure here means a missing system library
        print(f"WeasyPrint tidak dapat berjalan: {exc}", file=sys.stderr)
        print(f"Pasang paket sistem: sudo apt-get install -y {REQUIRED}", file=sys.stderr)
        return 1
    if "--quiet" in sys.argv:
        return 0
    if not shutil.which("chromium") and not shutil.which("chromium-headless-shell"):
        print(
            "Catatan: Chromium tidak ada; tes browser akan dilewati (sudo apt-get install -y chromium-headless-shell)."
        )
    elif not shutil.which("chromium-headless-shell"):
        print("Catatan: tes browser lebih cepat dengan sudo apt-get install -y chromium-headless-shell.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
