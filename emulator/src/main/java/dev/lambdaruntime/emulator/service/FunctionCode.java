package dev.lambdaruntime.emulator.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A function's code, unzipped into a folder of its own that nothing changes until it is deleted,
 * so that a published version can share it with {@code $LATEST}.
 *
 * @param directory the folder, the runtime's {@code LAMBDA_TASK_ROOT}
 * @param sha256 the base64 SHA-256 of the zip, as Lambda's {@code CodeSha256}
 * @param size the zip's size in bytes, as Lambda's {@code CodeSize}
 */
record FunctionCode(Path directory, String sha256, long size) {

	/**
	 * Unzips a function's zip into a new folder.
	 * @param zip the zip's bytes
	 * @param parent where the new folder goes
	 * @return the code
	 * @throws LambdaApiException if the zip is not one, or is too large or names a file outside
	 * its folder
	 */
	static FunctionCode unzip(byte[] zip, Path parent) {
		Path directory;
		try {
			directory = Files.createTempDirectory(Files.createDirectories(parent), "code-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make a folder for a function's code in " + parent, ex);
		}
		try {
			ZipUnpacker.unpack(zip, directory);
		}
		catch (RuntimeException ex) {
			delete(directory);
			throw ex;
		}
		return new FunctionCode(directory, sha256(zip), zip.length);
	}

	/**
	 * Deletes the folder and everything in it.
	 */
	void delete() {
		delete(this.directory);
	}

	/**
	 * Deletes a folder of read-only files and folders: the folders are made writable first.
	 * @param directory the folder
	 */
	static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(directory)) {
			List<Path> paths = tree.sorted(Comparator.reverseOrder()).toList();
			for (Path path : paths) {
				if (Files.isDirectory(path)) {
					Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
				}
			}
			for (Path path : paths) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + directory, ex);
		}
	}

	private static String sha256(byte[] zip) {
		try {
			return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
