#!/usr/bin/env bash
# Imports localhost/saker-mini:1, a busybox root filesystem, into podman (offline). Idempotent.
# Usage: tests/support/mini_image.sh   (prints the image name)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export CONTAINERS_CONF=$here/containers.conf
image=localhost/saker-mini:1
if podman image exists "$image"; then echo "$image"; exit 0; fi
root=$(mktemp -d); trap 'rm -rf "$root" "$root.tar"' EXIT
mkdir -p "$root"/{bin,etc,proc,sys,dev,tmp,root}
cp /bin/busybox "$root/bin/"
for a in $("$root/bin/busybox" --list); do [ "$a" = busybox ] || ln -sf busybox "$root/bin/$a"; done
echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
echo 'root:x:0:' > "$root/etc/group"
echo 'root:*:19000:0:99999:7:::' > "$root/etc/shadow"
tar -C "$root" -cf "$root.tar" .
podman import --change 'CMD ["/bin/sh"]' --change 'ENV PATH=/bin' "$root.tar" "$image" >/dev/null
echo "$image"
