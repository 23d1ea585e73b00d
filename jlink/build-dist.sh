#!/usr/bin/env bash
# Builds target/dist/: a trimmed Java runtime (jlink), the application image with its launcher (jpackage) and a
# .deb installer, from the jars that Maven's `dist` profile staged. Called by `mvn -Pdist package`; it can also
# be run by hand after that profile's staging step:
#
#   jlink/build-dist.sh JDK_HOME BUILD_DIR VERSION
#
# JDK_HOME  a Java 17 JDK with jmods/, jlink and jpackage (Maven passes the JDK it runs on)
# BUILD_DIR Maven's target/ (holds expander-explorer.jar, dist/classpath/ and dist/javafx/)
# VERSION   the project version; "-SNAPSHOT" becomes "~snapshot" so that the .deb sorts before the release
#
# Nothing is downloaded: jlink and jpackage come with the JDK, fakeroot and dpkg-deb with Debian.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 JDK_HOME BUILD_DIR VERSION" >&2
  exit 2
fi
jdk=$1
build=$(cd "$2" && pwd)
version=$3
dist=$build/dist
name=expander-explorer
here=$(cd "$(dirname "$0")" && pwd)

for tool in jlink jpackage; do
  if [[ ! -x $jdk/bin/$tool ]]; then
    echo "error: $jdk/bin/$tool not found: the dist profile needs a full JDK 17 (set -Ddist.jdk=...)" >&2
    exit 2
  fi
done
if [[ ! -d $jdk/jmods ]]; then
  echo "error: $jdk/jmods not found: jlink needs the JDK's jmods (Debian: openjdk-17-jdk-headless has them)" >&2
  exit 2
fi
for f in "$build/$name.jar" "$dist/classpath" "$dist/javafx"; do
  if [[ ! -e $f ]]; then
    echo "error: $f is missing: run 'mvn -Pdist -DskipTests package' (it stages the jars first)" >&2
    exit 2
  fi
done

# JDK modules: what jdeps finds in the application's jars (jlink/find-modules.sh prints it; java.datatransfer
# comes with java.desktop). It already covers what reflection needs here: jdk.unsupported (sun.misc.Unsafe for
# JavaCPP, fastutil, ND4J's shaded Guava and protobuf), java.desktop (AWT images and fonts under the charts),
# java.management and jdk.management (ND4J's and OSHI's memory and CPU queries), java.sql (date types in
# Jackson, Gson and JFreeChart). java.naming, jdk.zipfs, jdk.localedata and jdk.crypto.* are not needed (the CLI
# and the window run without them). JavaFX comes in as modules: README.md in this folder says why.
jdk_modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.sql,java.xml
jdk_modules+=,jdk.management,jdk.unsupported
# The fast inference path's vector API: an incubator module, which the JVM resolves only when asked. The
# launcher asks by starting the application again with --add-modules, through the runtime's bin/java (so no
# --strip-native-commands below): see README.md in this folder.
jdk_modules+=,jdk.incubator.vector
fx_modules=javafx.base,javafx.graphics,javafx.controls,javafx.swing

# Launcher JVM options (README.md in this folder says why each one is there).
java_options=(
  # the window with the sample LSTM and MNIST's test set open stays well inside 1 GB of heap (measured)
  -Xmx1g
  # AWT only draws off screen here (chart images, fonts); headless, it opens no X connection of its own, which
  # avoids GTK's "XSetErrorHandler() called with a GDK error trap pushed" warning (JDK-8156779) and lets the
  # command line render figures without a display. The window tests run this way too.
  -Djava.awt.headless=true
)

if ! command -v unzip >/dev/null || ! command -v fakeroot >/dev/null || ! command -v dpkg-deb >/dev/null; then
  echo "error: the dist profile needs unzip, fakeroot and dpkg-deb: sudo apt-get install -y unzip fakeroot dpkg" >&2
  exit 2
fi

rm -rf "$dist/runtime" "$dist/input" "$dist/$name" "$dist"/*.deb
mkdir -p "$dist/input/lib"

echo "jlink: $jdk_modules,$fx_modules"
SECONDS=0
"$jdk/bin/jlink" \
  --module-path "$jdk/jmods:$dist/javafx" \
  --add-modules "$jdk_modules,$fx_modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive \
  --output "$dist/runtime"
# --generate-cds-archive: the runtime's own class-data-sharing archive (lib/server/classes.jsa), which the JDK has
# and a jlink runtime lacks unless asked; the launcher's archive of the application's classes builds on it
# (docs/decisions/0031), and without it every class of the JDK is parsed and verified at each start.

# The openjfx jars carry their native libraries as resources, which jlink keeps inside the module. JavaFX
# first looks for them next to its modules (the runtime's lib/), and only then extracts them to ~/.openjfx/cache
# on every user's first start; copying them to lib/ avoids that cache and the write to the home folder.
for jar in "$dist"/javafx/*.jar; do
  if grep -q '\.so$' <<<"$(unzip -Z1 "$jar")"; then
    unzip -q -o -j "$jar" '*.so' -d "$dist/runtime/lib"
  fi
done
if [[ ! -f $dist/runtime/lib/libglassgtk3.so ]]; then
  echo "error: no JavaFX native libraries in $dist/javafx (the linux classifier jars)" >&2
  exit 2
fi

# The application itself runs on the class path (Deeplearning4j's jars are no proper modules): the app jar and
# every runtime dependency except JavaFX, which is in the runtime.
cp "$build/$name.jar" "$dist/input/"
cp "$dist"/classpath/*.jar "$dist/input/lib/"

jp_common=(
  --name "$name"
  --app-version "${version/-SNAPSHOT/~snapshot}"
  --vendor "Expander Explorer"
  --description "Expander-graph theory of pruned recurrent networks, made visible"
  --icon "$here/expander-explorer.png"
)

echo "jpackage: app image (jlink took $SECONDS s)"
SECONDS=0
java_option_args=()
for o in "${java_options[@]}"; do
  java_option_args+=(--java-options "$o")
done
"$jdk/bin/jpackage" --type app-image "${jp_common[@]}" \
  --input "$dist/input" --main-jar "$name.jar" --main-class org.expanderexplorer.Launcher \
  --runtime-image "$dist/runtime" \
  "${java_option_args[@]}" \
  --dest "$dist"

echo "jpackage: .deb (app image took $SECONDS s)"
SECONDS=0
# The jars are compressed already: xz (dpkg-deb's default) takes minutes for 2 % less than gzip.
DPKG_DEB_COMPRESSOR_TYPE=gzip "$jdk/bin/jpackage" --type deb "${jp_common[@]}" \
  --app-image "$dist/$name" \
  --install-dir /opt --linux-package-name "$name" --linux-app-category science \
  --linux-menu-group "Science;Education" --linux-shortcut --resource-dir "$here/deb" \
  --dest "$dist"

echo "(.deb took $SECONDS s)"
du -sh "$dist/$name" "$dist"/*.deb
