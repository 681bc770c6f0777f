package io.mcprospero.llm;

import java.util.Objects;
import java.util.function.Supplier;

/** A value made on first use, once, by whichever thread asks first (a provider's client: start-up time matters). */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> factory;
    private volatile T value;

    public Lazy(Supplier<? extends T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(factory.get(), "factory made null");
                    value = made;
                }
            }
        }
        return made;
    }

    public boolean isMade() {
        return value != null;
    }

    /** The value if it was made, for closing it. */
    public java.util.Optional<T> ifMade() {
        return java.util.Optional.ofNullable(value);
    }
}
