package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Rewrites the application's jars with their entries stored rather than deflated, same names,
 * order, times and contents. {@code function.zip} then compresses the classes of a whole jar
 * together, which is about a third smaller than the jars' own entry-by-entry compression (for the
 * sample, 15.5 MB of jars become 10.8 MB in the zip), and the JVM reads them without inflating.
 */
final class UncompressedJars {

	private UncompressedJars() {
	}

	/**
	 * Rewrites every jar in a folder and its sub-folders.
	 * @param folder the application's extracted folder
	 * @throws IOException if a jar cannot be read or written
	 */
	static void rewrite(Path folder) throws IOException {
		List<Path> jars;
		try (Stream<Path> files = Files.walk(folder)) {
			jars = files.filter((file) -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
		}
		for (Path jar : jars) {
			rewriteJar(jar);
		}
	}

	private static void rewriteJar(Path jar) throws IOException {
		Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
		try (ZipFile in = ZipFile.builder().setPath(jar).get();
				ZipArchiveOutputStream out = new ZipArchiveOutputStream(stored)) {
			for (ZipArchiveEntry entry : Collections.list(in.getEntriesInPhysicalOrder())) {
				ZipArchiveEntry copy = new ZipArchiveEntry(entry);
				copy.setMethod(ZipEntry.STORED);
				out.putArchiveEntry(copy);
				try (InputStream content = in.getInputStream(entry)) {
					content.transferTo(out);
				}
				out.closeArchiveEntry();
			}
		}
		Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING);
	}

}
