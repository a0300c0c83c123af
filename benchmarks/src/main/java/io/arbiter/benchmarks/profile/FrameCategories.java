package io.arbiter.benchmarks.profile;

import java.util.List;
import java.util.Set;

/**
 * Turns one sampled stack into the operator (or library) that was using the CPU, so that samples of
 * a whole job add up to "which operator, which share". Operators are Arbiter classes that Flink
 * calls; time spent below them in ONNX Runtime, Avro, Kafka or Flink's serialisation and state code
 * gets a second-level label, because that is what an optimisation would target.
 */
public final class FrameCategories {

    /** The second-level separator in a category: {@code ScoringOperator › ONNX Runtime}. */
    public static final String SUB = " › ";

    public static final String ONNX = "ONNX Runtime";
    public static final String ONNX_INFERENCE = "ONNX Runtime inference";
    public static final String AVRO = "Avro";
    public static final String KAFKA = "Kafka client";
    public static final String FLINK_NETWORK = "Flink network and serialization";
    public static final String FLINK_STATE = "Flink checkpoints and state";
    public static final String FLINK_OTHER = "Flink runtime (other)";
    public static final String OTHER = "Other";

    private static final String ARBITER = "io.arbiter.";

    /**
     * Flink hands a record to the next operator of a chain through these, on the same stack. An
     * Arbiter frame outside the innermost of them is an upstream operator waiting for the call to
     * return, not the one doing the work.
     */
    private static final Set<String> CHAIN_HANDOVER =
            Set.of(
                    "org.apache.flink.streaming.runtime.tasks.ChainingOutput",
                    "org.apache.flink.streaming.runtime.tasks.CopyingChainingOutput");

    private static final List<String> JDK_PREFIXES =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** Library prefixes, most specific first (the generic Flink prefix must come last). */
    private static final List<String[]> LIBRARIES =
            List.of(
                    new String[] {"ai.onnxruntime.", ONNX_INFERENCE},
                    new String[] {"org.apache.avro.", AVRO},
                    new String[] {"org.apache.flink.formats.avro.", AVRO},
                    new String[] {"org.apache.kafka.", KAFKA},
                    // The connector's own code is the Kafka client's glue: polling, record
                    // emitting, transactions.
                    new String[] {"org.apache.flink.connector.kafka.", KAFKA},
                    new String[] {"org.apache.flink.runtime.io.network.", FLINK_NETWORK},
                    new String[] {"org.apache.flink.streaming.runtime.io.", FLINK_NETWORK},
                    new String[] {
                        "org.apache.flink.streaming.runtime.streamrecord.", FLINK_NETWORK
                    },
                    new String[] {"org.apache.flink.api.common.typeutils.", FLINK_NETWORK},
                    new String[] {"org.apache.flink.api.java.typeutils.", FLINK_NETWORK},
                    new String[] {"org.apache.flink.runtime.plugable.", FLINK_NETWORK},
                    new String[] {"org.apache.flink.core.memory.", FLINK_NETWORK},
                    new String[] {"org.apache.flink.shaded.netty4.", FLINK_NETWORK},
                    new String[] {"org.apache.flink.runtime.checkpoint.", FLINK_STATE},
                    new String[] {"org.apache.flink.runtime.state.", FLINK_STATE},
                    new String[] {"org.apache.flink.state.", FLINK_STATE},
                    new String[] {"org.apache.flink.contrib.streaming.state.", FLINK_STATE},
                    new String[] {"org.rocksdb.", FLINK_STATE},
                    new String[] {"org.apache.flink.", FLINK_OTHER});

    /**
     * Native waits that the JVM reports as RUNNABLE although the thread uses no CPU: counting them
     * would credit an idle Kafka or Netty thread with work.
     */
    private static final Set<String> IDLE_TOP_FRAMES =
            Set.of(
                    "sun.nio.ch.EPoll.wait",
                    "sun.nio.ch.EPollArrayWrapper.epollWait",
                    "sun.nio.ch.KQueue.poll",
                    "sun.nio.ch.WEPoll.wait",
                    "sun.nio.ch.Net.poll",
                    "sun.nio.ch.Net.accept",
                    "sun.nio.ch.SocketDispatcher.read0",
                    "sun.nio.ch.ServerSocketChannelImpl.accept0",
                    "java.net.SocketInputStream.socketRead0",
                    "java.net.PlainSocketImpl.socketAccept",
                    "jdk.internal.misc.Unsafe.park",
                    "sun.misc.Unsafe.park");

