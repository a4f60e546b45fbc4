"""Write static/vendor/bootstrap/bootstrap.kupang.min.css: Bootstrap's CSS without the rules our pages cannot use.

    .venv/bin/python scripts/purge_css.py           # rewrite the file
    .venv/bin/python scripts/purge_css.py --check   # exit 1 when the file is not what the sources give (CI, tests)

Phones in rural districts download every byte (README, "Ukuran"): the full bootstrap.min.css is 232 KB (23 KB
brotli) and the pages use a small part of it. A class counts as used when its name appears as a word anywhere in
templates/, apps/ (templates, Python, JavaScript), static/js/ or crispy-bootstrap5's templates (forms render
through them); a name followed by a template tag or a string concatenation (`alert-{{ tag }}`, `"bg-" + x`)
keeps every class with that prefix. A rule stays when each of its selectors' classes is used (selectors without
a class, such as `:root` or `body`, always stay), so an unused selector is dropped from a selector list; @media
and @supports blocks are filtered the same way and dropped when empty. Keyframes and other at-rules stay.
The output is committed, so `make run` and CI need nothing to build it; the tests run --check, so a page that
starts using a new Bootstrap class fails until this script is run again.
"""

import argparse
import re
import sys
from pathlib import Path

import crispy_bootstrap5
import crispy_forms
import tinycss2

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "static/vendor/bootstrap/bootstrap.min.css"
TARGET = ROOT / "static/vendor/bootstrap/bootstrap.kupang.min.css"
SCANNED = [
    (ROOT / "templates", ("*.html", "*.txt")),
    (ROOT / "apps", ("*.html", "*.py", "*.js")),
    (ROOT / "static/js", ("*.js",)),
    (Path(crispy_bootstrap5.__file__).parent / "templates", ("*.html",)),
    (Path(crispy_forms.__file__).parent, ("*.py",)),
]
# Crispy layout objects we never use (no FormHelper layouts here): their templates would keep accordion, modal,
# tab, floating-label and switch styles.
UNUSED_CRISPY = re.compile(r"^(accordion|modal|tab|floating_field|switch)")
# Dark mode is not offered (no data-bs-theme attribute), so its selectors go.
DARK = "[data-bs-theme=dark]"
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9_-]*-)(?:\{[{%]|[\"']\s*\+|\{[a-z_])")
CLASS = re.compile(r"\.((?:\\.|[A-Za-z0-9_-])+)")


def used_names() -> tuple[set[str], tuple[str, ...]]:
    words: set[str] = set()
    prefixes: set[str] = set()
    for folder, patterns in SCANNED:
        for pattern in patterns:
            for path in sorted(folder.rglob(pattern)):
                if "crispy" in str(folder) and UNUSED_CRISPY.match(path.name):
                    continue
                text = path.read_text(encoding="utf-8", errors="replace")
                words.update(WORD.findall(text))
                prefixes.update(PREFIX.findall(text))
    return words, tuple(sorted(prefixes))


def selector_used(selector: str, words: set[str], prefixes: tuple[str, ...]) -> bool:
    if DARK in selector:
        return False
    for name in CLASS.findall(selector):
        name = name.replace("\\", "")
        if name not in words and not name.startswith(prefixes):
            return False
    return True


def filter_rules(rules, words, prefixes) -> list:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
            kept = [s for s in selectors if selector_used(s, words, prefixes)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = filter_rules(tinycss2.parse_rule_list(rule.content), words, prefixes)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]))
    return out


def build() -> str:
    words, prefixes = used_names()
    rules = tinycss2.parse_stylesheet(SOURCE.read_text(encoding="utf-8"), skip_comments=False, skip_whitespace=True)
    licence = next(tinycss2.serialize([r]) for r in rules if r.type == "comment")  # MIT: keep the notice
    body = filter_rules([r for r in rules if r.type != "comment"], words, prefixes)
    note = "/* Purged by scripts/purge_css.py from bootstrap.min.css: only the rules our templates can use. */"
    return "".join(body[:1]) + licence + note + "\n" + "".join(body[1:]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    css = build()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != css:
            sys.exit(f"{TARGET.relative_to(ROOT)} is out of date: run .venv/bin/python scripts/purge_css.py")
        return
    TARGET.write_text(css, encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(css)} bytes (from {SOURCE.stat().st_size})")


if __name__ == "__main__":
    main()
