package io.sitrep.ingest.pipeline;

import java.text.Normalizer;

/** The minimum every article gets: Unicode NFC, \n line ends, no NULs, no trailing blanks. */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "");
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().strip();
    }
}
