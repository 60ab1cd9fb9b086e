package dev.lambdaruntime.autoconfigure;

import java.lang.reflect.Type;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;

/**
 * A copy of the application's {@link JsonMapper} made fit for the classes of
 * {@code aws-lambda-java-events}, whose JSON names often differ from their bean names only in
 * case ({@code Records}, {@code Sns}, {@code eventID}), and whose events grow new fields. The
 * application's own mapper is never changed.
 */
final class AwsEventsMapper {

	private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";

	private AwsEventsMapper() {
	}

	/** Whether a type belongs to {@code aws-lambda-java-events}. */
	static boolean isAwsEvent(Type type) {
		return FunctionTypeUtils.getRawType(type).getName().startsWith(EVENTS_PACKAGE);
	}

	/** The mapper for AWS event classes, derived from the application's. */
	static JsonMapper derive(JsonMapper mapper) {
		return mapper.rebuild()
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

}
