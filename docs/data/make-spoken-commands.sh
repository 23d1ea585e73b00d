#!/usr/bin/env bash
# Makes a SYNTHETIC spoken-commands data set offline, in the Google Speech Commands folder layout, so that the
# application's speech:DIR reader reads it: one folder per word of 1 s, 16 kHz, mono, 16-bit WAV clips, plus
# validation_list.txt and testing_list.txt (split by speaker, so no test voice is heard in training).
#
# The clips are spoken by a formant synthesiser (espeak-ng), not by people: this is not Google Speech Commands and
# results on it say nothing about recorded speech. Every output says so (README.md and SYNTHETIC.txt in the folder;
# the reader names the data set speech-synthetic-*).
#
# Needs:  apt-get install espeak-ng sox      (Debian/Ubuntu; also coreutils, gawk or mawk, which every system has)
# Usage:  docs/data/make-spoken-commands.sh [--out DIR] [--seed N] [--takes N] [--jobs N] [--force]
#
# Deterministic: the same seed gives the same files byte for byte (with the same espeak-ng and sox versions). Every
# random choice comes from one linear congruential generator (MINSTD) in awk whose arithmetic is exact in any awk;
# sox runs with -R (repeatable noise) and -D (no dither).
set -euo pipefail

WORDS=(yes no up down left right on off stop go)
# espeak-ng's English accents (its own voices, not MBROLA, which needs extra packages)
ACCENTS=(en-gb en-us en-gb-scotland en-gb-x-gbclan en-gb-x-rp en-gb-x-gbcwmd en-029 en-us-nyc)
# voice variants: seven male, five female, and four synthesiser characters
VARIANTS=(m1 m2 m3 m4 m5 m6 m7 f1 f2 f3 f4 f5 klatt klatt3 croak Annie)

out=spoken-commands
seed=1
takes=3
jobs=1
force=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --takes) takes="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --force) force=1; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "error: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
for n in "$seed" "$takes" "$jobs"; do
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "error: --seed, --takes and --jobs take whole numbers, got '$n'" >&2; exit 2; }
done
(( takes >= 1 && jobs >= 1 )) || { echo "error: --takes and --jobs must be at least 1" >&2; exit 2; }
for tool in espeak-ng sox soxi awk; do
    command -v "$tool" >/dev/null || { echo "error: $tool is missing: apt-get install espeak-ng sox" >&2; exit 2; }
done
if [[ -e "$out" && $force -eq 0 ]]; then
    echo "error: $out exists; remove it or pass --force to replace it" >&2
    exit 2
fi

start=$(date +%s)
work="$out.partial.$$"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# One pink-noise bed (repeatable), cut at a different place for every clip: a synthesiser's digital silence would
# otherwise give log-mel features no recording ever has.
sox -R -D -n -r 16000 -c 1 -b 16 "$work/bed.wav" synth 20 pinknoise gain -n -3
bed_rms_db=$(sox "$work/bed.wav" -n stats 2>&1 | awk '/RMS lev dB/ { print $4 }')

# The plan: one line per clip with every random choice made. Speakers (accent + variant) are shuffled; the first
# 15 % are the test speakers, the next 10 % the validation speakers, the rest train.
awk -v seed="$seed" -v takes="$takes" -v bedRms="$bed_rms_db" -v words="${WORDS[*]}" -v accents="${ACCENTS[*]}" \
    -v variants="${VARIANTS[*]}" '
function next01() { state = (48271 * state) % 2147483647; return state / 2147483647 }
function uniform(lo, hi) { return lo + (hi - lo) * next01() }
function pick(lo, hi) { return lo + int((hi - lo + 1) * next01()) }
BEGIN {
    state = (seed % 2147483646) + 1
    for (i = 0; i < 10; i++) next01()
    nw = split(words, w, " "); na = split(accents, a, " "); nv = split(variants, v, " ")
    ns = 0
    for (i = 1; i <= na; i++) for (j = 1; j <= nv; j++) { ns++; sa[ns] = a[i]; sv[ns] = v[j] }
    for (i = ns; i > 1; i--) { k = pick(1, i); t = sa[i]; sa[i] = sa[k]; sa[k] = t; t = sv[i]; sv[i] = sv[k]; sv[k] = t }
    nTest = int(ns * 0.15 + 0.5); nVal = int(ns * 0.10 + 0.5)
    for (s = 1; s <= ns; s++) {
        split_ = s <= nTest ? "test" : s <= nTest + nVal ? "validation" : "train"
        for (x = 1; x <= nw; x++) for (k = 0; k < takes; k++) {
            # speed (words per minute), pitch (0-99), peak level (dBFS), start of the word (s; a cut word is at
            # most 0.7 s long), the gain that puts the noise bed at a floor of -72 to -52 dBFS RMS, where in the bed
            # the second is cut
            printf "%s %s %s %d %d %d %.3f %.3f %.6f %.3f %s\n", w[x], sa[s], sv[s], k, pick(110, 210), \
                pick(15, 85), uniform(-12, -2), uniform(0, 0.25), 10 ^ ((uniform(-72, -52) - bedRms) / 20), \
                uniform(0, 18.5), split_
        }
    }
}' > "$work/plan.txt"

