package io.mcprospero.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** Runs a unit of work in one transaction: any exception rolls all of it back, so nothing is half-written. */
@ApplicationScoped
public class Transactions {

    @Transactional(rollbackOn = Exception.class)
    public <T> T inOne(Supplier<T> work) {
        return work.get();
    }
}
