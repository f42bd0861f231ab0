#!/bin/sh
# Downloads the Debian 12 (bookworm) packages whose GNU Info manuals
# devshell4 reads besides this machine's own (debs.tsv: package=version and
# the .deb's sha256), checks each, and unpacks each into DIR/PACKAGE/.
#
#   sh bench/detect/devshell4/fetch.sh [DIR]     (default /tmp/devshell4-debs)
#
# apt-get download (Debian's own client); a version no longer in the
# archive fails here: take the .deb from snapshot.debian.org by its sha256.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${1:-/tmp/devshell4-debs}
mkdir -p "$DIR/debs"
cd "$DIR/debs"
while read -r spec sum; do
	pkg=${spec%%=*}
	apt-get download "$spec" >/dev/null
	deb=$(ls "${pkg}"_*.deb | head -1)
	echo "$sum  $deb" | sha256sum -c --quiet -
	rm -rf "$DIR/$pkg"
	mkdir -p "$DIR/$pkg"
	dpkg-deb -x "$deb" "$DIR/$pkg"
done <"$HERE/debs.tsv"
