package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.Architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BundleArchitecture}.
 */
class BundleArchitectureTests {

	@TempDir
	Path temp;

	@Test
	void aRuntimeForX86_64RunsOnX86_64() throws Exception {
		assertThat(BundleArchitecture.of(TestBundles.zip(this.temp, "x86_64"))).isEqualTo(Architecture.X86_64);
	}

	@Test
	void aRuntimeForAarch64RunsOnArm64() throws Exception {
		assertThat(BundleArchitecture.of(TestBundles.zip(this.temp, "aarch64"))).isEqualTo(Architecture.ARM64);
	}

	@Test
	void aRuntimeForAnotherInstructionSetIsRefusedWithItsName() throws Exception {
		Path zip = TestBundles.zip(this.temp, "ppc64le");
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(() -> BundleArchitecture.of(zip))
			.withMessageContaining("ppc64le")
			.withMessageContaining("x86_64 and arm64");
	}

	@Test
	void aZipWithoutTheBundlesRuntimeIsNotABundle() throws IOException {
		Path zip = this.temp.resolve("function.zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			archive.putNextEntry(new ZipEntry("bootstrap"));
		}
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(() -> BundleArchitecture.of(zip))
			.withMessageContaining("no runtime/release")
			.withMessageContaining("run package first");
	}

}
