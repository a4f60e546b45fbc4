#!/usr/bin/env bash
# CI: the systemd units in deploy/ are valid. With systemd-analyze: `systemd-analyze verify` on copies whose
# paths point into this checkout (the real ones point at /srv/kupang-budaya, absent in CI), and the timer's
# OnCalendar expression through `systemd-analyze calendar`. Without it: a parse check (sections, key=value
# lines, the keys each unit needs).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
units=(deploy/*.service deploy/*.timer)

if command -v systemd-analyze >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  for f in "${units[@]}"; do
    sed -e "s#/srv/kupang-budaya#$repo#g" -e "s#^EnvironmentFile=#EnvironmentFile=-#" \
        -e "s#^User=.*#User=root#" -e "s#^Group=.*#Group=root#" "$f" > "$tmp/$(basename "$f")"
  done
  # Warnings about this machine (no systemd as PID 1 in a container) are not faults of the units: only the
  # lines that name one of our files fail the check.
  out=$(cd "$tmp" && SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no ./*.service ./*.timer 2>&1 || true)
  bad=$(printf '%s\n' "$out" | grep -E 'kupang-budaya' | grep -vE 'Failed to (connect|create|initialize)|Cannot determine cgroup' || true)
  if [ -n "$bad" ]; then
    printf '%s\n' "$bad"
    exit 1
  fi
  for f in deploy/*.timer; do
    grep -E '^OnCalendar=' "$f" | cut -d= -f2- | while read -r expr; do
      systemd-analyze calendar "$expr" >/dev/null
    done
  done
  echo "systemd-analyze verify: ${units[*]} ok"
else
  .venv/bin/python - "${units[@]}" <<'PY'
import re, sys
need = {".service": {"Service": {"ExecStart"}}, ".timer": {"Timer": set(), "Install": {"WantedBy"}}}
for path in sys.argv[1:]:
    sections, section = {}, None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        if m := re.fullmatch(r"\[(\w+)\]", line):
            section = sections.setdefault(m[1], set())
        elif section is not None and re.fullmatch(r"[A-Za-z]+=.*", line):
            section.add(line.split("=", 1)[0])
        else:
            sys.exit(f"{path}:{n}: not a systemd unit line: {line}")
    for name, keys in need[path[path.rindex("."):]].items():
        if name not in sections or not keys <= sections[name]:
            sys.exit(f"{path}: [{name}] needs {sorted(keys)}")
    print(f"{path}: parse ok")
PY
fi
