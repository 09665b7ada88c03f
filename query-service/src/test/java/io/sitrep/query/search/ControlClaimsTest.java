package io.sitrep.query.search;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ControlClaimsTest {

    @Test
    void onlyAControlPhraseBetweenActorAndPlaceIsAClaim() {
        assertThat(ControlClaims.verb(" captured ", true)).isEqualTo("captured");
        assertThat(ControlClaims.verb("'s forces have now taken control of the town of ", true)).isEqualTo("taken");
        assertThat(ControlClaims.verb(" fighters took ", true)).isEqualTo("took");
        assertThat(ControlClaims.verb(" holds ", true)).isEqualTo("holds");
        assertThat(ControlClaims.verb(" remains under the control of the ", false)).isEqualTo("control");
        assertThat(ControlClaims.verb(" has been recaptured by ", false)).isEqualTo("recaptured");
        assertThat(ControlClaims.verb(" was held by ", false)).isEqualTo("held");
        // Negations, other verbs, other clauses, and the wrong direction are no claims.
        for (String gap : List.of(" did not capture ", " never held ", " failed to take ", " visited ", " said it captured ",
                " and ", " could capture ", " captured the outskirts of ", "")) {
            assertThat(ControlClaims.verb(gap, true)).as(gap).isNull();
        }
        for (String gap : List.of(" was visited by the ", " was not captured by ", " is near ", " captured ")) {
            assertThat(ControlClaims.verb(gap, false)).as(gap).isNull();
        }
        assertThat(ControlClaims.verb(" remains under the control of the ", true)).isNull();
        assertThat(ControlClaims.verb(" " + "x".repeat(ControlClaims.MAX_GAP) + " took ", true)).isNull();
    }

    static ControlClaims.Claim claim(String source, long actor, String at) {
        return new ControlClaims.Claim(UUID.randomUUID(), null, source, at == null ? null : Instant.parse(at), actor,
                "actor " + actor, "took", 0, 10, "A took B.");
    }

    @Test
    void differentSourcesNamingDifferentActorsWithinTheWindowConflict() {
        ControlClaims.Claim a = claim("Wire", 1, "2024-06-12T10:00:00Z");
        ControlClaims.Claim b = claim("Post", 2, "2024-06-11T04:00:00Z");
        ControlClaims.Claim sameSource = claim("Wire", 2, "2024-06-11T06:00:00Z");
        ControlClaims.Claim sameActor = claim("Herald", 1, "2024-06-11T06:00:00Z");
        ControlClaims.Claim late = claim("Herald", 2, "2024-07-30T00:00:00Z");
        ControlClaims.Claim undated = claim("Gazette", 3, null);
        ControlClaims.Claim again = claim("Post", 2, "2024-06-10T04:00:00Z");
        List<ControlClaims.Claim> claims = List.of(a, b, sameSource, sameActor, late, undated, again);
        List<ControlClaims.Conflict> week = ControlClaims.conflicts(claims, Duration.ofDays(7), 20);
        // Wire/1 vs Post/2 once (not again for the older Post claim), Post/2 vs Herald/1, Wire/2 vs Herald/1.
        assertThat(week).extracting(c -> c.a().source() + "/" + c.a().actorId() + "-" + c.b().source() + "/" + c.b().actorId())
                .containsExactly("Wire/1-Post/2", "Post/2-Herald/1", "Wire/2-Herald/1");
        assertThat(ControlClaims.conflicts(claims, Duration.ofDays(1), 20)).extracting(c -> c.b().source())
                .containsExactly("Herald", "Herald");
        assertThat(ControlClaims.conflicts(claims, Duration.ofDays(7), 1)).hasSize(2);
    }
}
