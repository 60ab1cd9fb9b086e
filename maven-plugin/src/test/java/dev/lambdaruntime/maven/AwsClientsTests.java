package dev.lambdaruntime.maven;

import java.net.URI;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AwsClients}.
 */
class AwsClientsTests {

	private static final AwsCredentialsProvider NONE = () -> {
		throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
	};

	@Test
	void noCredentialsIsAClearErrorBeforeAnythingIsSent() {
		assertThatExceptionOfType(MojoExecutionException.class)
			.isThrownBy(() -> AwsClients.connect(NONE, "eu-west-1", null))
			.withMessageStartingWith("No AWS credentials")
			.withMessageContaining("AWS_ACCESS_KEY_ID")
			.withMessageNotContaining("emulator");
	}

	@Test
	void noCredentialsForAnEndpointOfOnesOwnSaysThatAnyKeysDo() {
		assertThatExceptionOfType(MojoExecutionException.class)
			.isThrownBy(() -> AwsClients.connect(NONE, "eu-west-1", URI.create("http://127.0.0.1:9001")))
			.withMessageContaining("the emulator at http://127.0.0.1:9001 takes any keys")
			.withMessageContaining("AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test");
	}

	@Test
	void theRegionGivenIsTheFunctionsRegion() throws Exception {
		try (AwsClients aws = AwsClients.connect(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
				"eu-west-1", null)) {
			assertThat(aws.region()).isEqualTo(Region.EU_WEST_1);
		}
	}

}
