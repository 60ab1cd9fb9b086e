package dev.lambdaruntime.function;

import java.lang.reflect.Type;

import dev.lambdaruntime.events.AwsEventsMapper;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which mapper converts a type: the application's {@link JsonMapper}, or for the classes of
 * {@code aws-lambda-java-events} the {@link AwsEventsMapper copy made fit for them}, derived once
 * when first needed. One rule for events, results and the values passed between composed
 * functions.
 */
final class JsonMappers {

	private final JsonMapper application;

	private volatile @Nullable JsonMapper awsEvents;

	JsonMappers(JsonMapper application) {
		this.application = application;
	}

	/** The application's own mapper. */
	JsonMapper application() {
		return this.application;
	}

	/** The mapper for a type. */
	JsonMapper forType(Type type) {
		if (!AwsEventsMapper.isAwsEvent(type)) {
			return this.application;
		}
		JsonMapper awsEvents = this.awsEvents;
		if (awsEvents == null) {
			awsEvents = AwsEventsMapper.derive(this.application);
			this.awsEvents = awsEvents;
		}
		return awsEvents;
	}

}
