package dev.lambdaruntime.emulator.service;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Makes the AWS SDK's Lambda client as a deploy tool points it at the local Lambda service: an
 * endpoint override, dummy credentials (the service checks no signature), {@code us-east-1}.
 */
public final class LambdaClients {

	private LambdaClients() {
	}

	/**
	 * Returns a client of a local Lambda service.
	 * @param endpoint the service's endpoint, {@code http://127.0.0.1:PORT}
	 * @return the client, to close
	 */
	public static LambdaClient of(String endpoint) {
		return LambdaClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

}
