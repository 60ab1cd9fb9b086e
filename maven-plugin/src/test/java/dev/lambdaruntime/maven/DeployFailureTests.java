package dev.lambdaruntime.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.LambdaException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeployFailure}.
 */
class DeployFailureTests {

	@Test
	void anUpdateInProgressNamesItsCodeAndSaysToDeployAgain() {
		MojoExecutionException error = DeployFailure.explain("greeter",
				refusal(409, "ResourceConflictException", "The operation cannot be performed at this time."));
		assertThat(error).hasMessage("Cannot deploy Lambda function greeter: ResourceConflictException (HTTP 409):"
				+ " The operation cannot be performed at this time.; another change to the function is in progress;"
				+ " deploy again once it is done");
	}

	@Test
	void accessDeniedNamesItsCodeAndThePermissionsTheDeployNeeds() {
		MojoExecutionException error = DeployFailure.explain("greeter",
				refusal(403, "AccessDeniedException", "User is not authorized to perform: lambda:GetFunction"));
		assertThat(error.getMessage())
			.startsWith("Cannot deploy Lambda function greeter: AccessDeniedException (HTTP 403): User is not"
					+ " authorized to perform: lambda:GetFunction; the credentials need lambda:GetFunction")
			.contains("iam:PassRole");
	}

	@Test
	void anUnusualCodeIsNamedWithLambdasMessage() {
		MojoExecutionException error = DeployFailure.explain("greeter",
				refusal(400, "CodeStorageExceededException", "Code storage limit exceeded."));
		assertThat(error).hasMessage("Cannot deploy Lambda function greeter: CodeStorageExceededException (HTTP 400):"
				+ " Code storage limit exceeded.");
	}

	@Test
	void aFailureToReachLambdaSaysWhy() {
		MojoExecutionException error = DeployFailure.explain("greeter",
				SdkClientException.create("Unable to execute HTTP request: Connection refused"));
		assertThat(error).hasMessage(
				"Cannot deploy Lambda function greeter: Unable to execute HTTP request: Connection refused");
	}

	private static LambdaException refusal(int status, String code, String message) {
		return (LambdaException) LambdaException.builder()
			.statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
			.build();
	}

}
