package com.huleedu.commoncore.testing.childjvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line for a child JVM that runs a main class from the test JVM's own classpath.
 * Stateless.
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
                    "No java executable found at " + fromHome + " or in the process info"));
  }

  /**
   * Returns the test JVM's {@code java.class.path}, passed unchanged to the child.
   *
   * <p>Surefire starts tests with a manifest-only jar whose {@code Class-Path} attribute lists
   * the real entries, and the child JVM follows that attribute just like the parent did. Runners
   * that pass a plain list (exec:java, IDEs) work the same way.
   */
  static String classPath() {
    String classPath = System.getProperty("java.class.path", "");
    if (classPath.isBlank()) {
      throw new IllegalStateException(
          "java.class.path is empty, so the broker's child JVM cannot find the Kafka classes");
    }
    return classPath;
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
