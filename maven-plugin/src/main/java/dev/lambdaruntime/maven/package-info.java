/**
 * The {@code lambda-runtime-maven-plugin}: its {@code bundle} goal packages a Spring Boot
 * application that uses the starter as an AWS Lambda {@code provided.al2023} bundle, {@code run}
 * runs it under the emulator, and {@code deploy} creates or updates the function from the bundle.
 */
@NullMarked
package dev.lambdaruntime.maven;

import org.jspecify.annotations.NullMarked;
