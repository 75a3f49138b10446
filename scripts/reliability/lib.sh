# Shared by the live reliability checks (sourced, not run): the release
# binary, built if it is missing (CORPUS_API_BIN points elsewhere), then the
# named Python check under a hard time limit.
run_live_check() {
    local name=$1 limit=${2:-300}
    cd "$(dirname "${BASH_SOURCE[0]}")/../.."
    local bin="${CORPUS_API_BIN:-.build/release/corpus-api}"
    if [[ ! -x "$bin" ]]; then
        swift build -c release --product corpus-api
    fi
    CORPUS_API_BIN="$(realpath "$bin")"
    export CORPUS_API_BIN
    exec timeout "$limit" python3 "scripts/reliability/$name.py"
}
