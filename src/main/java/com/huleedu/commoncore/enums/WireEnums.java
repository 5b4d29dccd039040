package com.huleedu.commoncore.enums;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lookup from wire value to constant for {@link WireEnum} types, built once per enum class.
 *
 * <p>Thread-safe. Lookups are exact and case-sensitive, as in the Python services.
 */
public final class WireEnums {

    private static final ClassValue<Lookup> LOOKUPS = new ClassValue<>() {
        @Override
        protected Lookup computeValue(Class<?> type) {
            return new Lookup(type);
        }
    };

    private WireEnums() {
    }

    /**
     * Returns the constant of {@code type} whose wire value is {@code value}.
     *
     * @param type the enum class
     * @param value the wire value read from JSON
     * @param <E> the enum type
     * @return the matching constant
     * @throws UnknownWireValueException if no constant has that wire value, with the known values
     */
    public static <E extends Enum<E> & WireEnum> E fromWireValue(Class<E> type, String value) {
        Lookup lookup = LOOKUPS.get(type);
        Object constant = value == null ? null : lookup.byValue.get(value);
        if (constant == null) {
            throw new UnknownWireValueException(type, value, lookup.values);
        }
        return type.cast(constant);
    }

    /**
     * Returns the wire values of {@code type} in declaration order.
     *
     * @param type the enum class
     * @return an immutable list of wire values
     */
    public static List<String> wireValues(Class<? extends WireEnum> type) {
        return LOOKUPS.get(type).values;
    }

    private static final class Lookup {
        private final Map<String, Object> byValue = new HashMap<>();
        private final List<String> values;

        Lookup(Class<?> type) {
            List<String> ordered = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                String wire = ((WireEnum) constant).wireValue();
                if (byValue.put(wire, constant) != null) {
                    throw new IllegalStateException("duplicate wire value '" + wire + "' in " + type.getName());
                }
                ordered.add(wire);
            }
            this.values = List.copyOf(ordered);
        }
    }
}
