package io.sitrep.ingest.pipeline;

import java.util.List;

/**
 * Everything needed to find duplicates of an article.
 *
 * @param exactKey SHA-256 (lower-case hex) of the normalised text; equal keys mean the same content
 * @param minHash  the MinHash signature, for estimating similarity to a candidate
 * @param bandKeys LSH band keys ("07-1a2b3c4d5e6f7788"): articles sharing any key are near-duplicate
 *                 candidates, found by plain equality in a database index
 */
public record ContentFingerprint(String exactKey, MinHashSignature minHash, List<String> bandKeys) {

    public ContentFingerprint {
        bandKeys = List.copyOf(bandKeys);
    }
}
