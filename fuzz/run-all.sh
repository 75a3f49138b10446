#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time each and fails on any crash,
# leak or timeout. Prints, per target: coverage at start (INITED cov), total
# executions, execs/s, new inputs and peak RSS, then "N passed, N failed".
#
#   fuzz/run-all.sh            # 45 s per target
#   fuzz/run-all.sh 300        # 5 minutes per target
#   FUZZ_TARGETS="api loader" fuzz/run-all.sh 60
#
# Targets:
#   parser        HTTPRequestParser (fuzz/run-parser-fuzzer.sh, the server engineer's harness)
#   api           bytes → HTTPRequestParser → CorpusAPIApplication.respond(to:) on the default corpus
#                 (routing, QueryParameters, Page, DateWindow, FormatNegotiation, rendering):
#                 never 5xx, JSON bodies parse, no CR/LF/NUL in header values
#   partial-date  PartialDate.parse: parses or throws; a parsed date round-trips through its ISO text
#   loader        CorpusLoader.load with fuzzed metadata or annotation JSON: a model or a CorpusLoadError
#
# Build: the library targets are compiled once by SwiftPM with
# `-sanitize=fuzzer,address` into .build-fuzz (no product is added
# to Package.swift); each entry point in fuzz/targets/ is then linked against
# those objects with swiftc. Crash inputs land in fuzz/artifacts/ (git-ignored);
# turn each into a regression test and a file in fuzz/corpus/<target>/.
set -uo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

PER_TARGET="${1:-45}"
TARGETS=(${FUZZ_TARGETS:-parser api partial-date loader})
SCRATCH=.build-fuzz
OUT=fuzz/artifacts/build
mkdir -p "$OUT" fuzz/artifacts
passed=0
failed=0
summary=()

echo "== building instrumented library modules (SwiftPM, $SCRATCH)"
# Not `--sanitize fuzzer --sanitize address`: SwiftPM passes those as two
# `-sanitize=` flags in set order, swiftc honours only the last one, so the
# modules came out with coverage but no ASan or ASan but no coverage,
# flipping (and rebuilding everything) from one run to the next.
SAN_FLAGS=(-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
if ! swift build --scratch-path "$SCRATCH" "${SAN_FLAGS[@]}" --target CorpusAPI \
    >"$OUT/swift-build.log" 2>&1; then
    tail -n 30 "$OUT/swift-build.log"
    echo "0 passed, 1 failed"
    exit 1
fi
BIN="$(swift build --scratch-path "$SCRATCH" "${SAN_FLAGS[@]}" --show-bin-path)"
# Both instrumentations must be in the library objects, or the run is blind.
probe="$BIN/CorpusAPI.build/Page.swift.o"
sections="$(objdump -h "$probe" 2>/dev/null)"
symbols="$(nm "$probe" 2>/dev/null)"
if [[ $sections != *sancov* || $symbols != *__asan_report* ]]; then
    echo "FAIL $probe lacks coverage or ASan instrumentation"
    echo "0 passed, 1 failed"
    exit 1
fi
echo "   library objects carry coverage counters and ASan checks"
# Every compiled object of the library targets and their dependencies (not the
# executable's main, not tests).
mapfile -t OBJECTS < <(find "$BIN" -path "*.build/*.o" \
    ! -path "*/corpus_api.build/*" ! -path "*Tests.build/*" ! -path "*/fuzz-*" | sort)

# C modules the Swift modules import (CZlib, CEventPoll, swift-atomics' shims).
MODULE_MAPS=()
for map in Sources/CZlib/module.modulemap Sources/CEventPoll/module.modulemap "$SCRATCH"/checkouts/*/Sources/*/include/module.modulemap; do
    [[ -f $map ]] && MODULE_MAPS+=(-Xcc "-fmodule-map-file=$map")
done

link() { # name entry.swift
    swiftc -g -sanitize=fuzzer,address -parse-as-library -module-name "Fuzz_${1//-/_}" \
        -I "$BIN/Modules" "${MODULE_MAPS[@]}" \
        "$2" "${OBJECTS[@]}" -lz -o "$OUT/fuzz-$1" >"$OUT/link-$1.log" 2>&1
}

run() { # name binary seeds-dir extra-args...
    local name=$1 binary=$2 seeds=$3
    shift 3
    local log="fuzz/artifacts/$name.log"
    mkdir -p "fuzz/artifacts/corpus-$name"
    echo "== $name: ${PER_TARGET}s"
    "$binary" -max_total_time="$PER_TARGET" -timeout="${FUZZ_TIMEOUT:-20}" -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="fuzz/artifacts/$name-" "$@" "fuzz/artifacts/corpus-$name" "$seeds" >"$log" 2>&1
    local rc=$?
    report "$name" "$rc" "$log"
}

report() { # name rc log
    local name=$1 rc=$2 log=$3
    local cov execs rate units rss
    cov=$(grep -m1 -o 'INITED cov: [0-9]*' "$log" | grep -o '[0-9]*$')
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$')
    units=$(grep -o 'stat::new_units_added: *[0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$')
    rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$')
    local line
    line=$(printf '%-13s cov at start %-6s execs %-9s exec/s %-6s new inputs %-5s peak RSS %s MB' \
        "$name" "${cov:-?}" "${execs:-?}" "${rate:-?}" "${units:-?}" "${rss:-?}")
    if [[ $rc -eq 0 && -n "$cov" && "${cov:-0}" -gt 0 ]]; then
        echo "PASS $line"
        passed=$((passed + 1))
    else
        echo "FAIL $line (exit $rc; log $log)"
        grep -m3 -E 'ERROR: |Fatal error|Precondition failed|SUMMARY|Test unit written' "$log" | sed 's/^/     /'
        failed=$((failed + 1))
    fi
    summary+=("$line")
}

for target in "${TARGETS[@]}"; do
    case $target in
    parser)
        log=fuzz/artifacts/parser.log
        echo "== parser: ${PER_TARGET}s (fuzz/run-parser-fuzzer.sh)"
        if [[ ! -d .build/checkouts/swift-http-types ]]; then
            # The parser harness compiles swift-http-types from .build/checkouts.
            mkdir -p .build && cp -r "$SCRATCH/checkouts" .build/ 2>/dev/null
        fi
        FUZZ_SECONDS="$PER_TARGET" fuzz/run-parser-fuzzer.sh >"$log" 2>&1
        report parser $? "$log"
        ;;
    api | partial-date | loader)
        entry=fuzz/targets/Fuzz$(case $target in api) echo APIRequest ;; partial-date) echo PartialDate ;; loader) echo CorpusLoader ;; esac).swift
        if ! link "$target" "$entry"; then
            echo "FAIL $target: link failed"
            tail -n 20 "$OUT/link-$target.log"
            failed=$((failed + 1))
            continue
        fi
        extra=(-max_len=4096)
        [[ $target == api ]] && extra+=(-dict=fuzz/dict/api.dict)
        [[ $target == partial-date ]] && extra=(-max_len=64)
        run "$target" "$OUT/fuzz-$target" "fuzz/corpus/$target" "${extra[@]}"
        ;;
    *)
        echo "unknown target $target"
        failed=$((failed + 1))
        ;;
    esac
done

echo
echo "== summary (${PER_TARGET}s per target)"
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
