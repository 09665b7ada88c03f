package io.sitrep.ingest.pipeline;

import java.util.Arrays;

/**
 * A MinHash signature: for each of n hash functions, the minimum hash over the text's word shingles.
 * The share of positions where two signatures agree estimates the Jaccard similarity of their shingle sets.
 *
 * @param values       the n minima (copied; never exposed mutably)
 * @param shingleCount how many distinct shingles the text had; 0 means the text had no words
 */
public record MinHashSignature(long[] values, int shingleCount) {

    public MinHashSignature {
        values = values.clone();
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    long valueAt(int index) {
        return values[index];
    }

    int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MinHashSignature that
                && shingleCount == that.shingleCount && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + shingleCount;
    }

    @Override
    public String toString() {
        return "MinHashSignature[" + values.length + " values, " + shingleCount + " shingles]";
    }
}
