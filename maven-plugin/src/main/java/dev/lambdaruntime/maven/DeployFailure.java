package dev.lambdaruntime.maven;

import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what AWS answered a deploy with into a build error that names the AWS error code and,
 * for the usual ones, says what to do.
 */
final class DeployFailure {

	private static final Map<String, String> ADVICE = Map.ofEntries(
			Map.entry("ResourceConflictException", "another change to the function is in progress; deploy again once it is done"),
			Map.entry("TooManyRequestsException", "deploy again in a moment"),
			Map.entry("AccessDeniedException", "the credentials need lambda:GetFunction, CreateFunction, UpdateFunctionCode,"
					+ " UpdateFunctionConfiguration, TagResource, PublishVersion, GetAlias,"
					+ " CreateAlias, UpdateAlias, and iam:PassRole on the function's role"),
			Map.entry("AccessDenied", "the credentials need s3:PutObject on the bucket"),
			Map.entry("NoSuchBucket", "create the bucket in the function's region, or name another: -Dlambda.deploy.s3-bucket=..."),
			Map.entry("InvalidParameterValueException", "check the role (it must trust lambda.amazonaws.com), the memory"
					+ " (128 to 10240 MB) and the timeout (1 to 900 s)"),
			Map.entry("UnrecognizedClientException", "the access key is not valid in this account and region"),
			Map.entry("InvalidSignatureException", "the secret key does not match the access key"),
			Map.entry("ExpiredTokenException", "the session's credentials expired: sign in again"));

	private DeployFailure() {
	}

	/**
	 * Explains a failure.
	 * @param function the function's name
	 * @param failure what the SDK threw
	 * @return the build error
	 */
	static MojoExecutionException explain(String function, SdkException failure) {
		if (!(failure instanceof AwsServiceException refusal)) {
			return new MojoExecutionException(
					"Cannot deploy Lambda function " + function + ": " + failure.getMessage(), failure);
		}
		String code = refusal.awsErrorDetails().errorCode();
		String advice = ADVICE.get(code);
		return new MojoExecutionException("Cannot deploy Lambda function " + function + ": " + code + " (HTTP "
				+ refusal.statusCode() + "): " + refusal.awsErrorDetails().errorMessage()
				+ ((advice != null) ? "; " + advice : ""), failure);
	}

}
