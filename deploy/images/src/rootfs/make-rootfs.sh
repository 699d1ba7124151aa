#!/bin/bash
# Stages the file system of the base image in a directory, which jib-maven-plugin then writes as an
# image tarball (deploy/images/pom.xml; docs/adr/012-container-images.md):
#  - /opt/java/openjdk: a Java 17 runtime made by jlink from the JDK's jmods (the modules below, locales
#    en and fr, no debug symbols), headless: its X11 and sound libraries are removed;
#  - from Debian's installed packages (dpkg -L), the shared libraries of the packages that runtime links
#    against (libc6, zlib1g, libstdc++6, libfreetype6...), and dpkg's record of them in
#    /var/lib/dpkg/status.d/ so that image scanners know the versions;
#  - /etc/passwd and /etc/group with the user portail (uid/gid 1000), nsswitch.conf, hosts, /tmp.
# No shell, no package manager, no other program than java.
set -euo pipefail

jdk=${1:?usage: make-rootfs.sh <JDK 17 home with jmods> <output directory>}
out=${2:?usage: make-rootfs.sh <JDK 17 home with jmods> <output directory>}
java_home=/opt/java/openjdk

# What the six services' classes and jars use (jdeps -s --multi-release 17 over each, 2026-12-02:
# java.base, compiler, desktop (java.beans), instrument, logging, management, naming, net.http, prefs,
# scripting, security.jgss, security.sasl, sql, sql.rowset, transaction.xa, xml, jdk.jfr, jdk.management,
# jdk.net, jdk.unsupported) and what is only loaded by name at run time: jdk.crypto.ec (TLS with EC keys),
# jdk.localedata (French dates and numbers), jdk.charsets, jdk.zipfs, jdk.naming.dns, java.rmi and
# java.xml.crypto, jdk.security.auth and jdk.security.jgss (JAAS logins, Kafka's SASL).
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.sql.rowset,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.ec,jdk.jfr,\
jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,\
jdk.zipfs

for tool in "$jdk/bin/jlink" dpkg dpkg-query ldd; do
  command -v "$tool" >/dev/null || { echo "make-rootfs.sh: $tool is missing (a Debian machine with a JDK 17 is needed)" >&2; exit 1; }
done
[ -d "$jdk/jmods" ] || { echo "make-rootfs.sh: $jdk/jmods is missing (Debian package openjdk-17-jmods)" >&2; exit 1; }

# The same inputs give the same files (no CDS archive: jlink's --generate-cds-archive is not reproducible),
# hence the same image digest: when nothing changed, the directory is kept and Jib's caches stay valid.
stamp="$out.inputs"
inputs=$( { sha256sum "$0"; cat "$jdk/release"; ls -l --time-style=+%s "$jdk/jmods"; dpkg-query -W;
            [ -f /etc/ssl/certs/java/cacerts ] && sha256sum /etc/ssl/certs/java/cacerts; } | sha256sum)
if [ -d "$out" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ]; then
  echo "make-rootfs.sh: $out is up to date"
  exit 0
fi
rm -rf "$out" "$stamp"
mkdir -p "$out"
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --include-locales=en,fr \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$out$java_home"

# Headless: nothing here has a display or a sound card.
rm -f "$out$java_home"/lib/{libawt_xawt.so,libjawt.so,libsplashscreen.so,libjsound.so}
# The CA certificates Debian keeps for Java (ca-certificates-java), newer than the jmod's copy.
if [ -f /etc/ssl/certs/java/cacerts ]; then
  cp /etc/ssl/certs/java/cacerts "$out$java_home/lib/security/cacerts"
fi

# The Debian packages owning the libraries the runtime links against (libc6 always: the loader).
mapfile -t needed < <(find "$out$java_home" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) \
  -exec ldd {} + 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// && $3 !~ /openjdk/ {print $1}' | sort -u)
packages=(libc6)
for soname in "${needed[@]}"; do
  owner=$(dpkg-query -S "*/x86_64-linux-gnu/$soname" 2>/dev/null | awk -F': ' '{print $1}' | grep ':amd64$' | head -1)
  [ -n "$owner" ] || { echo "make-rootfs.sh: no Debian package owns $soname" >&2; exit 1; }
  packages+=("${owner%:amd64}")
done
mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)

mkdir -p "$out/var/lib/dpkg/status.d"
for package in "${packages[@]}"; do
  # Shared libraries only (and the loader); no documentation, programs or iconv modules.
  mapfile -t files < <(dpkg -L "$package" | grep -E '^/(usr/)?lib(64)?/.*\.so(\.[0-9.]+)?$|/ld-linux-x86-64\.so\.2$' | grep -v '/gconv/')
  declare -A targets=()
  for file in "${files[@]}"; do
    [ -L "$file" ] && targets[$(readlink -f "$file")]=1
  done
  for file in "${files[@]}"; do
    [ -e "$file" ] || continue
    # A soname link is written as the file itself; the versioned file it names is then not repeated.
    if [ ! -L "$file" ] && [ -n "${targets[$(readlink -f "$file")]:-}" ]; then continue; fi
    mkdir -p "$out$(dirname "$file")"
    cp -L "$file" "$out$file"
  done
  unset targets
  dpkg-query -s "$package:amd64" 2>/dev/null > "$out/var/lib/dpkg/status.d/$package" \
    || dpkg-query -s "$package" > "$out/var/lib/dpkg/status.d/$package"
done

# The locale C.UTF-8 (file names and the default charset in UTF-8), from libc-bin.
if [ -d /usr/lib/locale/C.utf8 ]; then
  mkdir -p "$out/usr/lib/locale"
  cp -r /usr/lib/locale/C.utf8 "$out/usr/lib/locale/"
  dpkg-query -s libc-bin > "$out/var/lib/dpkg/status.d/libc-bin"
fi

mkdir -p "$out/etc" "$out/tmp" "$out/proc" "$out/dev" "$out/sys" "$out/home/portail"
cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
portail:x:1000:1000:Portail Famille:/home/portail:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
nogroup:x:65534:
portail:x:1000:
GROUP
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$out/etc/hosts"
: > "$out/etc/resolv.conf"

echo "$inputs" > "$stamp"
echo "make-rootfs.sh: $(du -sh "$out" | cut -f1) in $out; Debian packages: ${packages[*]}"
