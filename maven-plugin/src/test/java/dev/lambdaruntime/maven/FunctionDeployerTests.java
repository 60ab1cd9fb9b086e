package dev.lambdaruntime.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lambdaruntime.maven.FakeAwsEndpoint.Answer;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.lambda.model.Architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FunctionDeployer}: the real AWS SDK against a fake Lambda endpoint.
 */
class FunctionDeployerTests {

	private static final String FUNCTION = "/2015-03-31/functions/greeter";

	private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:greeter";

	private static final String ROLE = "arn:aws:iam::123456789012:role/greeter";

	@TempDir
	Path temp;

	private final List<String> log = new ArrayList<>();

	private FakeAwsEndpoint endpoint;

	private AwsClients aws;

	@BeforeEach
	void connect() throws Exception {
		this.endpoint = new FakeAwsEndpoint();
		this.aws = AwsClients.connect(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
				"us-east-1", this.endpoint.uri());
	}

	@AfterEach
	void close() {
		this.aws.close();
		this.endpoint.close();
	}

	@Test
	void createsTheFunctionWhenLambdaSaysItIsAbsentAndWaitsUntilItIsActive() throws Exception {
		this.endpoint.answer("GET " + FUNCTION, Answer.error(404, "ResourceNotFoundException"),
				function("Pending", "InProgress"), function("Active", "Successful"));
		this.endpoint.answer("POST /2015-03-31/functions", configuration("Pending", "InProgress"));
		DeployedFunction deployed = deploy(settings(ROLE), false, null);
		assertThat(deployed).isEqualTo(new DeployedFunction(ARN, null, null));
		assertThat(this.endpoint.routes()).containsExactly("GET " + FUNCTION, "POST /2015-03-31/functions",
				"GET " + FUNCTION, "GET " + FUNCTION);
		assertThat(this.endpoint.request("POST /2015-03-31/functions").body()).contains("\"FunctionName\":\"greeter\"",
				"\"Role\":\"" + ROLE + "\"", "\"Runtime\":\"provided.al2023\"", "\"Handler\":\"bootstrap\"",
				"\"Architectures\":[\"x86_64\"]", "\"MemorySize\":512", "\"Timeout\":30",
				"\"Environment\":{\"Variables\":{\"GREETING\":\"Hello\"}}", "\"ZipFile\":\"");
		assertThat(this.log).containsExactly("Creating Lambda function greeter");
	}

	@Test
	void updatesTheCodeThenTheConfigurationOfAFunctionThatExistsWaitingAfterEach() throws Exception {
		this.endpoint.answer("GET " + FUNCTION, function("Active", "Successful"));
		this.endpoint.answer("PUT " + FUNCTION + "/code", configuration("Active", "InProgress"));
		this.endpoint.answer("PUT " + FUNCTION + "/configuration", configuration("Active", "InProgress"));
		DeployedFunction deployed = deploy(settings(null), false, null);
		assertThat(deployed.arn()).isEqualTo(ARN);
		assertThat(this.endpoint.routes()).containsExactly("GET " + FUNCTION, "PUT " + FUNCTION + "/code",
				"GET " + FUNCTION, "PUT " + FUNCTION + "/configuration", "GET " + FUNCTION);
		assertThat(this.endpoint.request("PUT " + FUNCTION + "/code").body()).contains("\"ZipFile\":\"",
				"\"Architectures\":[\"x86_64\"]");
		assertThat(this.endpoint.request("PUT " + FUNCTION + "/configuration").body())
			.contains("\"Runtime\":\"provided.al2023\"", "\"Handler\":\"bootstrap\"", "\"MemorySize\":512")
			.doesNotContain("\"Role\"");
		assertThat(this.log).containsExactly("Updating the code of Lambda function greeter",
				"Updating the configuration of Lambda function greeter");
	}

	@Test
	void tagsAnUpdatedFunctionByItsArn() throws Exception {
		this.endpoint.answer("GET " + FUNCTION, function("Active", "Successful"));
		this.endpoint.answer("PUT " + FUNCTION + "/code", configuration("Active", "Successful"));
		this.endpoint.answer("PUT " + FUNCTION + "/configuration", configuration("Active", "Successful"));
		this.endpoint.answer("POST /2017-03-31/tags/" + ARN, new Answer(204, "", null));
		FunctionSettings settings = new FunctionSettings("greeter", null, 512, 30, Architecture.X86_64, Map.of(), null,
				Map.of("team", "lambda"));
		deploy(settings, false, null);
		assertThat(this.endpoint.request("POST /2017-03-31/tags/" + ARN).body())
			.isEqualTo("{\"Tags\":{\"team\":\"lambda\"}}");
	}

