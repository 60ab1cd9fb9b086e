package dev.lambdaruntime.maven;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.lambdaruntime.maven.FakeAwsEndpoint.Answer;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BundleCode}.
 */
class BundleCodeTests {

	@TempDir
	Path temp;

	@Test
	void aMissingBundleSaysToRunPackageFirst() {
		assertThatExceptionOfType(MojoExecutionException.class)
			.isThrownBy(() -> BundleCode.of(this.temp.resolve("function.zip"), null, "key"))
			.withMessageContaining("run package first");
	}

	@Test
	void aBundleUpToTheLimitIsSentInTheRequest() throws Exception {
		Path zip = TestBundles.zip(this.temp, TestBundles.X86_64);
		BundleCode code = BundleCode.of(zip, null, "greeter/function.zip");
		assertThat(code.functionCode().zipFile().asByteArray()).isEqualTo(Files.readAllBytes(zip));
		assertThat(code.functionCode().s3Bucket()).isNull();
		assertThat(code.applyTo(UpdateFunctionCodeRequest.builder()).build().zipFile().asByteArray())
			.isEqualTo(Files.readAllBytes(zip));
		assertThat(code.upload(() -> {
			throw new AssertionError("no bucket, no S3 client");
		})).isEqualTo("0.0 MB in the request");
	}

	@Test
	void aBundleOverFiftyMegabytesWithoutABucketIsRefusedBeforeAnythingIsSent() throws Exception {
		Path zip = sparseFile(BundleCode.DIRECT_UPLOAD_LIMIT + 1);
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(() -> BundleCode.of(zip, null, "key"))
			.withMessageContaining("52428801 bytes")
			.withMessageContaining("RequestEntityTooLargeException")
			.withMessageContaining("-Dlambda.deploy.s3-bucket=");
	}

	@Test
	void aBundleOverFiftyMegabytesGoesThroughTheBucket() throws Exception {
		Path zip = sparseFile(BundleCode.DIRECT_UPLOAD_LIMIT + 1);
		BundleCode code = BundleCode.of(zip, "bundles", "greeter/function.zip");
		FunctionCode functionCode = code.functionCode();
		assertThat(functionCode.s3Bucket()).isEqualTo("bundles");
		assertThat(functionCode.s3Key()).isEqualTo("greeter/function.zip");
		assertThat(functionCode.zipFile()).isNull();
		UpdateFunctionCodeRequest update = code.applyTo(UpdateFunctionCodeRequest.builder()).build();
		assertThat(update.s3Bucket()).isEqualTo("bundles");
		assertThat(update.s3Key()).isEqualTo("greeter/function.zip");
		assertThat(update.zipFile()).isNull();
	}

	@Test
	void aBundleWithABucketIsUploadedThroughS3() throws Exception {
		Path zip = TestBundles.zip(this.temp, TestBundles.X86_64);
		try (FakeAwsEndpoint s3 = new FakeAwsEndpoint();
				AwsClients aws = AwsClients.connect(
						StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), "us-east-1",
						s3.uri())) {
			s3.answer("PUT /bundles/greeter/function.zip", new Answer(200, "", null));
			String uploaded = BundleCode.of(zip, "bundles", "greeter/function.zip").upload(aws::s3);
			assertThat(uploaded).isEqualTo("s3://bundles/greeter/function.zip");
			assertThat(s3.routes()).containsExactly("PUT /bundles/greeter/function.zip");
			assertThat(s3.requests().get(0).body()).contains("runtime/bin/java", "x-amz-checksum-crc32:");
		}
	}

	private Path sparseFile(long size) throws Exception {
		Path file = this.temp.resolve("large.zip");
		try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
			out.setLength(size);
		}
		return file;
	}

}
