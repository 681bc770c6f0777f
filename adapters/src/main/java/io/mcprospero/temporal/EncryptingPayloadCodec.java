package io.mcprospero.temporal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.mcprospero.kms.AesGcm;
import io.mcprospero.kms.DataKeyRefused;
import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.kms.EnvelopeKeys;
import io.mcprospero.kms.SealingKey;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.crypto.AEADBadTagException;

/**
 * Encrypts every Temporal payload (workflow and activity inputs and results, signals, failure details)
 * before it leaves for the Temporal service, so that tokens and message content never rest there in clear.
 * Envelope encryption with the secrets' key management: a data key shared by payloads for a while (bounded
 * like the cache), AES-256-GCM, the data key encrypted by the KMS and carried in the payload's metadata.
 *
 * <p>Payloads written before encryption was enabled (no {@code binary/encrypted} encoding) pass through.
 */
public final class EncryptingPayloadCodec implements PayloadCodec {

    static final ByteString ENCODING = ByteString.copyFromUtf8("binary/encrypted");
    static final String METADATA_ENCODING = "encoding";
    static final String METADATA_DATA_KEY = "encryption-data-key";
    static final String METADATA_KEY_ID = "encryption-key-id";
    /** Temporal payloads belong to no single org: they are bound to their purpose instead. */
    private static final EncryptionContext CONTEXT = EncryptionContext.of("purpose", "temporal-payload");
    private static final byte[] ADDITIONAL_DATA = CONTEXT.canonical();

    private final EnvelopeKeys dataKeys;

    public EncryptingPayloadCodec(EnvelopeKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    @Override
    public List<Payload> encode(List<Payload> payloads) {
        if (payloads.isEmpty()) {
            return payloads;
        }
        SealingKey key = dataKeys.shared(CONTEXT);
        return payloads.stream().map(payload -> encrypt(payload, key)).toList();
    }

    @Override
    public List<Payload> decode(List<Payload> payloads) {
        return payloads.stream().map(this::decrypt).toList();
    }

    private static Payload encrypt(Payload payload, SealingKey key) {
        byte[] nonce = AesGcm.newNonce();
        byte[] ciphertext = AesGcm.seal(key.key(), nonce, payload.toByteArray(), ADDITIONAL_DATA);
        return Payload.newBuilder()
                .putMetadata(METADATA_ENCODING, ENCODING)
                .putMetadata(METADATA_DATA_KEY, ByteString.copyFrom(key.encrypted().ciphertext()))
                .putMetadata(METADATA_KEY_ID, ByteString.copyFromUtf8(key.encrypted().keyId()))
                .setData(ByteString.copyFrom(nonce).concat(ByteString.copyFrom(ciphertext)))
                .build();
    }

    private Payload decrypt(Payload payload) {
        if (!ENCODING.equals(payload.getMetadataOrDefault(METADATA_ENCODING, ByteString.EMPTY))) {
            return payload;
        }
        try {
            EncryptedDataKey dataKey = new EncryptedDataKey(payload.getMetadataOrThrow(METADATA_DATA_KEY).toByteArray(),
                    payload.getMetadataOrThrow(METADATA_KEY_ID).toString(StandardCharsets.UTF_8));
            byte[] data = payload.getData().toByteArray();
            if (data.length < AesGcm.NONCE_BYTES) {
                throw new PayloadCodecException("an encrypted Temporal payload is too short to hold a nonce");
            }
            byte[] plaintext = AesGcm.open(dataKeys.unwrap(dataKey, CONTEXT), Arrays.copyOf(data, AesGcm.NONCE_BYTES),
                    Arrays.copyOfRange(data, AesGcm.NONCE_BYTES, data.length), ADDITIONAL_DATA);
            return Payload.parseFrom(plaintext);
        } catch (IllegalArgumentException e) {
            throw new PayloadCodecException("an encrypted Temporal payload lacks its data key metadata");
        } catch (DataKeyRefused e) {
            throw new PayloadCodecException("an encrypted Temporal payload cannot be decrypted: " + e.getMessage());
        } catch (AEADBadTagException e) {
            throw new PayloadCodecException("an encrypted Temporal payload cannot be decrypted: it was altered");
        } catch (InvalidProtocolBufferException e) {
            throw new PayloadCodecException("a decrypted Temporal payload is not a payload");
        }
    }
}
