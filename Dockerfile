# syntax=docker/dockerfile:1
#
# corpus-api container image.
#
#   docker build -t corpus-api .
#   docker run --rm -p 8080:8080 corpus-api
#
# Two stages: the official Swift image builds a release binary with the Swift
# runtime linked in statically (--static-swift-stdlib), then only that binary,
# its SwiftPM resource bundles and the crash backtracer are copied onto a slim
# Debian of the same release (bookworm), so the C libraries the binary was
# linked against are the ones it finds at run time.
#
# scripts/container-smoke.sh reads the runtime stage's `COPY --from=build` and
# `ENV` lines below and reproduces them without Docker: keep one source per
# COPY line (no globs) so that both stay in step. See docs/deploy/README.md.

# Swift 6.3.1 = the toolchain the project is developed and tested with;
# Package.swift needs tools version 6.2 or later.
ARG SWIFT_IMAGE=swift:6.3.1-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

# ---------------------------------------------------------------- build stage
FROM ${SWIFT_IMAGE} AS build

# zlib headers for the CZlib system library target (gzip responses); libcurl
# headers are what the project's test script installs too. The Swift image
# already ships both, so this is a no-op there that keeps the build working on
# a slimmer base. Versions come from the pinned Debian release of the base
# image, not pinned per package (they would break on every Debian point
# release).
# hadolint ignore=DL3008
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get update -q \
    && apt-get install -y -q --no-install-recommends libcurl4-openssl-dev zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /build

# Dependencies first, in their own layer: editing Sources/ does not refetch them.
# Package.resolved is committed: an executable pins its dependencies, so the
# image builds the versions the tests ran against, never "the newest today".
COPY Package.swift Package.resolved ./
RUN swift package resolve --force-resolved-versions

COPY Sources ./Sources

# The bin path's name depends on the architecture (x86_64-unknown-linux-gnu,
# aarch64-unknown-linux-gnu): move it to a fixed /build/out so the COPY lines
# of the runtime stage name plain paths.
RUN swift build -c release --product corpus-api --static-swift-stdlib --force-resolved-versions \
    && mv "$(swift build -c release --show-bin-path)" /build/out

# -------------------------------------------------------------- runtime stage
FROM ${RUNTIME_IMAGE} AS runtime

ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="corpus-api" \
      org.opencontainers.image.description="HTTP JSON API over a corpus of articles on China-Russia relations: timeline events, economic indicators and citations, each traced to its source sentence." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="docker.io/library/debian:bookworm-slim"

# No package installs: with the Swift runtime linked statically the binary
# needs only libc, libm, libstdc++, libgcc_s and libz (see
# docs/deploy/README.md), all already in debian:bookworm-slim.

# A fixed numeric uid/gid so that Kubernetes' runAsNonRoot can verify it and a
# mounted corpus can be made readable to it. No home directory, no shell.
RUN groupadd --gid 10001 corpus \
    && useradd --uid 10001 --gid 10001 --no-log-init --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin corpus

WORKDIR /app

# The binary and, beside it, the resource bundles that Bundle.module looks for
# next to the executable: the embedded default corpus and the dashboard assets.
# Owned by root and not writable by the service user.
COPY --from=build /build/out/corpus-api /app/corpus-api
COPY --from=build /build/out/corpus-api_Corpus.resources /app/corpus-api_Corpus.resources
COPY --from=build /build/out/corpus-api_CorpusAPI.resources /app/corpus-api_CorpusAPI.resources
# The static backtracer: a crash prints a symbolicated backtrace to stderr
# instead of a bare "Illegal instruction".
COPY --from=build /usr/libexec/swift/linux/swift-backtrace-static /app/swift-backtrace-static

# Listen on every interface (the binary's default is 127.0.0.1, unreachable
# from outside a container). Everything else keeps the binary's defaults and
# can be set with -e CORPUS_API_*; `corpus-api serve --help` lists them.
ENV CORPUS_API_HOST=0.0.0.0 \
    CORPUS_API_PORT=8080 \
    SWIFT_BACKTRACE=enable=yes,sanitize=yes,threads=all,images=all,interactive=no,swift-backtrace=/app/swift-backtrace-static

USER 10001:10001
EXPOSE 8080

# The binary's own probe (GET /healthz on 127.0.0.1:$CORPUS_API_PORT): the
# image has no curl or wget.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/app/corpus-api", "healthcheck"]

# SIGTERM: stop accepting, drain in-flight requests for CORPUS_API_SHUTDOWN_GRACE
# seconds (10), exit 0. Give `docker stop -t` more than that.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/corpus-api"]
