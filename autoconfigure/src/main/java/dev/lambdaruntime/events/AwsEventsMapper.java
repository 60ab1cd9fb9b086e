package dev.lambdaruntime.events;

import java.lang.reflect.Type;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.datatype.joda.JodaModule;

import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.util.ClassUtils;

/**
 * A copy of the application's {@link JsonMapper} that reads and writes the classes of
 * {@code aws-lambda-java-events} as AWS's own runtime does: JSON names from the events'
 * {@link AwsEventMixins mixins} and {@link S3EventCreators constructors} (never the application's
 * naming strategy), any case accepted, unknown fields ignored (events grow new ones), null fields
 * left out, Joda times as ISO-8601. The application's own mapper is never changed.
 *
 * @since 0.1.0
 */
public final class AwsEventsMapper {

	private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";

	private AwsEventsMapper() {
	}

	/**
	 * Whether a type belongs to {@code aws-lambda-java-events}; cheap for a class, as per result.
	 * @param type a function's input or output type, or a result's class
	 * @return whether the type needs the mapper {@link #derive} makes
	 */
	public static boolean isAwsEvent(Type type) {
		Class<?> rawType = (type instanceof Class<?> plain) ? plain : FunctionTypeUtils.getRawType(type);
		return rawType.getName().startsWith(EVENTS_PACKAGE);
	}

	/**
	 * The mapper for AWS event classes, derived from the application's.
	 * @param mapper the application's mapper, left as it is
	 * @return a new mapper for AWS event classes
	 */
	public static JsonMapper derive(JsonMapper mapper) {
		JsonMapper.Builder builder = mapper.rebuild();
		AnnotationIntrospector annotations = AnnotationIntrospector.pair(new S3EventCreators(),
				builder.annotationIntrospector());
		builder.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.propertyNamingStrategy(null)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.mixInOverrides(new AwsEventMixins())
			.annotationIntrospector(annotations);
		// looked up here, not when the class initializes: a function without AWS event types never
		// loads Joda-Time's DateTime, which the bundle's AOT cache does not hold
		if (isPresent("org.joda.time.DateTime") && isPresent("tools.jackson.datatype.joda.JodaModule")) {
			builder.addModule(new JodaModule());
		}
		return builder.build();
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, AwsEventsMapper.class.getClassLoader());
	}

}
