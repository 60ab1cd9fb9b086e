package dev.lambdaruntime.emulator.service;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Makes the zips of the functions these tests deploy: a {@code bootstrap} shell script that plays
 * a runtime with curl, answering every event with what the function sees (its code's
 * {@code version.txt}, some of its variables and its folder), with the unix modes Lambda reads.
 */
public final class FunctionZips {

	static final String BOOTSTRAP = """
			#!/bin/sh
			api="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation"
			while true; do
			  id=$(curl -sS -D - -o /dev/null "$api/next" | tr -d '\\r' | grep -i '^lambda-runtime-aws-request-id:' | cut -d' ' -f2)
			  printf '{"code":"%s","greeting":"%s","memory":"%s","handler":"%s","taskRoot":"%s","cwd":"%s"}' \\
			    "$(cat version.txt)" "$GREETING" "$AWS_LAMBDA_FUNCTION_MEMORY_SIZE" "$_HANDLER" "$LAMBDA_TASK_ROOT" "$(pwd)" \\
			    | curl -sS -o /dev/null -d @- "$api/$id/response"
			done
			""";

	private FunctionZips() {
	}

	/**
	 * Returns the zip of a function whose code is marked with a version.
	 * @param directory a folder to make it in
	 * @param codeVersion what its {@code version.txt} says
	 * @return the zip's bytes
	 */
	public static byte[] echoing(Path directory, String codeVersion) throws IOException {
		return zip(directory, Map.of("bootstrap", BOOTSTRAP, "version.txt", codeVersion, "lib/data.txt", "data"),
				"bootstrap");
	}

	/**
	 * Returns a zip of text files.
	 * @param directory a folder to make it in
	 * @param files the files' names and contents
	 * @param executable the name of the one file with the unix mode {@code rwxr-xr-x}
	 * @return the zip's bytes
	 */
	public static byte[] zip(Path directory, Map<String, String> files, String executable) throws IOException {
		Path zip = Files.createTempFile(directory, "function-", ".zip");
		Files.delete(zip);
		try (FileSystem fileSystem = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
				Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
			for (Map.Entry<String, String> file : files.entrySet()) {
				Path path = fileSystem.getPath(file.getKey());
				if (path.getParent() != null) {
					Files.createDirectories(path.getParent());
				}
				Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
				Files.setPosixFilePermissions(path,
						PosixFilePermissions.fromString(file.getKey().equals(executable) ? "rwxr-xr-x" : "rw-r--r--"));
			}
		}
		return Files.readAllBytes(zip);
	}

}
