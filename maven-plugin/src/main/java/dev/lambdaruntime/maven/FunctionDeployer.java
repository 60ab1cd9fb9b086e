package dev.lambdaruntime.maven;

import java.util.function.Consumer;

import org.apache.maven.plugin.MojoExecutionException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * Creates the function when it is absent, otherwise updates its code and then its configuration,
 * as AWS's own tools do, waiting with the SDK's waiters after each step until the function is
 * {@code Active} and its last update {@code Successful}, since Lambda refuses a change while
 * another is in progress. Then, when asked, publishes a version and points an alias at it.
 */
final class FunctionDeployer {

	private final LambdaClient lambda;

	private final Consumer<String> log;

	/**
	 * Makes a deployer.
	 * @param lambda Lambda's client
	 * @param log where to tell each step
	 */
	FunctionDeployer(LambdaClient lambda, Consumer<String> log) {
		this.lambda = lambda;
		this.log = log;
	}

	/**
	 * Deploys the function.
	 * @param settings the function's settings
	 * @param code the bundle, already in its bucket if it has one
	 * @param publish whether to publish a version
	 * @param alias the alias to point at the published version (which it implies), or null
	 * @return the function's ARN, and the version and the alias's ARN when published
	 * @throws MojoExecutionException if the function is absent and no role is set, or ends up
	 * {@code Failed}
	 * @throws software.amazon.awssdk.core.exception.SdkException if a request fails
	 */
	DeployedFunction deploy(FunctionSettings settings, BundleCode code, boolean publish, @Nullable String alias)
			throws MojoExecutionException {
		String name = settings.name();
		String arn;
		try (LambdaWaiter waiter = this.lambda.waiter()) {
			if (exists(name)) {
				this.log.accept("Updating the code of Lambda function " + name);
				this.lambda.updateFunctionCode(code
					.applyTo(UpdateFunctionCodeRequest.builder().functionName(name).architectures(settings.architecture()))
					.build());
				waitUntil(() -> waiter.waitUntilFunctionUpdatedV2((request) -> request.functionName(name)), name);
				this.log.accept("Updating the configuration of Lambda function " + name);
				arn = this.lambda.updateFunctionConfiguration(settings.updateConfigurationRequest()).functionArn();
				waitUntil(() -> waiter.waitUntilFunctionUpdatedV2((request) -> request.functionName(name)), name);
				if (!settings.tags().isEmpty()) {
					this.lambda.tagResource((request) -> request.resource(arn).tags(settings.tags()));
				}
			}
			else {
				if (settings.role() == null) {
					throw new MojoExecutionException("Lambda function " + name + " does not exist, and creating it"
							+ " needs its execution role: -Dlambda.deploy.role=arn:aws:iam::ACCOUNT:role/NAME");
				}
				this.log.accept("Creating Lambda function " + name);
				arn = this.lambda.createFunction(settings.createRequest(code.functionCode())).functionArn();
				waitUntil(() -> waiter.waitUntilFunctionActiveV2((request) -> request.functionName(name)), name);
			}
		}
		if (!publish && alias == null) {
			return new DeployedFunction(arn, null, null);
		}
		String version = this.lambda.publishVersion((request) -> request.functionName(name)).version();
		this.log.accept("Published version " + version + " of Lambda function " + name);
		return new DeployedFunction(arn, version, (alias != null) ? pointAlias(name, alias, version) : null);
	}

	private boolean exists(String name) {
		try {
			this.lambda.getFunction((request) -> request.functionName(name));
			return true;
		}
		catch (ResourceNotFoundException ex) {
			return false;
		}
	}

	private String pointAlias(String name, String alias, String version) {
		try {
			this.lambda.getAlias((request) -> request.functionName(name).name(alias));
		}
		catch (ResourceNotFoundException ex) {
			return this.lambda
				.createAlias((request) -> request.functionName(name).name(alias).functionVersion(version))
				.aliasArn();
		}
		return this.lambda.updateAlias((request) -> request.functionName(name).name(alias).functionVersion(version))
			.aliasArn();
	}

	/**
	 * Runs a waiter; when it ends because the function failed, says why Lambda says it failed.
	 */
	private void waitUntil(Runnable wait, String name) throws MojoExecutionException {
		try {
			wait.run();
		}
		catch (SdkClientException ex) {
			FunctionConfiguration function = this.lambda.getFunction((request) -> request.functionName(name))
				.configuration();
			if (function.state() == State.FAILED) {
				throw new MojoExecutionException("Lambda function " + name + " failed to become active ("
						+ function.stateReasonCodeAsString() + "): " + function.stateReason(), ex);
			}
			if (function.lastUpdateStatus() == LastUpdateStatus.FAILED) {
				throw new MojoExecutionException("The update of Lambda function " + name + " failed ("
						+ function.lastUpdateStatusReasonCodeAsString() + "): " + function.lastUpdateStatusReason(),
						ex);
			}
			throw ex;
		}
	}

}
