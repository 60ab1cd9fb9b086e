package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * Runs one of the JDK's programs to its end and returns what it printed; a failure becomes a
 * build failure that shows the command and its output.
 */
final class JdkCommand {

	private JdkCommand() {
	}

	/**
	 * Runs the command.
	 * @param command the program and its arguments
	 * @return its standard output and error
	 * @throws MojoExecutionException if it could not start or exited with a non-zero status
	 */
	static String run(List<String> command) throws MojoExecutionException {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int status = process.waitFor();
			if (status != 0) {
				throw new MojoExecutionException(
						String.join(" ", command) + " failed with exit status " + status + ":\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot run " + command.get(0), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MojoExecutionException("Interrupted while running " + command.get(0), ex);
		}
	}

}
