package io.sitrep.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real seed articles live in {@code ../shared/corpus/seeds} beside the repository and are
 * never copied into it; this finds them from any module's working directory.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The {@code shared/} folder next to the repository root. */
    public static Path sharedDir() {
        Path dir = Path.of("").toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("corpus/seeds"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/corpus/seeds not found above " + Path.of("").toAbsolutePath());
    }

    public static List<Path> all() {
        try (Stream<Path> files = Files.list(sharedDir().resolve("corpus/seeds"))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed whose file name starts with {@code prefix}, e.g. {@code "002"}. */
    public static Path byPrefix(String prefix) {
        return all().stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seed " + prefix));
    }

    public static String text(String prefix) {
        try {
            return Files.readString(byPrefix(prefix), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
