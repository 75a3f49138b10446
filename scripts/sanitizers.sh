#!/usr/bin/env bash
# Runs the whole test suite under ThreadSanitizer and AddressSanitizer, one
# after the other, each in its own scratch path (.build-tsan, .build-asan) so
# they never invalidate the normal .build. Prints how long each took and
# whether it passed, then "N passed, N failed"; exits non-zero on failure.
#
#   scripts/sanitizers.sh                 # both
#   scripts/sanitizers.sh thread          # one
#   SANITIZER_TEST_ARGS="--filter HTTPServerTests" scripts/sanitizers.sh
#
# Slow: each is a full instrumented build plus the suite. Logs go to
# .build-<san>/sanitizer.log.
set -uo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no
# Fail on the first report instead of printing and carrying on.
# scripts/tsan.supp: false positives of Synchronization.Mutex under contention (see the file).
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/scripts/tsan.supp}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0 halt_on_error=1}"

which=("$@")
[[ $# -eq 0 ]] && which=(thread address)
passed=0
failed=0
results=()
for san in "${which[@]}"; do
    short=${san:0:1}san
    scratch=".build-$short"
    mkdir -p "$scratch"
    log="$scratch/sanitizer.log"
    echo "== $san sanitizer: swift test --sanitize=$san --scratch-path $scratch ${SANITIZER_TEST_ARGS:-}"
    start=$(date +%s)
    # shellcheck disable=SC2086
    swift test --sanitize="$san" --scratch-path "$scratch" ${SANITIZER_TEST_ARGS:-} >"$log" 2>&1
    rc=$?
    took=$(($(date +%s) - start))
    reports=$(grep -c -E "WARNING: ThreadSanitizer|ERROR: AddressSanitizer" "$log")
    tests=$(grep -E "Test run with [0-9]+ tests|Executed [0-9]+ tests" "$log" | tail -n 2 | tr '\n' ' ')
    line="$san: exit $rc in ${took}s, sanitizer reports: $reports; $tests"
    if [[ $rc -eq 0 && $reports -eq 0 ]]; then
        echo "PASS $line"
        passed=$((passed + 1))
    else
        echo "FAIL $line (log $log)"
        grep -m5 -A12 -E "WARNING: ThreadSanitizer|ERROR: AddressSanitizer|error:|✘|failed" "$log" | head -n 60 | sed 's/^/     /'
        failed=$((failed + 1))
    fi
    results+=("$line")
done
printf '%s\n' "${results[@]}"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
