package io.mcprospero.bench.hello;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The whole baseline application: JAX-RS on the root path, no security, no filters. */
@ApplicationPath("/")
public class HelloApplication extends Application {
}
