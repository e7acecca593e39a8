#!/usr/bin/env bash
# Seeds the fuzz_scap_reader corpus: usage fuzz_scap_reader.sh CORPUS_DIR
#   - the captures in ../shared/fixtures/captures (gzip, as shipped) and a decompressed prefix of
#     each (small inputs fuzz faster),
#   - small captures made by our writer (the fuzzer binary writes them in its seed mode),
#     including trimmed copies of the fixtures in the writer's block format.
# Environment: SAKER_SHARED_DIR (default ../shared beside the clone), FUZZ_SCAP_READER_BIN (the
# fuzzer binary; default: found from the corpus dir as setup.sh lays it out, or in build/fuzz).
set -euo pipefail
corpus=${1:?usage: $0 CORPUS_DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
shared=${SAKER_SHARED_DIR:-$root/../shared}
captures=$shared/fixtures/captures
mkdir -p "$corpus"

if [ -d "$captures" ]; then
  for f in "$captures"/*.scap; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .scap)
    cp -f "$f" "$corpus/fixture_$name.scap.gz"
    chmod u+w "$corpus/fixture_$name.scap.gz"
    if gzip -t "$f" 2>/dev/null; then
      gzip -dc "$f" | head -c 16384 > "$corpus/fixture_${name}_head.scap" || true
    fi
  done
else
  echo "fuzz_scap_reader.sh: $captures not found; fixture seeds skipped" >&2
fi

bin=${FUZZ_SCAP_READER_BIN:-}
if [ -z "$bin" ]; then
  for c in "$corpus/../../tests/fuzz/fuzz_scap_reader" "$root/build/fuzz/tests/fuzz/fuzz_scap_reader"; do
    if [ -x "$c" ]; then bin=$c; break; fi
  done
fi
if [ -n "$bin" ] && [ -x "$bin" ]; then
  SAKER_SCAP_WRITE_SEEDS="$corpus" SAKER_SCAP_SEED_FIXTURES="$captures" "$bin" >/dev/null 2>&1 ||
    echo "fuzz_scap_reader.sh: writer seeds failed" >&2
else
  echo "fuzz_scap_reader.sh: fuzzer binary not found; writer seeds skipped" >&2
fi
echo "fuzz_scap_reader.sh: $(ls "$corpus" | wc -l) seeds in $corpus" >&2
