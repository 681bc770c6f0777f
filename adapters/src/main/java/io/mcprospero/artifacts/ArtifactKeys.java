package io.mcprospero.artifacts;

import java.util.regex.Pattern;

/** The shape of artifact keys: a relative path that names a file under a directory and an object in a bucket alike. */
public final class ArtifactKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,7}");

    private ArtifactKeys() {
    }

    /** Returns the key when it is well formed; throws IllegalArgumentException otherwise (a key is the server's, never a caller's). */
    public static String checked(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not an artifact key: " + key);
        }
        return key;
    }
}