for word in "${WORDS[@]}"; do mkdir -p "$work/$word"; done

make_clip() {
    local word=$1 accent=$2 variant=$3 take=$4 speed=$5 pitch=$6 peak=$7 lead=$8 bedGain=$9 bedAt=${10}
    local name="$accent-${variant}_nohash_$take"
    local raw="$work/tmp.$word.$name.wav"
    espeak-ng -v "$accent+$variant" -s "$speed" -p "$pitch" -w "$raw" "$word"
    # the word: the synthesiser's leading and trailing silence cut, 16 kHz, peak at the chosen level, started at
    # the chosen time; mixed with a second of the noise bed; 16-bit, exactly 1 s
    sox -R -D -m -v 1 "|sox -R -D $raw -p silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse gain -6 rate 16000 \
gain -n $peak pad $lead" -v "$bedGain" "|sox -R -D $work/bed.wav -p trim $bedAt 1" \
        -c 1 -b 16 "$work/$word/$name.wav" trim 0 1
    rm -f "$raw"
}
export -f make_clip
export work

total=$(wc -l < "$work/plan.txt")
echo "making $total clips (${#WORDS[@]} words, ${#ACCENTS[@]} accents x ${#VARIANTS[@]} variants, $takes takes" \
    "each) with seed $seed into $out" >&2
cut -d' ' -f1-10 "$work/plan.txt" | xargs -P "$jobs" -n 10 bash -c 'make_clip "$@"' _

awk '$11 == "test" { printf "%s/%s-%s_nohash_%d.wav\n", $1, $2, $3, $4 }' "$work/plan.txt" | sort > "$work/testing_list.txt"
awk '$11 == "validation" { printf "%s/%s-%s_nohash_%d.wav\n", $1, $2, $3, $4 }' "$work/plan.txt" | sort \
    > "$work/validation_list.txt"
made=$(find "$work" -mindepth 2 -name '*.wav' | wc -l)
[[ "$made" -eq "$total" ]] || { echo "error: made $made of $total clips" >&2; exit 1; }

cat > "$work/SYNTHETIC.txt" <<EOF
SYNTHETIC speech: made by espeak-ng and sox with docs/data/make-spoken-commands.sh, seed $seed. Not recorded speech.
EOF
cat > "$work/README.md" <<EOF
# SYNTHETIC spoken commands (not Google Speech Commands)

Made offline by \`docs/data/make-spoken-commands.sh --seed $seed --takes $takes\` of Expander Explorer with
$(espeak-ng --version | head -1 | cut -d' ' -f1-5) and $(sox --version | sed 's/^sox: *//').
Every clip is spoken by the espeak-ng formant synthesiser: results on this set say nothing about recorded speech.

- Words: ${WORDS[*]} (one folder each).
- Speakers: ${#ACCENTS[@]} espeak-ng accents (${ACCENTS[*]}) x ${#VARIANTS[@]} voice variants
  (${VARIANTS[*]}) = $(( ${#ACCENTS[@]} * ${#VARIANTS[@]} )) speakers; $takes takes per speaker and word,
  each with a random speed (110-210 words per minute), pitch (15-85 of 99), peak level (-12 to -2 dBFS) and start
  within the second.
- Every clip: 1 s, 16 kHz, mono, 16-bit PCM WAV; the synthesiser's silence cut off, then a pink-noise floor at
  -72 to -52 dBFS RMS mixed in (a recording never has digital silence).
- Splits by speaker, as in Google Speech Commands: testing_list.txt (15 % of the speakers), validation_list.txt
  (10 %); every other clip trains. $(wc -l < "$work/testing_list.txt") test clips, \
$(wc -l < "$work/validation_list.txt") validation clips, $(( total - $(wc -l < "$work/testing_list.txt") \
- $(wc -l < "$work/validation_list.txt") )) training clips.
- File names: WORD/ACCENT-VARIANT_nohash_TAKE.wav (the speaker before _nohash_, as in Speech Commands).

Regenerate instead of copying: the same seed gives the same files with the same espeak-ng and sox versions.
EOF
rm -f "$work/bed.wav"
trap - EXIT
rm -rf "$out"
mv "$work" "$out"
echo "made $made clips in $out in $(( $(date +%s) - start )) s" >&2
