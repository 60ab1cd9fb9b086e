package dev.lambdaruntime.events;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * Makes Jackson build the S3 event classes, which have no setters, through their constructors,
 * as if those were annotated {@code @JsonCreator} with a {@code @JsonProperty} JSON name on each
 * parameter ({@code aws-lambda-java-events} is compiled without parameter names).
 */
final class S3EventCreators extends NopAnnotationIntrospector {

	private static final String S3 = "com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification";

	/** Class name to the JSON names of the parameters of its only constructor with that many. */
	private static final Map<String, List<String>> PARAMETERS = Map.of(
			"com.amazonaws.services.lambda.runtime.events.S3Event", List.of("Records"),
			S3, List.of("Records"),
			S3 + "$S3EventNotificationRecord", List.of("awsRegion", "eventName", "eventSource", "eventTime",
					"eventVersion", "requestParameters", "responseElements", "s3", "userIdentity"),
			S3 + "$S3Entity", List.of("configurationId", "bucket", "object", "s3SchemaVersion"),
			S3 + "$S3BucketEntity", List.of("name", "ownerIdentity", "arn"),
			S3 + "$S3ObjectEntity", List.of("key", "size", "eTag", "versionId", "sequencer"),
			S3 + "$UserIdentityEntity", List.of("principalId"),
			S3 + "$RequestParametersEntity", List.of("sourceIPAddress"),
			S3 + "$ResponseElementsEntity", List.of("x-amz-id-2", "x-amz-request-id"));

	@Override
	public JsonCreator.@Nullable Mode findCreatorAnnotation(MapperConfig<?> config, Annotated annotated) {
		return (annotated instanceof AnnotatedConstructor constructor && parameterNames(constructor) != null)
				? JsonCreator.Mode.PROPERTIES : null;
	}

	@Override
	public @Nullable PropertyName findNameForDeserialization(MapperConfig<?> config, Annotated annotated) {
		if (annotated instanceof AnnotatedParameter parameter
				&& parameter.getOwner() instanceof AnnotatedConstructor constructor) {
			List<String> names = parameterNames(constructor);
			return (names != null) ? PropertyName.construct(names.get(parameter.getIndex())) : null;
		}
		return null;
	}

	private static @Nullable List<String> parameterNames(AnnotatedConstructor constructor) {
		List<String> names = PARAMETERS.get(constructor.getDeclaringClass().getName());
		return (names != null && names.size() == constructor.getParameterCount()) ? names : null;
	}

}
