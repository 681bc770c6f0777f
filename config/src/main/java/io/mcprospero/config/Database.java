package io.mcprospero.config;

import java.util.Locale;

/** The relational databases MCProspero runs on, recognised from a JDBC URL. */
public enum Database {
    H2("org.h2.jdbcx.JdbcDataSource", "sa"),
    POSTGRESQL("org.postgresql.ds.PGSimpleDataSource", "mcprospero");

    private final String dataSourceClass;
    private final String defaultUser;

    Database(String dataSourceClass, String defaultUser) {
        this.dataSourceClass = dataSourceClass;
        this.defaultUser = defaultUser;
    }

    public static Database of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("mcprospero.db.url must be a jdbc:postgresql: URL (or unset for the embedded H2 database); got '"
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***") + "'");
    }

    public String dataSourceClass() {
        return dataSourceClass;
    }

    public String defaultUser() {
        return defaultUser;
    }
}
