package dev.lambdaruntime.maven;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Deploys the bundle that the {@code bundle} goal made, {@code target/function.zip}, as an AWS
 * Lambda function with runtime {@code provided.al2023} and handler {@code bootstrap}: creates it
 * when absent, otherwise updates its code and configuration; optionally publishes a version and
 * points an alias at it. Credentials and region come from the AWS SDK's default chains
 * (environment, profiles), never from the POM. With {@code endpoint} it deploys into another
 * Lambda service, such as the emulator's, for a local check.
 *
 * @since 0.1.0
 */
@Mojo(name = "deploy", threadSafe = true)
public class DeployMojo extends AbstractMojo {

	/**
	 * The function's name.
	 */
	@Parameter(property = "lambda.deploy.function-name", defaultValue = "${project.artifactId}")
	private String functionName;

	/**
	 * The ARN of the function's execution role; needed to create the function, not to update it.
	 */
	@Parameter(property = "lambda.deploy.role")
	private @Nullable String role;

	/**
	 * The function's memory in MB, which also sets its share of CPU.
	 */
	@Parameter(property = "lambda.deploy.memory", defaultValue = "512")
	private int memory = 512;

	/**
	 * The function's timeout in seconds.
	 */
	@Parameter(property = "lambda.deploy.timeout", defaultValue = "30")
	private int timeout = 30;

	/**
	 * The function's environment variables, all of them: a variable set before and absent here is
	 * removed.
	 */
	@Parameter
	private Map<String, String> environment = Map.of();

	/**
	 * The function to serve when the application has several: a bean name, or a composition such
	 * as {@code trim|uppercase}. Set as the environment variable
	 * {@code SPRING_CLOUD_FUNCTION_DEFINITION}.
	 */
	@Parameter(property = "lambda.function")
	private @Nullable String function;

	/**
	 * The function's description.
	 */
	@Parameter(property = "lambda.deploy.description")
	private @Nullable String description;

	/**
	 * Tags to put on the function; tags set before and absent here stay.
	 */
	@Parameter
	private Map<String, String> tags = Map.of();

	/**
	 * An S3 bucket, in the function's region, to upload the bundle to; needed when it is over
	 * Lambda's 50 MB limit for a zip sent directly.
	 */
	@Parameter(property = "lambda.deploy.s3-bucket")
	private @Nullable String s3Bucket;

	/**
	 * The bundle's key in the bucket. Without it, {@code FUNCTION-NAME/function.zip}.
	 */
	@Parameter(property = "lambda.deploy.s3-key")
	private @Nullable String s3Key;

	/**
	 * The address of the Lambda service (and of S3) to deploy to instead of AWS's, such as the
	 * emulator's {@code http://127.0.0.1:9001}.
	 */
	@Parameter(property = "lambda.deploy.endpoint")
	private @Nullable String endpoint;

	/**
	 * The region to deploy to. Without it, the AWS SDK's default chain: {@code AWS_REGION}, then
	 * the profile's region.
	 */
	@Parameter(property = "lambda.deploy.region")
	private @Nullable String region;

	/**
	 * Whether to publish a version of the function once it is deployed.
	 */
	@Parameter(property = "lambda.deploy.publish", defaultValue = "false")
	private boolean publish;

	/**
	 * An alias to point at the version this deploy publishes (which it implies), created when
	 * absent.
	 */
	@Parameter(property = "lambda.deploy.alias")
	private @Nullable String alias;

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private MavenProject project;

	@Override
	public void execute() throws MojoExecutionException {
		Path zip = Path.of(this.project.getBuild().getDirectory(), "function.zip");
		BundleCode code = BundleCode.of(zip, this.s3Bucket,
				(this.s3Key != null) ? this.s3Key : this.functionName + "/function.zip");
		FunctionSettings settings = new FunctionSettings(this.functionName, this.role, this.memory, this.timeout,
				BundleArchitecture.of(zip), environment(), this.description, this.tags);
		URI endpointUri = (this.endpoint != null) ? URI.create(this.endpoint) : null;
		try (AwsClients aws = AwsClients.connect(DefaultCredentialsProvider.builder().build(), this.region,
				endpointUri)) {
			getLog().info("Lambda bundle " + zip + " (" + settings.architecture() + "): " + code.upload(aws::s3));
			DeployedFunction deployed = new FunctionDeployer(aws.lambda(), getLog()::info).deploy(settings, code,
					this.publish, this.alias);
			getLog().info("Lambda function: " + deployed.arn());
			if (deployed.version() != null) {
				getLog().info("Version " + deployed.version()
						+ ((deployed.aliasArn() != null) ? ", alias " + deployed.aliasArn() : ""));
			}
			getLog().info("Invoke it: " + InvokeCommand.of(this.functionName, this.alias, aws.region(), endpointUri));
		}
		catch (SdkException ex) {
			throw DeployFailure.explain(this.functionName, ex);
		}
	}

	private Map<String, String> environment() {
		Map<String, String> variables = new LinkedHashMap<>(this.environment);
		if (this.function != null) {
			variables.put("SPRING_CLOUD_FUNCTION_DEFINITION", this.function);
		}
		return variables;
	}

}
