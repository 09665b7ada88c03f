package io.sitrep.query.security;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

import java.util.Set;

/**
 * Reads an empty key location ({@code SITREP_AUTH_PUBLIC_KEY_LOCATION=""}, a common slip in a Kubernetes
 * manifest or a shell) as "not configured", like an unset one. Without it smallrye-jwt stops the start with
 * "Failed to load config value of type class java.lang.String", before {@link AuthConfigurationCheck} could say
 * which variable to set.
 */
@Priority(Priorities.APPLICATION)
public class EmptyAuthKeyInterceptor implements ConfigSourceInterceptor {

    private static final Set<String> KEY_LOCATIONS = Set.of("mp.jwt.verify.publickey.location",
            "smallrye.jwt.sign.key.location");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null && KEY_LOCATIONS.contains(name) && (value.getValue() == null || value.getValue().isBlank())) {
            return value.withValue("NONE");
        }
        return value;
    }
}
