package io.sitrep.ingest.store;

import io.sitrep.ingest.pipeline.MinHashSignature;

import java.nio.ByteBuffer;

/** bytea layout: the shingle count (int), then each hash value (long), big-endian. */
final class MinHashCodec {

    private MinHashCodec() {
    }

    static byte[] encode(MinHashSignature signature) {
        long[] values = signature.values();
        ByteBuffer buffer = ByteBuffer.allocate(4 + 8 * values.length).putInt(signature.shingleCount());
        for (long v : values) {
            buffer.putLong(v);
        }
        return buffer.array();
    }

    static MinHashSignature decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int shingles = buffer.getInt();
        long[] values = new long[(bytes.length - 4) / 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getLong();
        }
        return new MinHashSignature(values, shingles);
    }
}
