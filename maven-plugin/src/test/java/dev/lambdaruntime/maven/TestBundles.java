package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small {@code function.zip} files for the deploy goal's tests, with a Java runtime's
 * {@code release} file as jlink writes it.
 */
final class TestBundles {

	private TestBundles() {
	}

	static Path zip(Path folder, String osArch) throws IOException {
		Path zip = folder.resolve("function.zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			archive.putNextEntry(new ZipEntry("bootstrap"));
			archive.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
			archive.putNextEntry(new ZipEntry("runtime/release"));
			archive.write(("JAVA_VERSION=\"25.0.3\"\nOS_ARCH=\"" + osArch + "\"\nOS_NAME=\"Linux\"\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		return zip;
	}

}
