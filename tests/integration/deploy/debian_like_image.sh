#!/usr/bin/env bash
# Imports a small Debian userland into podman under the given tag, offline: the host's (Debian
# 12) dash, coreutils and their shared libraries with the dynamic loader, and its os-release.
# A glibc image, unlike the busybox one; the caller removes the image.
# Usage: debian_like_image.sh TAG
set -euo pipefail
tag=$1
root=$(mktemp -d); trap 'rm -rf "$root" "$root.tar"' EXIT
mkdir -p "$root"/{bin,etc,proc,sys,dev,tmp,root,usr/bin}
progs=(/bin/dash /bin/cat /bin/ls /bin/sleep /usr/bin/env /usr/bin/id)
for p in "${progs[@]}"; do
  cp "$p" "$root$p"
  # Every library the loader maps for it, at the same path (and the loader itself).
  for lib in $(ldd "$p" | grep -o '/[^ ]*'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
done
ln -s dash "$root/bin/sh"
cp /etc/os-release /etc/debian_version "$root/etc/"
echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
echo 'root:x:0:' > "$root/etc/group"
echo 'root:*:19000:0:99999:7:::' > "$root/etc/shadow"
tar -C "$root" -cf "$root.tar" .
podman import --change 'CMD ["/bin/sh"]' --change 'ENV PATH=/usr/bin:/bin' "$root.tar" "$tag" >/dev/null
echo "$tag"
