#!/usr/bin/env bash
# Packaging test: builds target/dist/ (mvn -Pdist) and runs the installed application the way a user would,
# with its own launcher and runtime only: an empty PATH (no java, no mvn reachable), no JAVA_HOME, a fresh HOME.
#
#   jlink/test-image.sh             build, then test
#   jlink/test-image.sh --no-build  test the image already in target/dist/
#
# Checks: the CLI (version, generate + spectrum --json with the Heawood graph's known spectrum, evaluate of the
# sample models on the bundled digits and MNIST and of a Keras .h5 test fixture, a sweep with PNG and SVG figures,
# exit code 2 on bad input), the .deb's metadata and payload, and that the window starts under Xvfb, opens its
# sample model and keeps running until stopped, with no exception.
# Missing Debian packages (xvfb, x11-utils, libgtk-3-0, fakeroot, jq, unzip) are installed with apt-get when
# running as root.
# Exit code 0 when everything passed; the first failure stops the script with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
start=$SECONDS

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
step() {
  echo "== $* ($((SECONDS - start)) s)"
}

# --- tools the test itself needs (the application needs none of them) ---
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v fakeroot >/dev/null || need+=(fakeroot)
command -v jq >/dev/null || need+=(jq)
command -v unzip >/dev/null || need+=(unzip)
[[ -e /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 ]] || need+=(libgtk-3-0)
if [[ ${#need[@]} -gt 0 ]]; then
  [[ $(id -u) -eq 0 ]] || fail "missing Debian packages: ${need[*]} (sudo apt-get install -y ${need[*]})"
  step "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [[ ${1:-} != --no-build ]]; then
  step "building the image: mvn -Pdist -DskipTests package"
  mvn -B -ntp -q -Pdist -DskipTests package
fi

dist=$root/target/dist
app=$dist/expander-explorer
launcher=$app/bin/expander-explorer
deb=$(ls "$dist"/expander-explorer_*_amd64.deb 2>/dev/null | head -1)
[[ -x $launcher ]] || fail "$launcher missing: build with mvn -Pdist -DskipTests package"
[[ -f $deb ]] || fail "no .deb in $dist"

work=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
  [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A fresh HOME, except JavaCPP's cache of ND4J's native libraries (400 MB unpacked from the jars at first use),
# which is shared with the user's so that the test does not unpack it again on every run.
mkdir -p "$work/home" "$work/emptybin" "${HOME:?}/.javacpp"
ln -s "$HOME/.javacpp" "$work/home/.javacpp"

# Runs the given launcher with nothing from the build machine's environment.
clean_run() {
  env -i HOME="$work/home" PATH="$work/emptybin" "$@"
}

# --- the image's contents ---
step "image contents"
[[ -f $app/lib/runtime/lib/libglassgtk3.so ]] || fail "JavaFX's native libraries are not in the runtime's lib/"
# the launcher's class archive (docs/decisions/0031) needs the runtime's own one
[[ -f $app/lib/runtime/lib/server/classes.jsa ]] || fail "the runtime has no class-data-sharing archive"
# bin/java starts the application again with the vector API module (jlink/README.md)
[[ -x $app/lib/runtime/bin/java ]] || fail "the runtime has no bin/java"
modules=$(grep '^MODULES=' "$app/lib/runtime/release" | tr -d '"' | cut -d= -f2)
for m in java.base java.desktop jdk.unsupported jdk.incubator.vector javafx.controls; do
  [[ " $modules " == *" $m "* ]] || fail "runtime lacks module $m (has: $modules)"
done
for m in jdk.compiler jdk.jshell java.net.http; do
  [[ " $modules " != *" $m "* ]] || fail "runtime has $m, which the application does not need"
done
others=$(ls "$app/lib/app/lib" | grep -E -- '-(windows|macosx|android|ios|linux-(arm|ppc|aarch))' || true)
[[ -z $others ]] || fail "natives for other platforms in the image: $others"
# (grep reads here-strings, not pipes: with pipefail, `... | grep -q` fails when grep stops reading early)
grep -q '^javafx' <<<"$(ls "$app/lib/app/lib")" && fail "JavaFX jars on the class path (they belong in the runtime)"
# Sample models and bundled data sets are class-path resources inside the application's jar.
resources=$(unzip -Z1 "$app/lib/app/expander-explorer.jar")
for f in "$root"/sample-models/*.zip; do
  grep -qx "sample-models/$(basename "$f")" <<<"$resources" || fail "sample model $(basename "$f") not in the image"
done
for r in core/data/mnist/t10k-images-idx3-ubyte.gz core/data/digits/digits.csv.gz; do
  grep -qx "org/expanderexplorer/$r" <<<"$resources" || fail "data resource $r not in the image"
done
image_mb=$(du -sm "$app" | cut -f1)
deb_mb=$(( $(stat -c %s "$deb") / 1024 / 1024 ))
echo "app image ${image_mb} MB, $(basename "$deb") ${deb_mb} MB"
(( image_mb < 300 )) || fail "app image is ${image_mb} MB: more than the 300 MB it should take"

# --- the command line ---
step "CLI: --version"
out=$(clean_run "$launcher" --version) || fail "--version exited $?"
[[ $out == "Expander Explorer "* ]] || fail "--version printed: $out"
echo "$out"

step "CLI: generate heawood, spectrum --json"
clean_run "$launcher" generate heawood --out "$work/h.mtx" 2>"$work/gen.err" || fail "generate exited $?"
clean_run "$launcher" spectrum --matrix "$work/h.mtx" --json >"$work/h.json" 2>"$work/spectrum.err" \
  || fail "spectrum exited $?: $(cat "$work/spectrum.err")"
# The Heawood graph (incidence graph of the Fano plane): 7 + 7 vertices, 21 edges, 3-regular, biadjacency
# singular values 3 and sqrt(2) (six times), since B B^T = 2 I + J.
jq -e '.left == 7 and .right == 7 and .edges == 21 and (.mu0 - 3 | fabs) < 1e-9
       and (.muHat - (2 | sqrt) | fabs) < 1e-9 and .components == 1' "$work/h.json" >/dev/null \
  || fail "spectrum --json of the Heawood graph: $(head -c 400 "$work/h.json")"
grep -qi 'exception' "$work/spectrum.err" && fail "spectrum wrote an exception: $(cat "$work/spectrum.err")"
echo "Heawood graph: mu0 = $(jq .mu0 "$work/h.json"), muHat = $(jq .muHat "$work/h.json")"

# Evaluates a sample model on a bundled data set; the accuracy must be far above chance (10 %): the sample
# models reach 91 % (digits) and 97 % (MNIST) on the full test sets.
evaluate() {
  local model=$1 data=$2 limit=$3 min=$4
  step "CLI: evaluate $model on $data (first $limit)"
  clean_run "$launcher" evaluate --model "$root/$model" --data "$data" --limit "$limit" \
    >"$work/eval.out" 2>"$work/eval.err" || fail "evaluate exited $?: $(cat "$work/eval.err")"
  local acc
  acc=$(sed -n 's/^accuracy: *\([0-9.]*\) %.*/\1/p' "$work/eval.out")
  [[ -n $acc ]] || fail "evaluate printed no accuracy: $(cat "$work/eval.out")"
  awk -v a="$acc" -v m="$min" 'BEGIN { exit !(a >= m) }' || fail "accuracy $acc % on $data is below $min %"
  grep -qi 'exception' "$work/eval.err" && fail "evaluate wrote an exception: $(cat "$work/eval.err")"
  grep '^accuracy' "$work/eval.out"
}
evaluate sample-models/digits8-rnn12.zip digits8 200 80
evaluate sample-models/smnist-rnn128.zip mnist 200 90
# a Keras .h5 test fixture: the HDF5 reader (jhdf) is on the image's class path
evaluate src/test/resources/fixtures/lstm.h5 digits8 200 80

# The launcher starts the application again with the vector API module: inference takes the fast path, and the
# JVM's notice about the incubator module stays off stderr.
step "CLI: bench takes the vector API path"
clean_run "$launcher" bench --model "$root/sample-models/digits8-rnn12.zip" --data digits8 --limit 50 --keep none \
  --repeat 1 --warmup 0 >"$work/bench.out" 2>"$work/bench.err" || fail "bench exited $?: $(cat "$work/bench.err")"
grep -q '^inferencePath *vector API' "$work/bench.out" \
  || fail "bench did not use the vector API: $(cat "$work/bench.out")"
[[ ! -s $work/bench.err ]] || fail "bench wrote on stderr: $(cat "$work/bench.err")"
grep '^inferencePath' "$work/bench.out"

# A sweep draws the paper's figures: PNG and SVG through AWT (headless) and ImageIO in the trimmed runtime.
step "CLI: sweep of the digits model with figures"
clean_run "$launcher" sweep --model "$root/sample-models/digits8-rnn12.zip" --data digits8 --grid 100,50,20 \
  --formats png,svg --out "$work/sweep" >"$work/sweep.out" 2>"$work/sweep.err" \
  || fail "sweep exited $?: $(cat "$work/sweep.err")"
grep -q '^stopping rule' "$work/sweep.out" || fail "sweep printed no stopping rule: $(cat "$work/sweep.out")"
[[ -s $work/sweep/sweep.csv ]] || fail "sweep wrote no sweep.csv"
png=$work/sweep/figures/hh-unweighted.png
[[ $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "$png is no PNG"
grep -q '<svg' "$work/sweep/figures/hh-unweighted.svg" || fail "hh-unweighted.svg is no SVG"
echo "$(ls "$work/sweep/figures" | wc -l) figure files"

step "CLI: bad input gives exit code 2"
set +e
clean_run "$launcher" spectrum --matrix "$work/missing.mtx" >/dev/null 2>"$work/bad.err"
rc=$?
set -e
[[ $rc -eq 2 ]] || fail "spectrum on a missing file exited $rc, not 2"
[[ $(wc -l <"$work/bad.err") -eq 1 ]] || fail "bad input gave more than one line: $(cat "$work/bad.err")"

# --- the .deb ---
step "deb: metadata and payload"
[[ $(dpkg-deb -f "$deb" Package) == expander-explorer ]] || fail "deb package name"
grep -q 'libgtk-3-0' <<<"$(dpkg-deb -f "$deb" Depends)" || fail "deb does not depend on libgtk-3-0"
grep -q 'update-alternatives --install /usr/bin/expander-explorer' <<<"$(dpkg-deb -I "$deb" postinst)" \
  || fail "deb's postinst does not put expander-explorer on the PATH"
dpkg-deb -x "$deb" "$work/deb"
deb_launcher=$work/deb/opt/expander-explorer/bin/expander-explorer
[[ -x $deb_launcher ]] || fail "deb has no /opt/expander-explorer/bin/expander-explorer"
[[ -f $work/deb/usr/share/applications/expander-explorer-expander-explorer.desktop ]] \
  || ls "$work/deb/opt/expander-explorer/lib/"*.desktop >/dev/null 2>&1 || fail "deb has no desktop entry"
clean_run "$deb_launcher" generate heawood --out "$work/h2.mtx" 2>/dev/null || fail "the deb's launcher failed"
cmp -s "$work/h.mtx" "$work/h2.mtx" || fail "the deb's launcher wrote a different Heawood graph"

# --- the window ---
step "window: starts under Xvfb, opens the sample model, keeps running"
gui_start=$SECONDS
display=
for n in $(seq 90 150); do
  if [[ ! -e /tmp/.X11-unix/X$n && ! -e /tmp/.X$n-lock ]]; then
    display=:$n
    break
  fi
done
[[ -n $display ]] || fail "no free X display number"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do
  xwininfo -display "$display" -root >/dev/null 2>&1 && break
  sleep 0.2
done
env -i HOME="$work/home" PATH="$work/emptybin" DISPLAY="$display" "$launcher" >"$work/gui.out" 2>"$work/gui.err" &
app_pid=$!
# The title names the document once the sample model (and MNIST's test set) is open.
title=
for _ in $(seq 120); do
  title=$(xwininfo -display "$display" -root -tree 2>/dev/null | grep -o '"Expander Explorer[^"]*"' | head -1 || true)
  [[ $title == *": "* ]] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 1
done
[[ $title == *": "* ]] || fail "the window did not open its sample model within 120 s (title: ${title:-none}); \
stderr: $(cat "$work/gui.err")"
echo "window title after $((SECONDS - gui_start)) s: $title"
# It keeps running while the curves over q and the dense accuracy are computed in the background.
sleep 20
kill -0 "$app_pid" 2>/dev/null || fail "the window exited by itself; stderr: $(cat "$work/gui.err")"
if command -v import >/dev/null; then
  import -display "$display" -window root "$root/target/dist-window.png" && echo "screenshot: target/dist-window.png"
fi
kill -TERM "$app_pid"
set +e
wait "$app_pid"
rc=$?
set -e
app_pid=
[[ $rc -eq 143 ]] || fail "the window exited with $rc on SIGTERM, not 143; stderr: $(cat "$work/gui.err")"
if grep -qE 'Exception|Error|^\s+at ' "$work/gui.err"; then
  fail "the window wrote an exception: $(cat "$work/gui.err")"
fi
[[ ! -e $work/home/.openjfx ]] || fail "JavaFX unpacked native libraries into the home folder"

step "all packaging checks passed"
