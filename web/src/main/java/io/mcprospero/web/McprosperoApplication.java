package io.mcprospero.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application: bearer tokens are verified by MicroProfile JWT. (The database is defined in
 * web.xml from configuration, see DerivedConfigSource.)
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("user")
public class McprosperoApplication extends Application {

    /**
     * Jersey features this application does not use, off: no WADL (nothing reads it, and it would describe every
     * resource to anyone who sends OPTIONS or asks for /application.wadl), no MOXy JSON (JSON here is JSON-P), no
     * Bean Validation of resource methods (input is validated where it is read). Each would otherwise be set up at
     * every start.
     */
    private static final Map<String, Object> PROPERTIES = Map.of(
            "jersey.config.server.wadl.disableWadl", true,
            "jersey.config.server.disableMoxyJson", true,
            "jersey.config.beanValidation.disable.server", true);

    @Override
    public Map<String, Object> getProperties() {
        return PROPERTIES;
    }
}
