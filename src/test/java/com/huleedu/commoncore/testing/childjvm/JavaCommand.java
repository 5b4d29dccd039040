package com.huleedu.commoncore.testing.childjvm;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line for a child JVM that runs a main class from the test JVM's own classpath. Stateless.
 */
final class JavaCommand {

    private JavaCommand() {}

    /**
     * Returns the {@code java} executable of the running JVM: {@code java.home/bin/java}, or the
     * command of the current process if that file is missing.
     */
    static Path javaExecutable() {
        String name = System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java";
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", name);
        if (Files.isExecutable(fromHome)) {
            return fromHome;
        }
        return ProcessHandle.current()
                .info()
                .command()
                .map(Path::of)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "No java executable found at "
                                                + fromHome
                                                + " or in the process info"));
    }

    /**
     * Returns the test JVM's classpath for the child: {@code java.class.path} unchanged, or the
     * URLs of the loader of this class when that is a {@link URLClassLoader}.
     *
     * <p>Surefire starts tests with a manifest-only jar whose {@code Class-Path} attribute lists
     * the real entries, and the child JVM follows that attribute just like the parent did. IDEs
     * pass a plain list, which works the same way. exec:java (exec-maven-plugin 3.7.0) runs the
     * project in the Maven JVM from a {@link URLClassLoader}, where {@code java.class.path} lists
     * only Maven's launcher jars, so the loader's URLs are used instead.
     */
    static String classPath() {
        if (JavaCommand.class.getClassLoader() instanceof URLClassLoader loader) {
            String fromLoader = classPathOf(loader);
            if (!fromLoader.isBlank()) {
                return fromLoader;
            }
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isBlank()) {
            throw new IllegalStateException(
                    "java.class.path is empty, so the broker's child JVM cannot find the Kafka"
                        + " classes");
        }
        return classPath;
    }

    /**
     * Returns the local files and directories among the loader's URLs, joined by the path
     * separator.
     */
    static String classPathOf(URLClassLoader loader) {
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            if ("file".equals(url.getProtocol())) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // Skipped, because the child JVM cannot use a URL that is not a plain file path
                    // either.
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Builds {@code java <jvmOptions> -cp <test classpath> <mainClass> <arguments>}. */
    static List<String> build(List<String> jvmOptions, String mainClass, List<String> arguments) {
        return build(jvmOptions, classPath(), mainClass, arguments);
    }

    /** Builds {@code java <jvmOptions> -cp <classPath> <mainClass> <arguments>}. */
    static List<String> build(
            List<String> jvmOptions, String classPath, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}
