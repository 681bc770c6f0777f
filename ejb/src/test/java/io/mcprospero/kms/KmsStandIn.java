package io.mcprospero.kms;

import io.mcprospero.kms.aws.AwsKms;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for AWS KMS that speaks its JSON 1.1 wire protocol ({@code X-Amz-Target:
 * TrentService.GenerateDataKey}, {@code Decrypt}, {@code ReEncrypt}), so that {@link AwsKms} is tested with
 * the real AWS SDK. It does real cryptography: a ciphertext blob is AES-256-GCM under the key's backing key
 * version, with the key id and version in a header and the encryption context bound as additional data.
 * Like KMS, a Decrypt with another context, another key or an altered blob fails with
 * {@code InvalidCiphertextException} (or {@code IncorrectKeyException}), and rotation adds a backing key
 * version to the same key id while the older versions keep decrypting.
 *
 * <p>It does not verify request signatures; it only insists that a request is signed.
 */
public final class KmsStandIn implements AutoCloseable {

    public static final String REGION = "eu-central-1";
    private static final String ACCOUNT = "111122223333";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final byte FORMAT = 1;
    private static final int KEY_ID_LENGTH = 36;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Looked up once: Json.createReader searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** Key id to its backing key versions, oldest first. */
    private final Map<String, List<SecretKey>> keys = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private KmsStandIn(HttpServer server) {
        this.server = server;
    }

