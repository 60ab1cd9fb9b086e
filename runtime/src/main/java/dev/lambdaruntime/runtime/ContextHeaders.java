package dev.lambdaruntime.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the JSON context headers, client context and Cognito identity, into the types of
 * {@code aws-lambda-java-core}, with the field names the Java managed runtime reads.
 */
final class ContextHeaders {

	private static final Logger logger = LoggerFactory.getLogger(ContextHeaders.class);

	private ContextHeaders() {
	}

	static @Nullable ClientContext clientContext(@Nullable String json) {
		JsonNode node = parse(json, RuntimeApiProtocol.CLIENT_CONTEXT);
		if (node == null) {
			return null;
		}
		JsonNode client = node.path("client");
		return new JsonClientContext(new JsonClient(text(client, "installation_id"), text(client, "app_title"),
				text(client, "app_version_name"), text(client, "app_version_code"), text(client, "app_package_name")),
				strings(node.path("custom")), strings(node.path("env")));
	}

	static @Nullable CognitoIdentity cognitoIdentity(@Nullable String json) {
		JsonNode node = parse(json, RuntimeApiProtocol.COGNITO_IDENTITY);
		return (node != null)
				? new JsonCognitoIdentity(text(node, "cognitoIdentityId"), text(node, "cognitoIdentityPoolId")) : null;
	}

	private static @Nullable JsonNode parse(@Nullable String json, String header) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			JsonNode node = JsonMapper.shared().readTree(json);
			if (node.isObject()) {
				return node;
			}
		}
		catch (JacksonException ex) {
			// reported below
		}
		logger.warn("Ignoring the {} header: it is not a JSON object", header);
		return null;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	private static Map<String, String> strings(JsonNode node) {
		Map<String, String> map = new LinkedHashMap<>();
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				JsonNode value = entry.getValue();
				map.put(entry.getKey(), value.isValueNode() ? value.asString() : value.toString());
			}
		}
		return map;
	}

	private record JsonClientContext(Client client, Map<String, String> custom,
			Map<String, String> environment) implements ClientContext {

		@Override
		public Client getClient() {
			return this.client;
		}

		@Override
		public Map<String, String> getCustom() {
			return this.custom;
		}

		@Override
		public Map<String, String> getEnvironment() {
			return this.environment;
		}

	}

	private record JsonClient(@Nullable String installationId, @Nullable String appTitle,
			@Nullable String appVersionName, @Nullable String appVersionCode,
			@Nullable String appPackageName) implements Client {

		@Override
		public @Nullable String getInstallationId() {
			return this.installationId;
		}

		@Override
		public @Nullable String getAppTitle() {
			return this.appTitle;
		}

		@Override
		public @Nullable String getAppVersionName() {
			return this.appVersionName;
		}

		@Override
		public @Nullable String getAppVersionCode() {
			return this.appVersionCode;
		}

		@Override
		public @Nullable String getAppPackageName() {
			return this.appPackageName;
		}

	}

	private record JsonCognitoIdentity(@Nullable String identityId,
			@Nullable String identityPoolId) implements CognitoIdentity {

		@Override
		public @Nullable String getIdentityId() {
			return this.identityId;
		}

		@Override
		public @Nullable String getIdentityPoolId() {
			return this.identityPoolId;
		}

	}

}
