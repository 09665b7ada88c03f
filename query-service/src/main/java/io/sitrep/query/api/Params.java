package io.sitrep.query.api;

import java.util.ArrayList;
import java.util.List;

/** Query parameters parsed by hand, so that a malformed value is a 400 problem and not a 404. */
final class Params {

    private Params() {
    }

    static List<Long> ids(String path, String name, List<String> values, int max) {
        List<Long> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (String v : values) {
            for (String part : v.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    out.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw ApiErrors.badRequest(path, name, "must be an entity id (a whole number)");
                }
            }
        }
        if (out.size() > max) {
            throw ApiErrors.badRequest(path, name, "at most " + max + " values");
        }
        return out;
    }

    static Long id(String path, String name, String value) {
        List<Long> ids = ids(path, name, value == null ? null : List.of(value), 1);
        return ids.isEmpty() ? null : ids.get(0);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