    public static KmsStandIn start() {
        // without TCP_NODELAY every small response waits out the client's delayed ACK (~40 ms per call)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            KmsStandIn kms = new KmsStandIn(server);
            server.createContext("/", kms::handle);
            server.setExecutor(kms.threads);
            server.start();
            return kms;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the KMS stand-in", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A new symmetric key with one backing key version, reachable by the alias; returns its ARN. */
    public String createKey(String alias) {
        String keyId = UUID.randomUUID().toString();
        List<SecretKey> versions = new CopyOnWriteArrayList<>();
        versions.add(newBackingKey());
        keys.put(keyId, versions);
        aliases.put("alias/" + alias, keyId);
        return arn(keyId);
    }

    /** Rotates the key material: a new backing key version encrypts from now on, the older ones still decrypt. */
    public void rotate(String keyReference) {
        keys.get(resolve(keyReference)).add(newBackingKey());
    }

    /** Replaces all the key's material, as if this were another account's key of the same name. */
    public void replaceKeyMaterial(String keyReference) {
        List<SecretKey> versions = keys.get(resolve(keyReference));
        versions.replaceAll(old -> newBackingKey());
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
                    throw new KmsError("MissingAuthenticationTokenException", "Request is missing Authentication Token");
                }
                if (target == null || !target.startsWith("TrentService.")) {
                    throw new KmsError("UnknownOperationException", "no X-Amz-Target");
                }
                JsonObject request;
                try (var reader = JSON.createReader(exchange.getRequestBody())) {
                    request = reader.readObject();
                }
                String operation = target.substring("TrentService.".length());
                calls.computeIfAbsent(operation, name -> new AtomicInteger()).incrementAndGet();
                JsonObject response = switch (operation) {
                    case "GenerateDataKey" -> generateDataKey(request);
                    case "Decrypt" -> decrypt(request);
                    case "ReEncrypt" -> reEncrypt(request);
                    default -> throw new KmsError("UnknownOperationException", operation);
                };
                respond(exchange, 200, response);
            } catch (KmsError e) {
                respond(exchange, 400, JSON.createObjectBuilder().add("__type", e.type).add("message", e.getMessage()).build());
            }
        }
    }

    private JsonObject generateDataKey(JsonObject request) {
        String keyId = resolve(required(request, "KeyId"));
        if (!"AES_256".equals(request.getString("KeySpec", "")) && request.getInt("NumberOfBytes", 0) != 32) {
            throw new KmsError("ValidationException", "this stand-in generates AES_256 data keys only");
        }
        byte[] plaintext = new byte[32];
        RANDOM.nextBytes(plaintext);
        return JSON.createObjectBuilder()
                .add("CiphertextBlob", base64(encrypt(keyId, plaintext, context(request, "EncryptionContext"))))
                .add("Plaintext", base64(plaintext))
                .add("KeyId", arn(keyId))
                .build();
    }

    private JsonObject decrypt(JsonObject request) {
        Decrypted decrypted = decrypt(request, "CiphertextBlob", "KeyId", "EncryptionContext");
        return JSON.createObjectBuilder()
                .add("Plaintext", base64(decrypted.plaintext))
                .add("KeyId", arn(decrypted.keyId))
                .add("EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .build();
    }

    private JsonObject reEncrypt(JsonObject request) {
        Decrypted source = decrypt(request, "CiphertextBlob", "SourceKeyId", "SourceEncryptionContext");
        String destination = resolve(required(request, "DestinationKeyId"));
        JsonObjectBuilder response = JSON.createObjectBuilder()
                .add("CiphertextBlob", base64(encrypt(destination, source.plaintext, context(request, "DestinationEncryptionContext"))))
                .add("SourceKeyId", arn(source.keyId))
                .add("KeyId", arn(destination))
                .add("SourceEncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .add("DestinationEncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return response.build();
    }

    private Decrypted decrypt(JsonObject request, String blobField, String keyIdField, String contextField) {
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(required(request, blobField)));
        if (blob.remaining() < 1 + KEY_ID_LENGTH + 4 + 12 + 16 || blob.get() != FORMAT) {
            throw new KmsError("InvalidCiphertextException", null);
        }
        byte[] keyIdBytes = new byte[KEY_ID_LENGTH];
        blob.get(keyIdBytes);
        String keyId = new String(keyIdBytes, StandardCharsets.US_ASCII);
        int version = blob.getInt();
        if (request.containsKey(keyIdField) && !resolve(request.getString(keyIdField)).equals(keyId)) {
            throw new KmsError("IncorrectKeyException",
                    "The key ID in the request does not identify a CMK that can perform this operation.");
        }
        List<SecretKey> versions = keys.get(keyId);
        if (versions == null || version >= versions.size()) {
            throw new KmsError("InvalidCiphertextException", null);
        }
        byte[] nonce = new byte[12];
        blob.get(nonce);
        byte[] ciphertext = new byte[blob.remaining()];
        blob.get(ciphertext);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, versions.get(version), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(header(keyId, version));
            cipher.updateAAD(canonical(context(request, contextField)));
            return new Decrypted(keyId, cipher.doFinal(ciphertext));
        } catch (AEADBadTagException e) {
            throw new KmsError("InvalidCiphertextException", null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] encrypt(String keyId, byte[] plaintext, Map<String, String> context) {
        List<SecretKey> versions = keys.get(keyId);
        int version = versions.size() - 1;
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, versions.get(version), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(header(keyId, version));
            cipher.updateAAD(canonical(context));
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            blob.writeBytes(header(keyId, version));
            blob.writeBytes(nonce);
            blob.writeBytes(cipher.doFinal(plaintext));
            return blob.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] header(String keyId, int version) {
        return ByteBuffer.allocate(1 + KEY_ID_LENGTH + 4).put(FORMAT).put(keyId.getBytes(StandardCharsets.US_ASCII)).putInt(version).array();
    }

    /** The stand-in's own encoding of a context (deliberately not the code under test's). */
    private static byte[] canonical(Map<String, String> context) {
        StringBuilder text = new StringBuilder();
        context.forEach((key, value) -> text.append(key.length()).append(':').append(key).append(value.length()).append(':').append(value));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> context(JsonObject request, String field) {
        Map<String, String> context = new TreeMap<>();
        if (request.containsKey(field)) {
            request.getJsonObject(field).forEach((key, value) -> context.put(key, ((jakarta.json.JsonString) value).getString()));
        }
        return context;
    }

    private String resolve(String reference) {
        String id = reference;
        if (reference.startsWith("arn:aws:kms:")) {
            id = reference.substring(reference.indexOf(':', "arn:aws:kms:".length() + REGION.length() + 1) + 1);
            if (id.startsWith("key/")) {
                id = id.substring("key/".length());
            }
        }
        if (id.startsWith("alias/")) {
            id = aliases.get(id);
        }
        if (id == null || !keys.containsKey(id)) {
            throw new KmsError("NotFoundException", "Key '" + reference + "' does not exist");
        }
        return id;
    }

    private static String arn(String keyId) {
        return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + keyId;
    }

    private static String required(JsonObject request, String field) {
        if (!request.containsKey(field)) {
            throw new KmsError("ValidationException", "1 validation error detected: Value null at '" + field + "' failed to satisfy constraint");
        }
        return request.getString(field);
    }

    private static SecretKey newBackingKey() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return new SecretKeySpec(material, "AES");
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void respond(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Decrypted(String keyId, byte[] plaintext) {
    }

    private static final class KmsError extends RuntimeException {
        private final String type;

        private KmsError(String type, String message) {
            super(message == null ? "" : message, null, false, false);
            this.type = type;
        }
    }
}
