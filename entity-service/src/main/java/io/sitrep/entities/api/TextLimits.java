package io.sitrep.entities.api;

import jakarta.ws.rs.WebApplicationException;

final class TextLimits {

    private TextLimits() {
    }

    static void check(String text, int maxChars, String path) {
        if (text.length() > maxChars) {
            throw new WebApplicationException(ProblemMapper.respond(Problem.of("text-too-long", "Content Too Large", 413,
                    "The text has " + text.length() + " characters; the limit is " + maxChars, path)));
        }
    }
}
