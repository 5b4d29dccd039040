package com.huleedu.commoncore.testing.childjvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huleedu.commoncore.testing.BrokerStartException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up failure of a dedicated child-JVM broker, separate from the shared one. */
class ChildJvmKafkaBrokerTest {

  @Test
  void failedStartShowsBrokerLog() {
    // The format tool accepts this setting, but the broker fails when it loads the authorizer.
    Map<String, String> overrides =
        Map.of("authorizer.class.name", "com.example.MissingAuthorizer");

    BrokerStartException failure =
        catchThrowableOfType(
            BrokerStartException.class,
            () -> ChildJvmKafkaBroker.start(overrides, ChildJvmKafkaBroker.DEFAULT_START_TIMEOUT));

    try {
      assertThat(failure).isNotNull();
      assertThat(failure.getMessage()).contains("process exited during start-up");
      assertThat(failure.getMessage()).contains("Last 40 lines of the broker log");
      assertThat(failure.getMessage()).contains("com.example.MissingAuthorizer");
      assertThat(failure.getMessage()).contains("What to check");
      assertThat(failure.logFile()).isPresent();
      assertThat(failure.logFile().get()).exists();
    } finally {
      if (failure != null) {
        failure.logFile().map(Path::getParent).ifPresent(BrokerDirectory::deleteRecursively);
      }
    }
  }
}
