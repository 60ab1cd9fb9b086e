package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

	private static final int EM_PPC64 = 21;

	@TempDir
	Path temp;

	@Test
	void aRuntimeForX86_64RunsOnX86_64() throws Exception {
		assertThat(BundleArchitecture.of(TestBundles.zip(this.temp, TestBundles.X86_64)))
			.isEqualTo(Architecture.X86_64);
	}

	@Test
	void aRuntimeForAarch64RunsOnArm64() throws Exception {
		assertThat(BundleArchitecture.of(TestBundles.zip(this.temp, TestBundles.AARCH64)))
			.isEqualTo(Architecture.ARM64);
	}

	@Test
	void theLauncherOfTheJdkRunningTheTestsIsForThisMachine() throws Exception {
		Path zip = zipWithLauncher(Files.readAllBytes(Path.of(System.getProperty("java.home"), "bin", "java")));
		Architecture expected = switch (System.getProperty("os.arch")) {
			case "amd64", "x86_64" -> Architecture.X86_64;
			case "aarch64" -> Architecture.ARM64;
			default -> throw new IllegalStateException("Tests run on x86_64 or arm64, not " + System.getProperty("os.arch"));
		};
		assertThat(BundleArchitecture.of(zip)).isEqualTo(expected);
	}

	@Test
	void aRuntimeForAnotherInstructionSetIsRefusedWithItsMachine() throws Exception {
		Path zip = TestBundles.zip(this.temp, EM_PPC64);
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(() -> BundleArchitecture.of(zip))
			.withMessageContaining("ELF machine 21")
			.withMessageContaining("x86_64 and arm64");
	}

	@Test
	void aLauncherThatIsNoLinuxExecutableIsRefused() throws Exception {
		Path zip = zipWithLauncher("#!/bin/sh\nexec java \"$@\"\n".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(() -> BundleArchitecture.of(zip))
			.withMessageContaining("is not a Linux executable");
	}

	@Test
	void aZipWithoutTheBundlesRuntimeIsNotABundle() throws IOException {
		Path zip = this.temp.resolve("function.zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			archive.putNextEntry(new ZipEntry("bootstrap"));
		}
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(() -> BundleArchitecture.of(zip))
			.withMessageContaining("no runtime/bin/java")
			.withMessageContaining("run package first");
	}

	private Path zipWithLauncher(byte[] launcher) throws IOException {
		Path zip = this.temp.resolve("function.zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			archive.putNextEntry(new ZipEntry("runtime/bin/java"));
			archive.write(launcher);
		}
		return zip;
	}

}
