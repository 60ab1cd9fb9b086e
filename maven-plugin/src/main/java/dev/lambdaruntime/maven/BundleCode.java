package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import org.apache.maven.plugin.MojoExecutionException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where Lambda takes the bundle from: the zip itself in the request, up to Lambda's 50 MB limit for
 * a direct upload, else an S3 object the bundle is first uploaded to. The limit is checked here,
 * before anything is sent, rather than learnt from a {@code RequestEntityTooLargeException} after
 * sending 50 MB.
 */
final class BundleCode {

	/** Lambda's limit for a zip sent in the request. */
	static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

	private final Path zip;

	private final long size;

	private final @Nullable String bucket;

	private final String key;

	private BundleCode(Path zip, long size, @Nullable String bucket, String key) {
		this.zip = zip;
		this.size = size;
		this.bucket = bucket;
		this.key = key;
	}

	/**
	 * Decides how to send a bundle.
	 * @param zip the bundle
	 * @param bucket the S3 bucket to upload it to, or null to send it in the request
	 * @param key the object's key in the bucket
	 * @return the bundle's code
	 * @throws MojoExecutionException if the bundle is missing, or too large to send without a bucket
	 */
	static BundleCode of(Path zip, @Nullable String bucket, String key) throws MojoExecutionException {
		if (!Files.isRegularFile(zip)) {
			throw new MojoExecutionException("No Lambda bundle at " + zip
					+ ": run package first (the bundle goal makes it), e.g. mvn package lambda-runtime:deploy");
		}
		long size;
		try {
			size = Files.size(zip);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot read the Lambda bundle " + zip, ex);
		}
		if (bucket == null && size > DIRECT_UPLOAD_LIMIT) {
			throw new MojoExecutionException(zip + " is " + size + " bytes, over Lambda's limit of " + DIRECT_UPLOAD_LIMIT
					+ " (50 MB) for a zip sent directly (RequestEntityTooLargeException):"
					+ " name an S3 bucket in the function's region to upload it to, -Dlambda.deploy.s3-bucket=...");
		}
		return new BundleCode(zip, size, bucket, key);
	}

	/**
	 * Uploads the bundle to its bucket, when it has one.
	 * @param s3 makes the S3 client, called only when there is a bucket
	 * @return a description of where the code went, for the build's log
	 */
	String upload(Supplier<S3Client> s3) {
		if (this.bucket == null) {
			return String.format(Locale.ROOT, "%.1f MB in the request", this.size / (1024.0 * 1024));
		}
		s3.get().putObject((request) -> request.bucket(this.bucket).key(this.key), RequestBody.fromFile(this.zip));
		return "s3://" + this.bucket + "/" + this.key;
	}

	/**
	 * The code of a function to create.
	 * @return the code, the zip's bytes or its S3 object
	 */
	FunctionCode functionCode() {
		return (this.bucket != null) ? FunctionCode.builder().s3Bucket(this.bucket).s3Key(this.key).build()
				: FunctionCode.builder().zipFile(bytes()).build();
	}

	/**
	 * Sets the code on a request that updates a function's code.
	 * @param request the request's builder
	 * @return the builder
	 */
	UpdateFunctionCodeRequest.Builder applyTo(UpdateFunctionCodeRequest.Builder request) {
		return (this.bucket != null) ? request.s3Bucket(this.bucket).s3Key(this.key) : request.zipFile(bytes());
	}

	private SdkBytes bytes() {
		try {
			return SdkBytes.fromByteArrayUnsafe(Files.readAllBytes(this.zip));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Lambda bundle " + this.zip, ex);
		}
	}

}
