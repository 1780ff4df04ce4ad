#!/usr/bin/env bash
# Runs one libFuzzer target for a given time: scripts/fuzz.sh TARGET SECONDS
# Targets: fuzz-catalogue, fuzz-query-arguments, fuzz-profile.
# Builds with libFuzzer and AddressSanitizer in .build-fuzz, runs from the package
# root (the targets read Catalog/), keeps the growing corpus in Fuzz/work/TARGET (ignored by
# git; the seeds in Fuzz/corpus/TARGET are committed) and crash files in Fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:-60}
# swiftc keeps only the last of several -sanitize= flags, and SwiftPM orders its flags as it
# likes: "--sanitize=fuzzer --sanitize=address" was seen to build without coverage ("Is the
# code instrumented for coverage?"). So SwiftPM is given only --sanitize=fuzzer (it then lets
# libFuzzer provide main()), and one -Xswiftc flag names both sanitizers; whichever of the two
# comes last, coverage is in. The checks below refuse a binary without coverage or ASan.
rm -rf .build-fuzz
swift build --scratch-path .build-fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --product "$target"
binary=".build-fuzz/debug/$target"
# (grep -c, not grep -q: with pipefail, grep -q closing the pipe early fails the pipeline.)
if [ "$(objdump -h "$binary" | grep -c sancov)" = 0 ]; then
  echo "fuzz.sh: $target was built without coverage instrumentation" >&2; exit 1
fi
if [ "$(nm "$binary" | grep -c __asan_report_load8)" = 0 ]; then
  echo "fuzz.sh: $target was built without AddressSanitizer" >&2; exit 1
fi
mkdir -p "Fuzz/work/$target" Fuzz/artifacts
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
exec ".build-fuzz/debug/$target" "Fuzz/work/$target" "Fuzz/corpus/$target" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=65536 \
  -artifact_prefix="Fuzz/artifacts/$target-" -print_final_stats=1
