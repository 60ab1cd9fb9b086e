package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.maven.plugin.MojoExecutionException;
import software.amazon.awssdk.services.lambda.model.Architecture;

/**
 * The Lambda architecture a bundle runs on: the instruction set of its Java runtime's launcher,
 * {@code runtime/bin/java}, read from its ELF header. The runtime is native code built for the
 * build machine, so the function must run on that instruction set. (The {@code OS_ARCH} line of
 * the runtime's {@code release} file would say the same, but jlink writes it only when the JDK's
 * modules record their platform, which some distributions' do not.)
 */
final class BundleArchitecture {

	private static final String LAUNCHER = "runtime/bin/java";

	private static final int EM_X86_64 = 62;

	private static final int EM_AARCH64 = 183;

	private BundleArchitecture() {
	}

	/**
	 * Reads the architecture of a bundle.
	 * @param zip the bundle, {@code function.zip}
	 * @return {@code x86_64} or {@code arm64}
	 * @throws MojoExecutionException if the bundle has no Java runtime of the bundle goal or one
	 * for an instruction set that Lambda does not run
	 */
	static Architecture of(Path zip) throws MojoExecutionException {
		byte[] header = elfHeader(zip);
		int machine = (header[18] & 0xff) | ((header[19] & 0xff) << 8);
		return switch (machine) {
			case EM_X86_64 -> Architecture.X86_64;
			case EM_AARCH64 -> Architecture.ARM64;
			default -> throw new MojoExecutionException("The bundle's Java runtime (" + LAUNCHER + " in " + zip
					+ ") is for ELF machine " + machine + "; Lambda runs x86_64 and arm64: build the bundle on one of them");
		};
	}

	private static byte[] elfHeader(Path zip) throws MojoExecutionException {
		try (ZipFile bundle = new ZipFile(zip.toFile())) {
			ZipEntry launcher = bundle.getEntry(LAUNCHER);
			if (launcher == null) {
				throw new MojoExecutionException(
						zip + " has no " + LAUNCHER + ": it is not a bundle of the bundle goal; run package first");
			}
			byte[] header;
			try (InputStream in = bundle.getInputStream(launcher)) {
				header = in.readNBytes(20);
			}
			// a little-endian ELF file: \u007fELF, then 1 (32-bit) or 2 (64-bit), then 1 (little-endian)
			if (header.length < 20 || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F'
					|| header[5] != 1) {
				throw new MojoExecutionException("The bundle's " + LAUNCHER + " in " + zip
						+ " is not a Linux executable: build the bundle on Linux, on the function's architecture");
			}
			return header;
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot read the Java runtime's " + LAUNCHER + " in " + zip, ex);
		}
	}

}
