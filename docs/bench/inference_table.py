"""Regenerates the inference table of docs/performance.md: `bench --peer numpy` on the sample LSTM-128 and RNN-128
(1,000 MNIST test sequences; dense and pruned at q = 50, 20, 10, 5 %; numpy on the same weights in the same run),
with the load average before and after each run. Prints a Markdown table and the raw JSON lines.

    mvn -B -q package -DskipTests
    python3 docs/bench/inference_table.py --jar target/expander-explorer.jar [--repeat 21] [--warmup 5]

Run it on a quiet machine: the figures of docs/performance.md need a 1-minute load average below 1.5.
"""
import argparse
import json
import subprocess
import sys

KEEPS = ["50", "20", "10", "5"]
MODELS = [("LSTM-128", "sample-models/smnist-lstm128.zip"), ("RNN-128", "sample-models/smnist-rnn128.zip")]


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def bench(jar, model, args):
    cmd = ["java", "-jar", jar, "bench", "--model", model, "--data", "mnist", "--limit", "1000",
           "--keep", ",".join(KEEPS), "--peer", "numpy", "--python", args.python, "--repeat", str(args.repeat),
           "--warmup", str(args.warmup), "--json"] + (["--cpu-time"] if args.cpu_time else [])
    before = load()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out), before, load()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jar", default="target/expander-explorer.jar")
    parser.add_argument("--python", default="python3", help="the interpreter of the numpy peer")
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--cpu-time", action="store_true",
                        help="thread CPU time instead of wall-clock time (steadier on a busy machine)")
    args = parser.parse_args()
    runs = [(name,) + bench(args.jar, path, args) for name, path in MODELS]
    rows = [("tool, dense", "inference", None)] + [("tool, q = %s %%" % q, "pruned" + q, q) for q in KEEPS]
    rows += [("numpy, dense", "numpyDense", None)] + [("numpy, masked weights q = %s %%" % q, "numpy" + q, q)
                                                     for q in KEEPS]
    head = "| median ms (min) | " + " | ".join("%s | / numpy dense | accuracy" % name for name, *_ in runs) + " |"
    print(head)
    print("|" + "---|" * (1 + 3 * len(runs)))
    for label, stage, _ in rows:
        cells = [label]
        for _, j, _, _ in runs:
            numpy = j["numpyDenseMedianMillis"]
            median = j[stage + "MedianMillis"]
            accuracy = j["numpyAccuracy"].get(stage) if stage.startswith("numpy") else j["accuracy"].get(stage)
            cells += ["%.1f (%.1f)" % (median, j[stage + "MinMillis"]), "%.2f" % (median / numpy),
                      "%.1f %%" % (100 * accuracy)]
        print("| " + " | ".join(cells) + " |")
    print()
    for name, j, before, after in runs:
        print("%s: load %s before, %s after; %s; %s; peer: %s" % (name, before, after, j["clock"], j["inferencePath"],
                                                                j["peer"]))
        print("  kernels: %s" % j.get("kernels"))
    print()
    for name, j, _, _ in runs:
        json.dump({"model": name, **j}, sys.stdout)
        print()


if __name__ == "__main__":
    main()
