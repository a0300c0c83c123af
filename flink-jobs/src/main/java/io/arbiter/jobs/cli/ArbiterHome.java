package io.arbiter.jobs.cli;

import java.nio.file.Path;

/**
 * The installation folder (bin/arbiter passes it as {@code -Darbiter.home}), against which the
 * defaults it ships ({@code conf/}, {@code data/}) are found; paths a user types stay relative to
 * the folder they typed them in.
 */
public final class ArbiterHome {

    public static final String PROPERTY = "arbiter.home";

    private ArbiterHome() {}

    public static Path resolve(String relative) {
        return Path.of(System.getProperty(PROPERTY, ".")).resolve(relative).normalize();
    }
}