    private FrameCategories() {}

    /**
     * Whether a RUNNABLE thread with this stack (innermost frame first) is really waiting in native
     * code. An empty stack is idle too: there is nothing to attribute it to.
     */
    public static boolean isIdle(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return true;
        }
        StackTraceElement top = stack[0];
        String className = top.getClassName();
        if (IDLE_TOP_FRAMES.contains(className + "." + top.getMethodName())) {
            return true;
        }
        // Flink's shaded Netty (and plain Netty) wait in their own JNI epoll binding.
        return className.endsWith("netty.channel.epoll.Native")
                && top.getMethodName().equals("epollWait");
    }

    /**
     * The category of a busy stack (innermost frame first): the Arbiter operator doing the work,
     * with {@code › library} when the innermost library frame under it is ONNX Runtime, Avro, Kafka
     * or Flink's serialisation or state code; without an Arbiter operator, the library of the
     * innermost non-JDK frame.
     */
    public static String categoryOf(StackTraceElement[] stack) {
        int handover = stack.length;
        for (int i = 0; i < stack.length; i++) {
            if (CHAIN_HANDOVER.contains(stack[i].getClassName())) {
                handover = i;
                break;
            }
        }
        // The outermost Arbiter frame inside the innermost chain hand-over is the function Flink
        // called for this record; frames inside it are that operator's helpers.
        int operator = -1;
        for (int i = handover - 1; i >= 0; i--) {
            if (stack[i].getClassName().startsWith(ARBITER)) {
                operator = i;
                break;
            }
        }
        if (operator < 0) {
            String library = innermostLibrary(stack, stack.length);
            return library == null ? OTHER : library;
        }
        String name = simpleName(stack[operator].getClassName());
        String library = innermostLibrary(stack, operator);
        if (library == null || library.equals(FLINK_OTHER) || library.equals(OTHER)) {
            // Flink's collector and timer glue under an operator is part of that operator's cost.
            return name;
        }
        return name + SUB + (library.equals(ONNX_INFERENCE) ? ONNX : library);
    }

    /**
     * The library label of the innermost frame in {@code stack[0, end)} that is neither JDK nor
     * Arbiter code, or null when there is none. ONNX Runtime wins wherever it appears, since a
     * native inference call is the whole of the time spent beneath it.
     */
    private static String innermostLibrary(StackTraceElement[] stack, int end) {
        String innermost = null;
        for (int i = 0; i < end; i++) {
            String className = stack[i].getClassName();
            if (className.startsWith("ai.onnxruntime.")) {
                return ONNX_INFERENCE;
            }
            if (innermost == null && !isJdk(className) && !className.startsWith(ARBITER)) {
                innermost = libraryOf(className);
            }
        }
        return innermost;
    }

    private static String libraryOf(String className) {
        for (String[] library : LIBRARIES) {
            if (className.startsWith(library[0])) {
                return library[1];
            }
        }
        return OTHER;
    }

    private static boolean isJdk(String className) {
        for (String prefix : JDK_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code io.arbiter.x.Outer$Inner$1} → {@code Outer.Inner}: anonymous classes and lambdas are
     * named after the class that declares them.
     */
    static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        // Lambda classes carry a "/0x…" suffix after the last dot-free part; drop it first.
        int slash = simple.indexOf('/');
        if (slash >= 0) {
            simple = simple.substring(0, slash);
        }
        StringBuilder name = new StringBuilder();
        for (String part : simple.split("\\$")) {
            if (part.isEmpty() || Character.isDigit(part.charAt(0)) || part.startsWith("Lambda")) {
                continue;
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(part);
        }
        return name.length() == 0 ? simple : name.toString();
    }
}
