package io.sitrep.ingest.pipeline;

import java.io.IOException;
import io.sitrep.testsupport.Seeds;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Seed-article access for the pipeline tests; the files are found by {@link Seeds}, never copied. */
final class SeedCorpus {

    private SeedCorpus() {
    }

    /** The raw bytes of the seed whose file name starts with {@code number}, e.g. "002". */
    static byte[] bytes(String number) {
        try {
            return Files.readAllBytes(Seeds.byPrefix(number + "_"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String number) {
        return new String(bytes(number), StandardCharsets.UTF_8);
    }

    /** The seed's non-blank lines, trimmed of whitespace including no-break spaces. */
    static List<String> nonBlankLines(String number) {
        List<String> lines = new ArrayList<>();
        for (String line : text(number).split("\n", -1)) {
            String trimmed = trim(line);
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    static List<String> allNumbers() {
        return List.of("000", "001", "002", "003", "004");
    }

    static String trim(String s) {
        return s.replaceAll("^[\\s\\u00A0]+|[\\s\\u00A0]+$", "");
    }
}
