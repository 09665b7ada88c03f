package io.sitrep.entities.nlp;

import java.time.LocalDate;

/**
 * A date expression resolved against a reference date. {@code date} is the (first) day meant;
 * {@code lastDay} is the inclusive last day for ranges ("last week", "May 2022") and equals {@code date}
 * for single days. Offsets are UTF-16, end exclusive. {@code rule} names the rule that matched.
 */
public record DateMention(int start, int end, String surface, LocalDate date, LocalDate lastDay,
                          LocalDate reference, String rule) {
}
