package com.huleedu.commoncore.testing;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Duration;

/**
 * JUnit 5 extension that injects the shared {@link KafkaBroker} and an {@link Admin} client into
 * test constructors, lifecycle methods and test methods.
 *
 * <p>The broker starts on first use. Each extension context (a test method, or the class for
 * {@code @BeforeAll} and constructor parameters) gets its own Admin client, which the extension
 * closes when that context ends, so tests must not close it. Stateless and thread-safe.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    /** Creates the extension. JUnit calls this constructor. */
    public KafkaBrokerExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaBroker.class || type == Admin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KafkaBroker broker;
        try {
            broker = KafkaBrokers.shared();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(
                    "No Kafka broker for the test: " + e.getMessage(), e);
        }
        if (parameter.getParameter().getType() == KafkaBroker.class) {
            return broker;
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        AdminResource resource =
                store.computeIfAbsent(
                        AdminResource.class,
                        key -> new AdminResource(broker.createAdmin()),
                        AdminResource.class);
        return resource.admin();
    }

    /** Admin client that JUnit closes with its extension context. */
    private record AdminResource(Admin admin) implements AutoCloseable {
        @Override
        public void close() {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
