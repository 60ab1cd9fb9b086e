package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small {@code function.zip} files for the deploy goal's tests, with the ELF header of a Java
 * runtime's launcher for a given machine.
 */
final class TestBundles {

	private TestBundles() {
	}

	static final int X86_64 = 62;

	static final int AARCH64 = 183;

	static Path zip(Path folder, int elfMachine) throws IOException {
		Path zip = folder.resolve("function.zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			archive.putNextEntry(new ZipEntry("bootstrap"));
			archive.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
			archive.putNextEntry(new ZipEntry("runtime/bin/java"));
			byte[] header = new byte[64];
			header[0] = 0x7f;
			header[1] = 'E';
			header[2] = 'L';
			header[3] = 'F';
			header[4] = 2;
			header[5] = 1;
			header[18] = (byte) elfMachine;
			header[19] = (byte) (elfMachine >> 8);
			archive.write(header);
		}
		return zip;
	}

}
