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

    private static final java.util.regex.Pattern UUID_FORM =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A UUID in its canonical 36-character form, or null when absent; anything else is a 400. */
    static java.util.UUID uuid(String path, String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (!UUID_FORM.matcher(v).matches()) {
            throw ApiErrors.badRequest(path, name, "must be a UUID (3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d)");
        }
        return java.util.UUID.fromString(v);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
