package dev.lambdaruntime.maven;

import java.net.URI;

import org.apache.maven.plugin.MojoExecutionException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS clients of one deploy, sharing one HTTP client (the JDK's {@code HttpURLConnection}, so
 * the plugin brings no HTTP library of its own): Lambda's, and S3's when the bundle goes through a
 * bucket. Credentials and region come from the SDK's default chains, never from the POM; both are
 * looked up before anything is sent, so that their absence is a clear error rather than the SDK's
 * list of the places it looked.
 */
final class AwsClients implements AutoCloseable {

	private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();

	private final AwsCredentialsProvider credentials;

	private final Region region;

	private final @Nullable URI endpoint;

	private final LambdaClient lambda;

	private @Nullable S3Client s3;

	private AwsClients(AwsCredentialsProvider credentials, Region region, @Nullable URI endpoint) {
		this.credentials = credentials;
		this.region = region;
		this.endpoint = endpoint;
		this.lambda = LambdaClient.builder()
			.httpClient(this.http)
			.credentialsProvider(credentials)
			.region(region)
			.applyMutation((builder) -> {
				if (endpoint != null) {
					builder.endpointOverride(endpoint);
				}
			})
			.build();
	}

	/**
	 * Makes the clients.
	 * @param credentials the credentials' provider, the SDK's default chain, closed with the clients
	 * @param region the region, or null for the SDK's default chain
	 * @param endpoint the endpoint to send Lambda's and S3's requests to instead of AWS's, such as
	 * the emulator's, or null
	 * @return the clients
	 * @throws MojoExecutionException if no credentials or no region are found
	 */
	static AwsClients connect(AwsCredentialsProvider credentials, @Nullable String region, @Nullable URI endpoint)
			throws MojoExecutionException {
		try {
			credentials.resolveCredentials();
		}
		catch (SdkClientException ex) {
			throw new MojoExecutionException("No AWS credentials: the AWS SDK's default chain found none (environment"
					+ " variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile in ~/.aws chosen with"
					+ " AWS_PROFILE, SSO, the container's or the instance's role)"
					+ ((endpoint != null) ? "; the emulator at " + endpoint
							+ " takes any keys, e.g. AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test" : ""),
					ex);
		}
		return new AwsClients(credentials, region(region), endpoint);
	}

	private static Region region(@Nullable String region) throws MojoExecutionException {
		if (region != null) {
			return Region.of(region);
		}
		try {
			return new DefaultAwsRegionProviderChain().getRegion();
		}
		catch (SdkClientException ex) {
			throw new MojoExecutionException("No AWS region: set -Dlambda.deploy.region=..., the environment variable"
					+ " AWS_REGION, or a region in the profile in ~/.aws/config", ex);
		}
	}

	/**
	 * The region the function is deployed in.
	 * @return the region
	 */
	Region region() {
		return this.region;
	}

	/**
	 * Lambda's client.
	 * @return the client
	 */
	LambdaClient lambda() {
		return this.lambda;
	}

	/**
	 * S3's client, made on first use.
	 * @return the client
	 */
	S3Client s3() {
		if (this.s3 == null) {
			URI endpoint = this.endpoint;
			this.s3 = S3Client.builder()
				.httpClient(this.http)
				.credentialsProvider(this.credentials)
				.region(this.region)
				.applyMutation((builder) -> {
					if (endpoint != null) {
						// an endpoint of one's own serves buckets under its path, not as host names
						builder.endpointOverride(endpoint).forcePathStyle(true);
					}
				})
				.build();
		}
		return this.s3;
	}

	@Override
	public void close() {
		if (this.s3 != null) {
			this.s3.close();
		}
		this.lambda.close();
		this.http.close();
		if (this.credentials instanceof SdkAutoCloseable closeable) {
			closeable.close();
		}
	}

}
