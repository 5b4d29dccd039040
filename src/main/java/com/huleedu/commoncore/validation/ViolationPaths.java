package com.huleedu.commoncore.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.huleedu.commoncore.enums.WireEnum;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the JSON path of a constraint violation, in the form the codec's decoding errors use:
 * {@code data.entity_id}, {@code data.storage_references.corrected_text}, {@code data.items[2]}.
 *
 * <p>Hibernate Validator's own path string names container elements ({@code <map value>}) and
 * writes map keys with {@code toString()}, which for a {@link WireEnum} key is the constant
 * name, not the JSON key. A rule on a {@link JsonIgnore}d method, such as an
 * {@code @AssertTrue isCountConsistent()} that checks several fields, has no JSON key of its
 * own, so it is reported at the object that contains it.
 */
final class ViolationPaths {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE = new PropertyNamingStrategies.SnakeCaseStrategy();

    /** Node names of the {@link JsonIgnore}d getters of each class, as the node name provider writes them. */
    private static final ClassValue<Set<String>> IGNORED_GETTERS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return ignoredGetterNames(type);
        }
    };

    private ViolationPaths() {
    }

    /**
     * Returns the JSON path of a violation of a payload, starting at {@code data}.
     */
    static String of(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder path = new StringBuilder("data");
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.isInIterable()) {
                appendElement(path, node);
            }
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.PROPERTY && !(last && isIgnoredGetter(violation.getLeafBean(), node.getName()))) {
                path.append('.').append(node.getName());
            }
        }
        return path.toString();
    }

    private static void appendElement(StringBuilder path, Path.Node node) {
        if (node.getIndex() != null) {
            path.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
            Object key = node.getKey();
            path.append('.').append(key instanceof WireEnum wire ? wire.wireValue() : String.valueOf(key));
        } else {
            // An element of a set or other unordered iterable has no index to name.
            path.append("[]");
        }
    }

    private static boolean isIgnoredGetter(Object leafBean, String name) {
        return leafBean != null && name != null && IGNORED_GETTERS.get(leafBean.getClass()).contains(name);
    }

    private static Set<String> ignoredGetterNames(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Method method : type.getMethods()) {
            JsonIgnore ignore = method.getAnnotation(JsonIgnore.class);
            if (ignore == null || !ignore.value() || method.getParameterCount() != 0) {
                continue;
            }
            String property = propertyName(method.getName());
            if (!property.isEmpty()) {
                names.add(SNAKE_CASE.translate(property));
            }
        }
        return Set.copyOf(names);
    }

    /**
     * Returns the Bean Validation property name of a getter: {@code isCountConsistent} becomes
     * {@code countConsistent}.
     */
    private static String propertyName(String methodName) {
        String rest;
        if (methodName.startsWith("is") && methodName.length() > 2) {
            rest = methodName.substring(2);
        } else if (methodName.startsWith("get") && methodName.length() > 3) {
            rest = methodName.substring(3);
        } else {
            return "";
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }
}
