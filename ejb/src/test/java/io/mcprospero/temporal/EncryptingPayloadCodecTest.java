package io.mcprospero.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.mcprospero.datakeys.DataKeyCache;
import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.kms.CountingKeyManagement;
import io.mcprospero.kms.KeyManagementFixture;
import io.mcprospero.testing.Bytes;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Temporal payloads leave encrypted and come back exactly; altered ones are refused. */
class EncryptingPayloadCodecTest {

    private static final String TOKEN = "xoxb-secret-slack-token-in-an-activity-input";

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void aPayloadIsEncryptedOnTheWayOutAndRestoredOnTheWayIn(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            EncryptingPayloadCodec codec = codec(new CountingKeyManagement(fixture.keys()));
            Payload plain = payload(TOKEN);

            List<Payload> encoded = codec.encode(List.of(plain));

            assertThat(encoded.get(0).getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
            assertThat(Bytes.contains(encoded.get(0).toByteArray(), TOKEN.getBytes(StandardCharsets.UTF_8))).isFalse();
            assertThat(codec.decode(encoded)).containsExactly(plain);
            assertThat(codec(new CountingKeyManagement(fixture.keys())).decode(encoded)).as("decoded by a cold instance").containsExactly(plain);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void manyPayloadsShareOneDataKeyWithinTheCacheLimits(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            CountingKeyManagement keys = new CountingKeyManagement(fixture.keys());
            EncryptingPayloadCodec codec = codec(keys);

            for (int i = 0; i < 200; i++) {
                codec.decode(codec.encode(List.of(payload("input " + i), payload("result " + i))));
            }

            assertThat(keys.calls()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void anAlteredPayloadIsRefusedWithoutItsContent(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            EncryptingPayloadCodec codec = codec(new CountingKeyManagement(fixture.keys()));
            Payload encoded = codec.encode(List.of(payload(TOKEN))).get(0);
            byte[] data = encoded.getData().toByteArray();
            data[data.length - 1] ^= 0x01;
            Payload altered = encoded.toBuilder().setData(ByteString.copyFrom(data)).build();

            assertThatThrownBy(() -> codec.decode(List.of(altered)))
                    .isInstanceOf(PayloadCodecException.class)
                    .hasMessage("an encrypted Temporal payload cannot be decrypted: it was altered");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void payloadsWrittenBeforeEncryptionPassThrough(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            Payload old = payload("written before encryption was enabled");

            assertThat(codec(new CountingKeyManagement(fixture.keys())).decode(List.of(old))).containsExactly(old);
        }
    }

    static EncryptingPayloadCodec codec(CountingKeyManagement keys) {
        return new EncryptingPayloadCodec(new DataKeys(keys, new DataKeyCache(1000, Duration.ofMinutes(5), 10_000, Clock.systemUTC())));
    }

    private static Payload payload(String value) {
        return DefaultDataConverter.STANDARD_INSTANCE.toPayload(value).orElseThrow();
    }
}
