package dev.lambdaruntime.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;

import com.amazonaws.services.lambda.runtime.Context;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.mockito.Mockito.mock;

/**
 * The sample AWS events under {@code src/test/resources/events}, and the conversion a function's
 * input and result go through, with the {@link JsonMapper} Spring Boot builds.
 */
public final class AwsEventFixtures {

	private static final JsonMapper bootMapper = buildBootMapper();

	private AwsEventFixtures() {
	}

	/** The bytes of a sample event, such as {@code sqs.json}. */
	public static byte[] event(String name) {
		try (InputStream in = AwsEventFixtures.class.getResourceAsStream("/events/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No sample event " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A sample event as a function whose input is {@code type} receives it. */
	static <T> T read(String name, Class<T> type) {
		return read(bootMapper, event(name), type);
	}

	/** An event as a function whose input is {@code type} receives it, in an application with that mapper. */
	@SuppressWarnings("unchecked")
	static <T> T read(JsonMapper applicationMapper, byte[] event, Class<T> type) {
		return (T) new PayloadConverter(new JsonMappers(applicationMapper), type).readEvent(event, mock(Context.class));
	}

	/** The JSON a function's result is answered with. */
	static byte[] write(Object result) {
		return new PayloadConverter(new JsonMappers(bootMapper), Object.class).writeResult(result);
	}

	/** Spring Boot's own {@link JsonMapper}, as the application context has it. */
	static JsonMapper bootMapper() {
		return bootMapper;
	}

	private static JsonMapper buildBootMapper() {
		AtomicReference<JsonMapper> built = new AtomicReference<>();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> built.set(context.getBean(JsonMapper.class)));
		return built.get();
	}

}
