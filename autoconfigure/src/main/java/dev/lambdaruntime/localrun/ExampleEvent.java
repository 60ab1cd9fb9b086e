package dev.lambdaruntime.localrun;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;

/**
 * An example event for a function's input type, to show in the curl line of a local run:
 * {@code "hello"} for a {@code String}, a record with each component filled, an empty object when
 * nothing better is known. Written with the application's own JSON mapper, so that its naming
 * settings apply.
 */
final class ExampleEvent {

	private static final String EMPTY_OBJECT = "{}";

	/** How deep records inside records are filled. */
	private static final int MAX_DEPTH = 4;

	private static final Map<Class<?>, Object> SIMPLE_VALUES = Map.ofEntries(Map.entry(String.class, "hello"),
			Map.entry(CharSequence.class, "hello"), Map.entry(int.class, 1), Map.entry(Integer.class, 1),
			Map.entry(long.class, 1L), Map.entry(Long.class, 1L), Map.entry(double.class, 1.0),
			Map.entry(Double.class, 1.0), Map.entry(float.class, 1.0f), Map.entry(Float.class, 1.0f),
			Map.entry(short.class, (short) 1), Map.entry(Short.class, (short) 1), Map.entry(byte.class, (byte) 1),
			Map.entry(Byte.class, (byte) 1), Map.entry(boolean.class, true), Map.entry(Boolean.class, true),
			Map.entry(char.class, 'a'), Map.entry(Character.class, 'a'), Map.entry(BigDecimal.class, BigDecimal.ONE),
			Map.entry(BigInteger.class, BigInteger.ONE));

	private ExampleEvent() {
	}

	/**
	 * Returns an example event for a function input type.
	 * @param inputType the input type, possibly a {@code Message} of it
	 * @param mapper the application's JSON mapper
	 * @return a JSON text, {@code {}} when no better example is known
	 */
	static String forType(ResolvableType inputType, JsonMapper mapper) {
		ResolvableType type = Message.class.isAssignableFrom(inputType.toClass()) ? inputType.getGeneric(0)
				: inputType;
		Object example = valueOf(type, 0);
		if (example == null) {
			return EMPTY_OBJECT;
		}
		try {
			return mapper.writeValueAsString(example);
		}
		catch (JacksonException ex) {
			return EMPTY_OBJECT;
		}
	}

	private static @Nullable Object valueOf(ResolvableType type, int depth) {
		Class<?> raw = type.toClass();
		Object simple = SIMPLE_VALUES.get(raw);
		if (simple != null || depth > MAX_DEPTH) {
			return simple;
		}
		if (Collection.class.isAssignableFrom(raw)) {
			Object element = valueOf(type.asCollection().getGeneric(0), depth + 1);
			return (element != null) ? List.of(element) : List.of();
		}
		if (raw.isRecord()) {
			return recordOf(raw, depth);
		}
		return null;
	}

	private static @Nullable Object recordOf(Class<?> type, int depth) {
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
			values[i] = valueOf(ResolvableType.forType(components[i].getGenericType()), depth + 1);
			if (values[i] == null && types[i].isPrimitive()) {
				return null;
			}
		}
		try {
			Constructor<?> constructor = type.getDeclaredConstructor(types);
			constructor.setAccessible(true);
			return constructor.newInstance(values);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// a compact constructor that rejects the example values: no example
			return null;
		}
	}

}
