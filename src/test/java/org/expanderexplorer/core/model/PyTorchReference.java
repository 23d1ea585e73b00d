package org.expanderexplorer.core.model;

import java.util.Map;

/**
 * PyTorch's nn.RNN (tanh) / nn.LSTM forward equations followed by nn.Linear on the last hidden state and a
 * softmax, written out in double precision from the PyTorch documentation, independently of the code under test.
 * Weights use PyTorch's keys and layouts (weight_ih: gates*H x I, rows i f g o for the LSTM).
 */
final class PyTorchReference {

    private PyTorchReference() {
    }

    /**
     * @param w      state_dict arrays as rows (matrices) by key
     * @param v      state_dict vectors (biases) by key
     * @param lstm   LSTM (true) or tanh RNN
     * @param layers 1 or 2
     * @param x      one sequence, x[t][f]
     */
    static double[] probabilities(Map<String, double[][]> w, Map<String, double[]> v, boolean lstm, int layers,
                                  double[][] x) {
        double[][] seq = x;
        for (int l = 0; l < layers; l++) {
            double[][] wih = w.get("rnn.weight_ih_l" + l);
            double[][] whh = w.get("rnn.weight_hh_l" + l);
            double[] bih = v.get("rnn.bias_ih_l" + l);
            double[] bhh = v.get("rnn.bias_hh_l" + l);
            int h = whh[0].length;
            double[] hPrev = new double[h];
            double[] c = new double[h];
            double[][] out = new double[seq.length][];
            for (int t = 0; t < seq.length; t++) {
                double[] pre = new double[wih.length];
                for (int r = 0; r < pre.length; r++) {
                    double s = bih[r] + bhh[r];
                    for (int k = 0; k < seq[t].length; k++) {
                        s += wih[r][k] * seq[t][k];
                    }
                    for (int k = 0; k < h; k++) {
                        s += whh[r][k] * hPrev[k];
                    }
                    pre[r] = s;
                }
                double[] hNew = new double[h];
                for (int j = 0; j < h; j++) {
                    if (lstm) {
                        double i = sigmoid(pre[j]);
                        double f = sigmoid(pre[h + j]);
                        double g = Math.tanh(pre[2 * h + j]);
                        double o = sigmoid(pre[3 * h + j]);
                        c[j] = f * c[j] + i * g;
                        hNew[j] = o * Math.tanh(c[j]);
                    } else {
                        hNew[j] = Math.tanh(pre[j]);
                    }
                }
                out[t] = hNew;
                hPrev = hNew;
            }
            seq = out;
        }
        double[] last = seq[seq.length - 1];
        double[][] fw = w.get("fc.weight");
        double[] fb = v.get("fc.bias");
        double[] logits = new double[fw.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            double s = fb[k];
            for (int j = 0; j < last.length; j++) {
                s += fw[k][j] * last[j];
            }
            logits[k] = s;
            max = Math.max(max, s);
        }
        double z = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            z += logits[k];
        }
        for (int k = 0; k < logits.length; k++) {
            logits[k] /= z;
        }
        return logits;
    }

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }
}
