/**
 * The {@code lambda-runtime-maven-plugin}: its {@code bundle} goal packages a Spring Boot
 * application that uses the starter as an AWS Lambda {@code provided.al2023} bundle.
 */
@NullMarked
package dev.lambdaruntime.maven;

import org.jspecify.annotations.NullMarked;
