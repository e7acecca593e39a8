# Saker's image: the static saker, saker-trace and saker-wrap, the default rules and
# configuration, in /saker. Nothing else: no libc, no shell (the binaries are fully static).
#
# The build context is the folder the build assembles (target saker-dist), not the repository:
#
#   cmake -S . -B build/release -G Ninja && cmake --build build/release --target saker-dist
#   docker build -t saker:latest -f Dockerfile build/release/bin/dist     # or: podman build
#
# Why FROM scratch with the project's own binaries rather than a multi-stage build compiling in
# a Debian image: the binaries are static, so a base image would only add size; and it builds
# offline (no base image to pull), which is how CI proves it.
#
# How the image is used (see wrappers/README.md and fargate/README.md):
#   - as a sidecar / init container whose /saker is shared with the application's container,
#     which then starts with ["/saker/saker-wrap", "--", <its entrypoint>...];
#   - copied into another image: COPY --from=saker:latest /saker /saker
#   - on its own: the engine for tracers (`-u`), or `saker -V rules.yaml`.
FROM scratch
COPY saker saker-trace saker-wrap saker_rules.yaml saker.yaml /saker/
# ECS volumesFrom / podman --volumes-from share declared volumes; the volume starts with the
# image's /saker in it.
VOLUME ["/saker"]
ENTRYPOINT ["/saker/saker"]
CMD ["--version"]
