#!/usr/bin/env bash
# Builds a corpus of three documents in DIR: the two embedded articles (with
# their annotations) and the short fixture of Tests/Fixtures/third-document,
# so the dashboard and the API are checked on more than the default corpus.
#   usage: scripts/three-document-corpus.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:?usage: scripts/three-document-corpus.sh DIR}
mkdir -p "$DIR"
cp -R Sources/Corpus/Resources/DefaultCorpus/. "$DIR/"
cp Tests/Fixtures/third-document/fixture-arctic-note.json Tests/Fixtures/third-document/fixture-arctic-note.txt "$DIR/"
echo "$DIR: $(ls "$DIR"/*.json | wc -l) documents"
