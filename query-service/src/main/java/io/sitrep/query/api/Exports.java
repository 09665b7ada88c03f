package io.sitrep.query.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** CSV (RFC 4180) and NDJSON writing for the streamed exports. */
final class Exports {

    private Exports() {
    }

    static boolean isCsv(String path, String format) {
        String f = format == null ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "csv" -> true;
            case "ndjson" -> false;
            default -> throw ApiErrors.badRequest(path, "format", "must be csv or ndjson");
        };
    }

    /** json null: a CSV line; else one NDJSON line. */
    static void write(Writer w, ObjectMapper json, Map<String, Object> row) throws IOException {
        if (json == null) {
            csvLine(w, row.values());
        } else {
            w.write(json.writeValueAsString(row));
            w.write('\n');
        }
    }

    static void csvLine(Writer w, Collection<?> values) throws IOException {
        boolean first = true;
        for (Object v : values) {
            if (!first) {
                w.write(',');
            }
            first = false;
            if (v == null) {
                continue;
            }
            String s = v.toString();
            // A leading =, +, - or @ would run as a formula in a spreadsheet.
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                w.write('"');
                w.write(s.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(s);
            }
        }
        w.write("\r\n");
    }
}
