package dev.lambdaruntime.emulator.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.lambdaruntime.emulator.invocation.HistoryEntry;
import org.jspecify.annotations.Nullable;

/**
 * A function of the local Lambda service: its {@code $LATEST} version, which updates replace, its
 * published versions, its tags, and the history of its invocations across its runtimes. A code
 * folder is deleted once no version uses it any more.
 */
final class DeployedFunction {

	/** How many versions a function may publish. */
	static final int MAX_PUBLISHED_VERSIONS = 50;

	/** How many invocations of runtimes stopped by updates the history keeps. */
	private static final int HISTORY_KEPT = 100;

	private final String name;

	private final String arn;

	private final Map<String, String> tags;

	private final Map<String, FunctionVersion> published = new LinkedHashMap<>();

	private final List<HistoryEntry.Summary> earlierHistory = new ArrayList<>();

	private FunctionVersion latest;

	private int lastPublished;

	private boolean deleted;

	DeployedFunction(String arn, FunctionVersion latest, Map<String, String> tags) {
		this.name = arn.substring(arn.lastIndexOf(':') + 1);
		this.arn = arn;
		this.latest = latest;
		this.tags = Map.copyOf(tags);
	}

	String name() {
		return this.name;
	}

	String arn() {
		return this.arn;
	}

	Map<String, String> tags() {
		return this.tags;
	}

	/**
	 * Returns a version.
	 * @param qualifier a version number, {@code $LATEST}, or {@code null} for {@code $LATEST}
	 * @return the version
	 * @throws LambdaApiException if the function has no such version (aliases are not kept)
	 */
	synchronized FunctionVersion version(@Nullable String qualifier) {
		if (this.deleted) {
			throw LambdaApiException.notFound("Function not found: " + this.arn);
		}
		if (qualifier == null || qualifier.equals(FunctionVersion.LATEST)) {
			return this.latest;
		}
		FunctionVersion version = this.published.get(qualifier);
		if (version == null) {
			throw LambdaApiException.notFound("Function not found: " + this.arn + ":" + qualifier);
		}
		return version;
	}

	/**
	 * Returns {@code $LATEST} and the published versions.
	 * @return the versions, {@code $LATEST} first
	 */
	synchronized List<FunctionVersion> versions() {
		List<FunctionVersion> versions = new ArrayList<>();
		versions.add(this.latest);
		versions.addAll(this.published.values());
		return versions;
	}

	/**
	 * Replaces {@code $LATEST} with a new one that the next invocation starts afresh.
	 * @param update makes the new version out of the current one
	 * @return the new {@code $LATEST}
	 */
	FunctionVersion update(Function<FunctionVersion, FunctionVersion> update) {
		FunctionVersion replaced;
		FunctionVersion updated;
		synchronized (this) {
			replaced = version(null);
			updated = update.apply(replaced);
			this.latest = updated;
		}
		retire(replaced);
		return updated;
	}

	/**
	 * Publishes {@code $LATEST} as the next version number, unless the last published version
	 * has its code and settings already, as Lambda does.
	 * @return the published version
	 * @throws LambdaApiException if the function has published too many versions
	 */
	synchronized FunctionVersion publish() {
		FunctionVersion latest = version(null);
		FunctionVersion last = this.published.get(Integer.toString(this.lastPublished));
		if (last != null && last.code() == latest.code() && last.settings().equals(latest.settings())) {
			return last;
		}
		if (this.published.size() >= MAX_PUBLISHED_VERSIONS) {
			throw LambdaApiException.codeStorageExceeded("The function " + this.name + " has "
					+ MAX_PUBLISHED_VERSIONS + " published versions, as many as the local Lambda service keeps");
		}
		FunctionVersion version = latest.published(++this.lastPublished);
		this.published.put(version.version(), version);
		return version;
	}

	/**
	 * Deletes a published version, or the whole function: stops their runtimes and deletes the
	 * code no version uses any more.
	 * @param qualifier the version number, or {@code null} for the function
	 * @return whether the whole function was deleted
	 * @throws LambdaApiException if there is no such version, or the qualifier is {@code $LATEST}
	 */
	boolean delete(@Nullable String qualifier) {
		List<FunctionVersion> removed;
		synchronized (this) {
			if (FunctionVersion.LATEST.equals(qualifier)) {
				throw LambdaApiException.invalidParameter("$LATEST version cannot be deleted without deleting the "
						+ "function.");
			}
			FunctionVersion version = version(qualifier);
			if (qualifier != null) {
				this.published.remove(qualifier);
				removed = List.of(version);
			}
			else {
				removed = versions();
				this.published.clear();
				this.deleted = true;
			}
		}
		removed.forEach(this::retire);
		return qualifier == null;
	}

	private void retire(FunctionVersion version) {
		List<HistoryEntry.Summary> history = version.retire();
		synchronized (this) {
			List<HistoryEntry.Summary> kept = newestFirst(
					Stream.concat(this.earlierHistory.stream(), history.stream()).toList());
			this.earlierHistory.clear();
			this.earlierHistory.addAll(kept);
			if (this.deleted || versions().stream().noneMatch((other) -> other.code() == version.code())) {
				version.code().delete();
			}
		}
	}

	/**
	 * Returns the function's recent invocations, of every version and every runtime it had.
	 * @return the last 100, newest first
	 */
	List<HistoryEntry.Summary> history() {
		List<HistoryEntry.Summary> history = new ArrayList<>();
		versions().forEach((version) -> history.addAll(version.history()));
		synchronized (this) {
			history.addAll(this.earlierHistory);
		}
		return newestFirst(history);
	}

	/**
	 * Sorts invocations newest first and keeps the last 100.
	 * @param history invocations
	 * @return the last 100, newest first
	 */
	static List<HistoryEntry.Summary> newestFirst(List<HistoryEntry.Summary> history) {
		return history.stream()
			.sorted(Comparator.comparing(HistoryEntry.Summary::startTime).reversed())
			.limit(HISTORY_KEPT)
			.toList();
	}

}
