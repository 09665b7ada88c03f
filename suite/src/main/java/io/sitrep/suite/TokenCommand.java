package io.sitrep.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/token ROLE...}: prints a bearer token from the local suite's issuer (.sitrep/auth, the key
 * pair {@code bin/run-local} made), valid for 12 hours. Without roles: every person role.
 */
public final class TokenCommand {

    private static final List<String> ROLES = List.of("reader", "ingester", "curator", "admin", "service");

    private TokenCommand() {
    }

    public static void main(String[] args) {
        for (String role : args) {
            if (!ROLES.contains(role)) {
                System.err.println("unknown role " + role + "; roles: " + String.join(", ", ROLES));
                System.exit(2);
            }
        }
        Path root = Path.of(System.getProperty("sitrep.root", ".")).toAbsolutePath().normalize();
        String[] roles = args.length == 0 ? LocalAuth.PERSON_ROLES : args;
        String subject = "local-" + String.join("-", Arrays.asList(roles));
        System.out.println(LocalAuth.in(root.resolve(".sitrep/auth")).token(subject, Duration.ofHours(12), roles));
    }
}
