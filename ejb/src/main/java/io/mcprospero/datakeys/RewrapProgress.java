package io.mcprospero.datakeys;

/**
 * Told before each page of a re-wrap (and once more at the end) how many data keys are done; answers whether to go on. Stopping between pages
 * leaves every row whole (each is re-wrapped in its own update), and running the rotation again finishes the rest.
 */
@FunctionalInterface
public interface RewrapProgress {

    RewrapProgress UNWATCHED = done -> true;

    boolean goOn(int done);
}
