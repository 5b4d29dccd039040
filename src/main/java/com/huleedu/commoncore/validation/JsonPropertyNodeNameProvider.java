package com.huleedu.commoncore.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Names violation paths after JSON keys rather than Java names, so that a violation reads
 * {@code data.source_text} where the record component is {@code sourceText}.
 *
 * <p>A {@link JsonProperty} value wins; otherwise the Java name is translated to snake_case,
 * the naming strategy of the codec's {@code ObjectMapper}.
 */
final class JsonPropertyNodeNameProvider implements PropertyNodeNameProvider {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private final ConcurrentMap<String, String> cache = new ConcurrentHashMap<>();

    @Override
    public String getName(Property property) {
        if (property instanceof JavaBeanProperty beanProperty) {
            String key = beanProperty.getDeclaringClass().getName() + '#' + property.getName();
            return cache.computeIfAbsent(key, ignored -> jsonName(beanProperty));
        }
        return SNAKE_CASE.translate(property.getName());
    }

    private static String jsonName(JavaBeanProperty property) {
        try {
            Field field = property.getDeclaringClass().getDeclaredField(property.getName());
            JsonProperty annotation = field.getAnnotation(JsonProperty.class);
            if (annotation != null && !annotation.value().isEmpty()) {
                return annotation.value();
            }
        } catch (NoSuchFieldException e) {
            // A getter without a field of the same name: fall back to the naming strategy.
        }
        return SNAKE_CASE.translate(property.getName());
    }
}
