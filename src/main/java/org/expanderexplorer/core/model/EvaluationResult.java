package org.expanderexplorer.core.model;

/**
 * Accuracy and confusion matrix on a data set.
 *
 * @param dataset   name of the data set
 * @param examples  examples evaluated
 * @param correct   examples whose arg-max class equals the label
 * @param confusion counts [true class][predicted class], classes x classes
 * @param seconds   wall-clock time of the evaluation
 */
public record EvaluationResult(String dataset, int examples, int correct, int[][] confusion, double seconds) {

    public EvaluationResult {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    /** correct / examples. */
    public double accuracy() {
        return examples == 0 ? Double.NaN : correct / (double) examples;
    }

    /** A copy of the confusion matrix [true][predicted]. */
    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }
}
