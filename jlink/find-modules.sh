#!/usr/bin/env bash
# Prints the JDK modules that the application's jars use, by jdeps: the starting point of the module list in
# build-dist.sh (which needs nothing beyond it today). Run it after a dependency change:
#
#   mvn -q -Pdist -DskipTests package && jlink/find-modules.sh [JDK_HOME]
#
# Several jars (ND4J's among them) carry module descriptors that require modules jdeps cannot resolve from a
# class path, so jdeps reads their bare classes instead (module-info.class left out); JavaFX is not looked at,
# it is linked as modules. Prints each jar's JDK modules on stderr and their union on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk=${1:-${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}}
jars=(target/expander-explorer.jar target/dist/classpath/*.jar)
[[ -f ${jars[0]} && -f ${jars[1]} ]] || { echo "build first: mvn -Pdist -DskipTests package" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dirs=()
for jar in "${jars[@]}"; do
  dir=$tmp/$(basename "$jar" .jar)
  mkdir -p "$dir"
  unzip -q -o "$jar" '*.class' -x 'module-info.class' 'META-INF/versions/*/module-info.class' -d "$dir" \
    2>/dev/null || true
  dirs+=("$dir")
done
# -s: one "archive -> module" line per dependency; only the JDK's modules matter here.
"$jdk/bin/jdeps" -s --ignore-missing-deps --multi-release 17 "${dirs[@]}" \
  | sed -n 's/^\([^ ]*\) -> \(java\.[a-z.]*\|jdk\.[a-z.]*\)$/\1 \2/p' | sort -u >"$tmp/deps"
awk '{ m[$1] = m[$1] (m[$1] ? "," : "") $2 } END { for (j in m) printf "%-55s %s\n", j, m[j] }' "$tmp/deps" \
  | sort >&2
cut -d' ' -f2 "$tmp/deps" | sort -u | paste -sd, -
