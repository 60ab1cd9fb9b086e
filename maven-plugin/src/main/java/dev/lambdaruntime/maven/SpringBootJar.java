package dev.lambdaruntime.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * Finds the project's Spring Boot executable jar, the one {@code spring-boot-maven-plugin}'s
 * {@code repackage} goal made: the project's jar, or a jar attached beside it with a classifier.
 */
final class SpringBootJar {

	private static final String SPRING_BOOT_VERSION = "Spring-Boot-Version";

	private SpringBootJar() {
	}

	/**
	 * Finds the repackaged jar.
	 * @param project the project being built
	 * @return the jar
	 * @throws MojoExecutionException if the project has none, saying how to get one
	 */
	static Path of(MavenProject project) throws MojoExecutionException {
		List<Artifact> candidates = new ArrayList<>();
		candidates.add(project.getArtifact());
		candidates.addAll(project.getAttachedArtifacts());
		for (Artifact candidate : candidates) {
			File file = candidate.getFile();
			if (file != null && file.isFile() && file.getName().endsWith(".jar") && isRepackaged(file)) {
				return file.toPath();
			}
		}
		throw new MojoExecutionException("No Spring Boot executable jar in " + project.getId()
				+ ": declare spring-boot-maven-plugin with its repackage goal before lambda-runtime-maven-plugin "
				+ "(spring-boot-starter-parent does so), so that it runs first in the package phase");
	}

	private static boolean isRepackaged(File file) throws MojoExecutionException {
		try (JarFile jar = new JarFile(file)) {
			Manifest manifest = jar.getManifest();
			return manifest != null && manifest.getMainAttributes().getValue(SPRING_BOOT_VERSION) != null;
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot read " + file, ex);
		}
	}

}
