#!/bin/sh
# Seeds for fuzz_rules_loader: the legacy and upstream Falco rules files, when ../shared is there.
dest="$1"
mkdir -p "$dest"
shared="$(dirname "$0")/../../../../shared/fixtures"
for f in "$shared"/falco-legacy/rules/*.yaml "$shared"/falco-legacy/rules/exceptions/*.yaml "$shared"/upstream-rules/*.yaml; do
  [ -f "$f" ] || continue
  cp "$f" "$dest/$(basename "$(dirname "$f")")_$(basename "$f")"
done
exit 0
