#!/usr/bin/env bash
# Builds a libFuzzer binary from the request parser's sources and runs it for a
# bounded time. Standalone: it does not touch Package.swift.
#
#   fuzz/run-parser-fuzzer.sh            # 60 s
#   FUZZ_SECONDS=600 fuzz/run-parser-fuzzer.sh
#
# Needs the package's checkouts (run `swift build` once) for swift-http-types.
# Crashes land in fuzz/artifacts/ (git-ignored); the seed corpus in
# fuzz/corpus/parser/ is read-only here: new inputs go to fuzz/artifacts/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no

SECONDS_TO_RUN="${FUZZ_SECONDS:-60}"
HTTP_TYPES=".build/checkouts/swift-http-types/Sources/HTTPTypes"
OUT="fuzz/artifacts/build"
mkdir -p "$OUT" fuzz/artifacts/corpus

if [[ ! -d "$HTTP_TYPES" ]]; then
    echo "missing $HTTP_TYPES: run 'swift build' first" >&2
    exit 1
fi

# 1. swift-http-types as its own module, with the availability macros its package defines.
MACROS=()
for v in 1.0 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8; do
    MACROS+=(-enable-experimental-feature "AvailabilityMacro=HTTPTypes $v: macOS 10.0")
done
swiftc -O -parse-as-library -wmo -module-name HTTPTypes "${MACROS[@]}" \
    -emit-module -emit-module-path "$OUT/HTTPTypes.swiftmodule" \
    -c "$HTTP_TYPES"/*.swift -o "$OUT/HTTPTypes.o"

# 2. The parser's sources (no sockets) plus the entry point, instrumented.
PARSER_SOURCES=(
    Sources/HTTPServer/ASCII.swift
    Sources/HTTPServer/AccessLogFormat.swift
    Sources/HTTPServer/ChunkedBodyDecoder.swift
    Sources/HTTPServer/HostField.swift
    Sources/HTTPServer/TransferCodingList.swift
    Sources/HTTPServer/PercentDecoding.swift
    Sources/HTTPServer/HTTPParseError.swift
    Sources/HTTPServer/HTTPRequestParser.swift
    Sources/HTTPServer/KnownFieldNames.swift
    Sources/HTTPServer/RequestLine.swift
    Sources/HTTPServer/HTTPServerConfiguration.swift
    Sources/HTTPServer/ProcessorCount.swift
    Sources/HTTPServer/Responder.swift
    Sources/HTTPServer/ResponseBodyFile.swift
)
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name FuzzParser \
    -Xcc -fmodule-map-file=Sources/CEventPoll/module.modulemap \
    -I "$OUT" "$OUT/HTTPTypes.o" "${PARSER_SOURCES[@]}" fuzz/FuzzRequestParser.swift \
    -o "$OUT/fuzz-request-parser"

# 3. Run, bounded in time; -max_len lets pipelines pass 4 KiB, where the parser starts compacting.
"$OUT/fuzz-request-parser" \
    -max_total_time="$SECONDS_TO_RUN" -max_len=12000 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=fuzz/artifacts/ -print_final_stats=1 \
    -dict=fuzz/dict/parser.dict fuzz/artifacts/corpus fuzz/corpus/parser
