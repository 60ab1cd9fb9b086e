package dev.lambdaruntime.maven;

import java.net.URI;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvokeCommand}.
 */
class InvokeCommandTests {

	@Test
	void invokesTheFunctionInItsRegion() {
		assertThat(InvokeCommand.of("greeter", null, Region.EU_WEST_1, null))
			.isEqualTo("aws lambda invoke --function-name greeter --region eu-west-1"
					+ " --cli-binary-format raw-in-base64-out --payload '{}' out.json");
	}

	@Test
	void invokesTheAliasAtTheEndpointThatWasDeployedTo() {
		assertThat(InvokeCommand.of("greeter", "live", Region.US_EAST_1, URI.create("http://127.0.0.1:9001")))
			.isEqualTo("aws lambda invoke --function-name greeter --qualifier live --region us-east-1"
					+ " --endpoint-url http://127.0.0.1:9001 --cli-binary-format raw-in-base64-out --payload '{}'"
					+ " out.json");
	}

}
