package io.arbiter.localkafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM. The classpath goes into a java {@code @argfile} because a
 * Maven classpath runs to many kilobytes, which breaks some native libraries (STACK.md trap 1) and
 * makes {@code ps} output useless.
 */
final class ChildJvm {

    private ChildJvm() {}

    static List<String> command(
            Path argFile,
            String classpath,
            List<String> jvmOptions,
            String mainClass,
            List<String> args)
            throws IOException {
        Files.writeString(argFile, "-cp\n" + quote(classpath) + "\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add("@" + argFile);
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The java of the running JVM, so the child runs on the same version as its parent. */
    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * In an argfile, quotes keep spaces inside one argument and backslash escapes inside quotes.
     */
    static String quote(String arg) {
        return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
