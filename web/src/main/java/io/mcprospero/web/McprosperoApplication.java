package io.mcprospero.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
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
}
