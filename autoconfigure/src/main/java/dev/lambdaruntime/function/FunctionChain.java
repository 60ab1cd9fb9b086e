package dev.lambdaruntime.function;

import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The user's function, or the composition {@code a|b|c} of several, called directly: the
 * selector only finds them, so that nothing between the event and the function reshapes the
 * input (Spring Cloud Function's invoker, for one, splits a string that looks like a JSON array).
 * Between two composed functions a value is converted only when its type does not fit.
 */
final class FunctionChain {

	private final String definition;

	private final List<Stage> stages;

	private FunctionChain(String definition, List<Stage> stages) {
		this.definition = definition;
		this.stages = stages;
	}

	/** The chain of the functions a definition names, in order. */
	static FunctionChain of(String definition, List<FunctionTarget> functions, JsonMappers mappers) {
		return new FunctionChain(definition, functions.stream().map((function) -> Stage.of(function, mappers)).toList());
	}

	/** The definition served, such as {@code uppercase} or {@code trim|uppercase}. */
	String definition() {
		return this.definition;
	}

	/** The input type of the first function, or {@code null} when it is a supplier. */
	@Nullable Type inputType() {
		return this.stages.get(0).inputType();
	}

	/** The output type of the last function, or {@code null} when it is a consumer. */
	@Nullable Type outputType() {
		return this.stages.get(this.stages.size() - 1).outputType();
	}

	@Nullable Object invoke(@Nullable Object input) {
		Object value = input;
		for (int i = 0; i < this.stages.size(); i++) {
			Stage stage = this.stages.get(i);
			if (i > 0) {
				value = stage.adapt(value);
			}
			value = stage.call(value);
		}
		return value;
	}

	private record Stage(Object target, @Nullable Type inputType, @Nullable Type outputType,
			@Nullable InputConversion input) {

		static Stage of(FunctionTarget function, JsonMappers mappers) {
			Type inputType = function.inputType();
			return new Stage(function.target(), inputType, function.outputType(),
					(inputType != null) ? InputConversion.of(inputType, mappers) : null);
		}

		@SuppressWarnings("unchecked")
		@Nullable Object call(@Nullable Object input) {
			if (this.target instanceof Function<?, ?> function) {
				return ((Function<Object, Object>) function).apply(input);
			}
			if (this.target instanceof Consumer<?> consumer) {
				((Consumer<Object>) consumer).accept(input);
				return null;
			}
			return ((Supplier<?>) this.target).get();
		}

		/** The previous function's result, made fit for this function's input. */
		@Nullable Object adapt(@Nullable Object value) {
			return (value != null && this.input != null) ? this.input.adapt(value) : value;
		}

	}

	/**
	 * How a value becomes a function's input: its payload converted to the input's (or the
	 * input message's payload) type with the mapper for that type, wrapped in a message when the
	 * function takes one.
	 */
	private record InputConversion(boolean message, Class<?> rawPayloadType, JavaType payloadType, JsonMapper mapper) {

		static InputConversion of(Type inputType, JsonMappers mappers) {
			boolean message = FunctionTypeUtils.isMessage(inputType);
			Type payloadType = message ? FunctionTypeUtils.getGenericType(inputType) : inputType;
			JsonMapper mapper = mappers.forType(payloadType);
			return new InputConversion(message, FunctionTypeUtils.getRawType(payloadType),
					mapper.constructType(payloadType), mapper);
		}

		Object adapt(Object value) {
			Object payload = (value instanceof Message<?> message) ? message.getPayload() : value;
			Object converted = this.rawPayloadType.isInstance(payload) ? payload
					: this.mapper.convertValue(payload, this.payloadType);
			if (!this.message) {
				return converted;
			}
			if (value instanceof Message<?> message) {
				return (converted == payload) ? message : MessageBuilder.withPayload(converted)
					.copyHeaders(message.getHeaders())
					.build();
			}
			return MessageBuilder.withPayload(converted).build();
		}

	}

}