	@Test
	void refusesToCreateAFunctionWithoutARoleBeforeSendingIt() {
		this.endpoint.answer("GET " + FUNCTION, Answer.error(404, "ResourceNotFoundException"));
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(() -> deploy(settings(null), false, null))
			.withMessageContaining("does not exist")
			.withMessageContaining("-Dlambda.deploy.role=");
		assertThat(this.endpoint.routes()).containsExactly("GET " + FUNCTION);
	}

	@Test
	void saysWhyLambdaSaysTheFunctionFailed() {
		this.endpoint.answer("GET " + FUNCTION, Answer.error(404, "ResourceNotFoundException"),
				function("Failed", "Failed"));
		this.endpoint.answer("POST /2015-03-31/functions", configuration("Pending", "InProgress"));
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(() -> deploy(settings(ROLE), false, null))
			.withMessage("Lambda function greeter failed to become active (InvalidRuntime): the reason in the test");
	}

	@Test
	void publishesAVersionAndCreatesTheAliasWhenItIsAbsent() throws Exception {
		answerUpdates();
		this.endpoint.answer("POST " + FUNCTION + "/versions", Answer.ok("{\"Version\":\"7\"}"));
		this.endpoint.answer("GET " + FUNCTION + "/aliases/live", Answer.error(404, "ResourceNotFoundException"));
		this.endpoint.answer("POST " + FUNCTION + "/aliases", Answer.ok("{\"AliasArn\":\"" + ARN + ":live\"}"));
		DeployedFunction deployed = deploy(settings(null), false, "live");
		assertThat(deployed).isEqualTo(new DeployedFunction(ARN, "7", ARN + ":live"));
		assertThat(this.endpoint.request("POST " + FUNCTION + "/aliases").body()).contains("\"Name\":\"live\"",
				"\"FunctionVersion\":\"7\"");
	}

	@Test
	void movesAnAliasThatExistsToTheNewVersion() throws Exception {
		answerUpdates();
		this.endpoint.answer("POST " + FUNCTION + "/versions", Answer.ok("{\"Version\":\"8\"}"));
		this.endpoint.answer("GET " + FUNCTION + "/aliases/live", Answer.ok("{\"FunctionVersion\":\"7\"}"));
		this.endpoint.answer("PUT " + FUNCTION + "/aliases/live", Answer.ok("{\"AliasArn\":\"" + ARN + ":live\"}"));
		DeployedFunction deployed = deploy(settings(null), true, "live");
		assertThat(deployed).isEqualTo(new DeployedFunction(ARN, "8", ARN + ":live"));
		assertThat(this.endpoint.request("PUT " + FUNCTION + "/aliases/live").body())
			.contains("\"FunctionVersion\":\"8\"");
	}

	@Test
	void anUpdateInProgressElsewhereIsLambdasRefusalWithItsCode() {
		this.endpoint.answer("GET " + FUNCTION, function("Active", "Successful"));
		this.endpoint.answer("PUT " + FUNCTION + "/code", Answer.error(409, "ResourceConflictException"));
		assertThatExceptionOfType(AwsServiceException.class).isThrownBy(() -> deploy(settings(null), false, null))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ResourceConflictException"));
	}

	private void answerUpdates() {
		this.endpoint.answer("GET " + FUNCTION, function("Active", "Successful"));
		this.endpoint.answer("PUT " + FUNCTION + "/code", configuration("Active", "Successful"));
		this.endpoint.answer("PUT " + FUNCTION + "/configuration", configuration("Active", "Successful"));
	}

	private DeployedFunction deploy(FunctionSettings settings, boolean publish, String alias) throws Exception {
		BundleCode code = BundleCode.of(TestBundles.zip(this.temp, TestBundles.X86_64), null, "greeter/function.zip");
		return new FunctionDeployer(this.aws.lambda(), this.log::add).deploy(settings, code, publish, alias);
	}

	private static FunctionSettings settings(String role) {
		return new FunctionSettings("greeter", role, 512, 30, Architecture.X86_64, Map.of("GREETING", "Hello"), null,
				Map.of());
	}

	private static Answer function(String state, String lastUpdateStatus) {
		return Answer.ok("{\"Configuration\":" + configuration(state, lastUpdateStatus).body() + "}");
	}

	private static Answer configuration(String state, String lastUpdateStatus) {
		return Answer.ok("{\"FunctionName\":\"greeter\",\"FunctionArn\":\"" + ARN + "\",\"State\":\"" + state
				+ "\",\"StateReasonCode\":\"InvalidRuntime\",\"StateReason\":\"the reason in the test\""
				+ ",\"LastUpdateStatus\":\"" + lastUpdateStatus + "\"}");
	}

}
