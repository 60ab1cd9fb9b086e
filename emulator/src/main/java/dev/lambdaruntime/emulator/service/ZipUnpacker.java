package dev.lambdaruntime.emulator.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unzips a function's zip as Lambda does: the files read-only, executable where the zip's unix
 * mode says so (for {@code bootstrap}), the zip's file times not kept. Refuses an entry that
 * would land outside the folder (zip slip), and more than Lambda's 250 MB unzipped or too many
 * files.
 */
final class ZipUnpacker {

	/** Lambda's limit of a function's unzipped code: 250 MB. */
	static final long MAX_UNZIPPED_BYTES = 262_144_000L;

	/** How many files and folders a function's zip may hold. */
	static final int MAX_ENTRIES = 20_000;

	private static final String NOT_A_ZIP = "Could not unzip uploaded file. Please check your file, then try to "
			+ "upload again.";

	private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--r--r--");

	private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("r-xr-xr-x");

	private ZipUnpacker() {
	}

	/**
	 * Unzips into an empty folder, then makes it and its folders read-only.
	 * @param zip the zip's bytes
	 * @param directory the folder
	 * @throws LambdaApiException if the zip is refused
	 */
	static void unpack(byte[] zip, Path directory) {
		Path archive = null;
		try {
			archive = Files.createTempFile("lambda-function-", ".zip");
			Files.write(archive, zip);
			unpack(archive, directory);
			makeFoldersReadOnly(directory);
		}
		catch (ZipException ex) {
			throw LambdaApiException.invalidParameter(NOT_A_ZIP);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot unzip a function's code into " + directory, ex);
		}
		finally {
			if (archive != null) {
				archive.toFile().delete();
			}
		}
	}

	private static void unpack(Path archive, Path directory) throws IOException {
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			List<? extends ZipEntry> entries = Collections.list(zip.entries());
			if (entries.size() > MAX_ENTRIES) {
				throw LambdaApiException.invalidParameter(
						"The zip holds " + entries.size() + " files; at most " + MAX_ENTRIES + " are allowed.");
			}
			entries.forEach((entry) -> target(directory, entry.getName()));
			// the JDK's zip file system reads each entry's unix mode, which java.util.zip does not
			try (FileSystem modes = FileSystems.newFileSystem(archive,
					Map.of("enablePosixFileAttributes", "true", "defaultPermissions", "rw-r--r--"))) {
				unpack(zip, entries, modes, directory);
			}
		}
	}

	private static void unpack(ZipFile zip, List<? extends ZipEntry> entries, FileSystem modes, Path directory)
			throws IOException {
		long unzipped = 0;
		for (ZipEntry entry : entries) {
			Path target = target(directory, entry.getName());
			if (entry.isDirectory()) {
				Files.createDirectories(target);
				continue;
			}
			Files.createDirectories(target.getParent());
			try (InputStream in = zip.getInputStream(entry)) {
				unzipped += copy(in, target, MAX_UNZIPPED_BYTES - unzipped);
			}
			boolean executable = Files.getPosixFilePermissions(modes.getPath(entry.getName()))
				.contains(PosixFilePermission.OWNER_EXECUTE);
			Files.setPosixFilePermissions(target, executable ? EXECUTABLE : READ_ONLY);
		}
	}

	/** Where an entry goes, refusing one whose name leads outside the folder. */
	private static Path target(Path directory, String name) {
		Path target = directory.resolve(name).normalize();
		if (!target.startsWith(directory) || target.equals(directory)) {
			throw LambdaApiException.invalidParameter(
					"The zip's entry " + name + " would be unzipped outside the function's folder.");
		}
		return target;
	}

	/** Copies at most {@code allowed} bytes, refusing a file that would go beyond. */
	private static long copy(InputStream in, Path target, long allowed) throws IOException {
		long copied = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				copied += read;
				if (copied > allowed) {
					throw LambdaApiException.invalidParameter(
							"Unzipped size must be smaller than " + MAX_UNZIPPED_BYTES + " bytes");
				}
				out.write(buffer, 0, read);
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw LambdaApiException.invalidParameter("The zip holds " + target.getFileName() + " twice.");
		}
		return copied;
	}

	private static void makeFoldersReadOnly(Path directory) throws IOException {
		try (Stream<Path> tree = Files.walk(directory)) {
			for (Path folder : tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
				Files.setPosixFilePermissions(folder, EXECUTABLE);
			}
		}
	}

}
