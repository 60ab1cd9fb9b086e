package dev.lambdaruntime.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the invocation context as a function sees it: the injected
 * {@link Context}, the {@code aws-context} header, the MDC and the X-Ray trace header.
 */
class InvocationContextEndToEndTests {

	private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(60)).build();

	private final ApplicationContextRunner contextRunner = LambdaRuntimeContextRunner.against(this.emulator)
		.withUserConfiguration(ContextFunctions.class)
		.withPropertyValues("AWS_LAMBDA_FUNCTION_NAME=my-function", "AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
				"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512", "AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/my-function",
				"AWS_LAMBDA_LOG_STREAM_NAME=2026/11/27/[$LATEST]abc");

	@Test
	void everyContextFieldReachesTheFunction() {
		InvocationRequest request = InvocationRequest.builder("\"x\"")
			.requestId("req-1")
			.traceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
			.invokedFunctionArn("arn:aws:lambda:eu-west-1:123456789012:function:my-function:live")
			.clientContext("{\"client\":{\"installation_id\":\"inst\",\"app_title\":\"title\","
					+ "\"app_version_name\":\"1.0\",\"app_version_code\":\"10\",\"app_package_name\":\"pkg\"},"
					+ "\"custom\":{\"k\":\"v\"},\"env\":{\"platform\":\"android\"}}")
			.cognitoIdentity("{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}")
			.tenantId("tenant-7")
			.build();
		this.contextRunner.withPropertyValues("spring.cloud.function.definition=describe").run((context) -> {
			JsonNode fields = JsonMapper.shared().readTree(invoke(request).payload());
			assertThat(fields.get("requestId").asString()).isEqualTo("req-1");
			assertThat(fields.get("remaining").asInt()).isBetween(1, 60_000);
			assertThat(fields.get("arn").asString()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:my-function:live");
			assertThat(fields.get("functionName").asString()).isEqualTo("my-function");
			assertThat(fields.get("version").asString()).isEqualTo("$LATEST");
			assertThat(fields.get("memory").asInt()).isEqualTo(512);
			assertThat(fields.get("logGroup").asString()).isEqualTo("/aws/lambda/my-function");
			assertThat(fields.get("logStream").asString()).isEqualTo("2026/11/27/[$LATEST]abc");
			assertThat(fields.get("installationId").asString()).isEqualTo("inst");
			assertThat(fields.get("appTitle").asString()).isEqualTo("title");
			assertThat(fields.get("custom").asString()).isEqualTo("{k=v}");
			assertThat(fields.get("env").asString()).isEqualTo("{platform=android}");
			assertThat(fields.get("identityId").asString()).isEqualTo("id-1");
			assertThat(fields.get("identityPoolId").asString()).isEqualTo("pool-1");
			assertThat(fields.get("tenantId").asString()).isEqualTo("tenant-7");
			assertThat(fields.get("xrayTraceId").asString()).startsWith("Root=1-5759e988");
			assertThat(fields.get("mdc").asString()).isEqualTo("req-1");
			assertThat(fields.get("traceProperty").asString())
				.isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
			assertThat(fields.get("logger").asBoolean()).isTrue();
		});
		assertThat(System.getProperty(TRACE_PROPERTY)).isNull();
	}

	@Test
	void traceHeaderIsSetOnlyDuringTheInvocation() {
		this.contextRunner.withPropertyValues("spring.cloud.function.definition=traceHeader").run((context) -> {
			InvocationResult result = invoke(InvocationRequest.builder("\"x\"").traceId("Root=1-abc;Sampled=0").build());
			assertThat(result.payloadAsString()).isEqualTo("\"Root=1-abc;Sampled=0\"");
			assertThat(System.getProperty(TRACE_PROPERTY)).isNull();
		});
	}

	@Test
	void messageHeaderHoldsTheSameContext() {
		this.contextRunner.withPropertyValues("spring.cloud.function.definition=headerContext").run((context) -> {
			InvocationResult result = invoke(InvocationRequest.builder("\"x\"").requestId("req-header").build());
			assertThat(result.payloadAsString()).isEqualTo("\"req-header true\"");
		});
	}

	private InvocationResult invoke(InvocationRequest request) throws Exception {
		InvocationResult result = this.emulator.invoke(request).get(30, TimeUnit.SECONDS);
		assertThat(result.isError()).as("error: %s", result.payloadAsString()).isFalse();
		return result;
	}

	@Configuration(proxyBeanMethods = false)
	static class ContextFunctions {

		@Bean
		Function<String, Map<String, Object>> describe(Context context) {
			return (event) -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("requestId", context.getAwsRequestId());
				fields.put("remaining", context.getRemainingTimeInMillis());
				fields.put("arn", context.getInvokedFunctionArn());
				fields.put("functionName", context.getFunctionName());
				fields.put("version", context.getFunctionVersion());
				fields.put("memory", context.getMemoryLimitInMB());
				fields.put("logGroup", context.getLogGroupName());
				fields.put("logStream", context.getLogStreamName());
				fields.put("installationId", context.getClientContext().getClient().getInstallationId());
				fields.put("appTitle", context.getClientContext().getClient().getAppTitle());
				fields.put("custom", context.getClientContext().getCustom().toString());
				fields.put("env", context.getClientContext().getEnvironment().toString());
				fields.put("identityId", context.getIdentity().getIdentityId());
				fields.put("identityPoolId", context.getIdentity().getIdentityPoolId());
				fields.put("tenantId", context.getTenantId());
				fields.put("xrayTraceId", context.getXrayTraceId());
				fields.put("mdc", MDC.get("AWSRequestId"));
				fields.put("traceProperty", System.getProperty(TRACE_PROPERTY));
				fields.put("logger", context.getLogger() != null);
				return fields;
			};
		}

		@Bean
		Function<String, String> traceHeader() {
			return (event) -> System.getProperty(TRACE_PROPERTY);
		}

		@Bean
		Function<Message<String>, String> headerContext(Context context) {
			return (message) -> {
				Context header = (Context) message.getHeaders().get("aws-context");
				return header.getAwsRequestId() + " " + header.getAwsRequestId().equals(context.getAwsRequestId());
			};
		}

	}

}
