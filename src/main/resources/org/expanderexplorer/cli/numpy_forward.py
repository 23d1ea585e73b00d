"""The numpy peer of `expander-explorer bench --model ... --data ... --peer numpy`: a plain numpy forward pass
(float32, the BLAS numpy was built with) of the same weights on the same sequences, timed in the same run.

The tool writes an NPZ (the inputs `x` [n, T, F] as it reads them from the data set, the labels `y`, and for every
variant - `dense` and one per q - the parameters in Deeplearning4j's layout: `<variant>__<layer>_W` [F, G*H],
`<variant>__<layer>_RW` [H, G*H], `<variant>__<layer>_b` [G*H], `<variant>__out_W` [H, C], `<variant>__out_b`
[C]) and a JSON file naming the cell type, the layer count and the variants. LSTM gate blocks are
Deeplearning4j's: g (tanh), f, o, i (sigmoid); a vanilla RNN is h = tanh(x W + h RW + b).

Two modes:
  python3 numpy_forward.py DIR --repeat 21 --warmup 5   prints each variant's median and minimum milliseconds
      (DIR: the folder `bench --peer-files DIR` leaves behind)
  python3 numpy_forward.py DIR --serve                  what the tool uses: after a first line describing numpy
      and its BLAS, each input line `run` times every variant once and answers one JSON line
      {"millis": {variant: ms}, "accuracy": {variant: fraction}}; `quit` (or the end of input) ends it.
Set OPENBLAS_NUM_THREADS=1 (the tool does) for one thread, as the tool computes with one.
"""
import argparse
import json
import os
import platform
import sys
import time

import numpy as np


def blas_description():
    """What numpy was built with, and which BLAS library the process has actually loaded."""
    built = None
    try:
        config = np.show_config(mode="dicts")  # numpy >= 2
        blas = config["Build Dependencies"]["blas"]
        built = "%s %s" % (blas.get("name"), blas.get("version"))
    except TypeError:
        try:
            info = np.__config__.get_info("blas_opt_info")  # numpy 1.x
            built = "libraries %s" % ",".join(info.get("libraries", []))
        except Exception:  # noqa: BLE001 - a description only
            built = "unknown"
    loaded = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                name = os.path.basename(line.split()[-1]) if "/" in line else ""
                if "blas" in name or "mkl" in name or "blis" in name:
                    loaded.add(name)
    except OSError:
        pass
    return built, sorted(loaded)


def sigmoid(z, out):
    """0.5 + 0.5 tanh(z / 2) in place into out: one transcendental pass, no overflow."""
    np.multiply(z, 0.5, out=out)
    np.tanh(out, out=out)
    out *= 0.5
    out += 0.5
    return out


class Network:
    """One variant's parameters and the buffers of a forward pass over n sequences."""

    def __init__(self, arrays, variant, cell, layers):
        self.cell = cell
        self.layers = []
        for l in range(layers):
            self.layers.append(tuple(arrays["%s__%d_%s" % (variant, l, k)] for k in ("W", "RW", "b")))
        self.out_w = arrays[variant + "__out_W"]
        self.out_b = arrays[variant + "__out_b"]

    def predict(self, x):
        n, steps, _ = x.shape
        seq = x
        h = None
        for index, (w, rw, b) in enumerate(self.layers):
            hidden = rw.shape[0]
            last = index == len(self.layers) - 1
            # the input projection of every step in one product, bias added once
            pre = (seq.reshape(n * steps, -1) @ w).reshape(n, steps, -1)
            pre += b
            h = np.zeros((n, hidden), np.float32)
            z = np.empty((n, rw.shape[1]), np.float32)
            out = None if last else np.empty((n, steps, hidden), np.float32)
            if self.cell == "lstm":
                c = np.zeros((n, hidden), np.float32)
                s = np.empty((n, 3 * hidden), np.float32)
                g = np.empty((n, hidden), np.float32)
                tmp = np.empty((n, hidden), np.float32)
            for t in range(steps):
                if t == 0:
                    z[...] = pre[:, 0]
                else:
                    np.matmul(h, rw, out=z)
                    z += pre[:, t]
                if self.cell == "lstm":
                    np.tanh(z[:, :hidden], out=g)
                    sigmoid(z[:, hidden:], s)  # f, o, i
                    c *= s[:, :hidden]
                    np.multiply(s[:, 2 * hidden:], g, out=tmp)
                    c += tmp
                    np.tanh(c, out=h)
                    h *= s[:, hidden:2 * hidden]
                else:
                    np.tanh(z, out=h)
                if out is not None:
                    out[:, t] = h
            seq = out
        logits = h @ self.out_w + self.out_b
        return np.argmax(logits, axis=1)


def load(folder):
    with open(os.path.join(folder, "peer.json")) as f:
        meta = json.load(f)
    arrays = dict(np.load(os.path.join(folder, "peer.npz")))
    x = np.ascontiguousarray(arrays["x"], dtype=np.float32)
    y = arrays["y"].astype(np.int64)
    nets = {v: Network(arrays, v, meta["cell"], meta["layers"]) for v in meta["variants"]}
    return x, y, nets


def run_once(x, y, nets, clock):
    millis = {}
    accuracy = {}
    for name, net in nets.items():
        t0 = clock()
        predicted = net.predict(x)
        millis[name] = (clock() - t0) * 1e3
        accuracy[name] = float(np.mean(predicted == y))
    return millis, accuracy


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall-clock time, or this thread's CPU time (as bench --cpu-time)")
    args = parser.parse_args()
    clock = time.perf_counter if args.clock == "wall" else time.thread_time
    x, y, nets = load(args.folder)
    built, loaded = blas_description()
    threads = {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    head = {"python": platform.python_version(), "executable": sys.executable, "numpy": np.__version__,
            "blas": built, "blasLoaded": loaded, "threads": threads, "clock": args.clock, "sequences": int(x.shape[0])}
    if args.serve:
        print(json.dumps(head), flush=True)
        for line in sys.stdin:
            if line.strip() == "run":
                millis, accuracy = run_once(x, y, nets, clock)
                print(json.dumps({"millis": millis, "accuracy": accuracy}), flush=True)
            elif line.strip() == "quit":
                break
        return
    print(json.dumps(head))
    for _ in range(args.warmup):
        run_once(x, y, nets, clock)
    samples = {name: [] for name in nets}
    accuracy = None
    for _ in range(args.repeat):
        millis, accuracy = run_once(x, y, nets, clock)
        for name, ms in millis.items():
            samples[name].append(ms)
    for name, ms in samples.items():
        print("%-10s median %8.2f ms  min %8.2f ms  accuracy %.4f" % (name, float(np.median(ms)), min(ms),
                                                                        accuracy[name]))


if __name__ == "__main__":
    main()
