package io.mcprospero.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void theDatabaseFollowsFromTheJdbcUrl() {
        assertThat(Database.of("jdbc:h2:file:/tmp/x")).isEqualTo(Database.H2);
        assertThat(Database.of("jdbc:postgresql://db:5432/mcprospero")).isEqualTo(Database.POSTGRESQL);
    }

    @Test
    void anUnsupportedUrlIsRefusedWithoutEchoingAPassword() {
        assertThatThrownBy(() -> Database.of("jdbc:mysql://db/x?user=a&password=hunter2"))
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
    }
}
