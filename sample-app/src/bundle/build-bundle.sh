#!/bin/sh
# Builds the contents of the provided.al2023 bundle from the Spring Boot jar, into OUT:
#   bootstrap, jvm.options   from this folder
#   app/                     the application in Spring Boot's extracted layout
#   runtime/                 a Java runtime made by jlink with only the modules the application uses
#   app.aot | app.jsa        the JDK's AOT cache (Java 24+) or CDS archive (Java 17/21), from a training
#                            run that starts the application under the emulator's launcher (with
#                            _HANDLER=HANDLER), serves EVENT (the function really runs) and is stopped
# The runtime comes from a JDK of version JAVA (e.g. 25): BUNDLE_JDK if set, else one found in the usual
# install folders, else BUILD_JDK, the JDK running the build. The runtime is native code: a bundle for
# Lambda is built on Linux, on the function's architecture.
# Usage: build-bundle.sh JAR OUT JAVA BUILD_JDK TIMESTAMP LAUNCHER_CLASSPATH EVENT HANDLER   (absolute paths)
set -eu
jar=$1 out=$2 java=$3 build_jdk=$4 timestamp=$5 launcher_classpath=$6 event=$7 handler=$8
here=$(cd "$(dirname "$0")" && pwd)

feature() {
	sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

find_jdk() {
	if [ -n "${BUNDLE_JDK:-}" ]; then
		echo "$BUNDLE_JDK"
		return
	fi
	for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/* \
			/Library/Java/JavaVirtualMachines/*/Contents/Home; do
		if [ -x "$candidate/bin/jlink" ] && [ "$(feature "$candidate")" = "$java" ]; then
			found=$candidate
		fi
	done
	echo "${found:-$build_jdk}"
}

jdk=$(find_jdk)
version=$(feature "$jdk")
echo "Bundle runtime: Java $version from $jdk, for $(uname -s) $(uname -m)"
rm -rf "$out"
mkdir -p "$out"
echo "$jdk" > "$out.jdk"

"$jdk/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$out/app" --application-filename app.jar
# The AOT cache and the CDS archive reject jars whose modification time changed: give them one that
# a zip file, a container image layer and Jib all keep.
find "$out/app" -exec touch -d "$timestamp" {} +

modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$version" \
	--class-path "$out/app/lib/*" "$out/app/app.jar")
# Java 17/21: the application's CDS archive is layered on the runtime's own one. No --compress: the
# zip file compresses the runtime better (33 MB instead of 41 MB), and classes load without inflating.
if [ "$version" -ge 24 ]; then base_archive=; else base_archive=--generate-cds-archive; fi
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files $base_archive \
	--output "$out/runtime"

cp "$here/bootstrap" "$here/jvm.options" "$out/"
chmod 755 "$out/bootstrap"

# Training: the application starts as in Lambda, under the emulator's launcher, serves one invocation
# of EVENT and is stopped with SIGTERM, so the cache also holds what the loop and the first invocation
# load. Writing the cache at exit takes a few seconds, which the stop timeout allows.
if [ "$version" -ge 24 ]; then
	# Without training data the runtime does not recompile at start what training compiled.
	training="-XX:AOTCacheOutput=app.aot -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining"
else
	training=-XX:ArchiveClassesAtExit=app.jsa
fi
log=$out-training.log
training_failed() {
	cat "$log"
	echo "The training run $1 (log: $log)" >&2
	exit 1
}
# The training run starts the bundle's own bootstrap, so that it runs with exactly the bundle's flags.
(cd "$out" && BOOTSTRAP_JAVA_OPTIONS="$training" "$build_jdk/bin/java" -cp "$launcher_classpath" \
	dev.lambdaruntime.emulator.launcher.LambdaEmulatorLauncher --invoke "$event" --handler "$handler" --timeout 60 \
	--stop-timeout 300 -- ./bootstrap > "$log" 2>&1) || training_failed "failed"
[ -s "$out/app.aot" ] || [ -s "$out/app.jsa" ] || training_failed "wrote no cache"
