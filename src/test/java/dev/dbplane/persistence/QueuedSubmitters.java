package dev.dbplane.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.fail;

/**
 * Counts the threads of this JVM that wait in a {@link Batcher} for a batch to take their
 * item, as a thread dump shows them: parked by {@link Batcher#submit} itself (a leader
 * running a batch is further down the stack, in its run function). The application's
 * requests may run on virtual threads, which only the JDK's thread dump (Java 21 and
 * later) lists; before 21 every thread is a platform thread.
 */
public final class QueuedSubmitters {

	private static final String SUBMIT = Batcher.class.getName() + ".submit";

	private static final String PARK = LockSupport.class.getName() + ".park";

	private static final long DEADLINE_SECONDS = 60;

	private QueuedSubmitters() {
	}

	/**
	 * Waits until at least {@code count} threads wait in a batcher, bounded by a deadline
	 * that only a broken interleaving reaches.
	 */
	public static void await(int count) throws InterruptedException {
		var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
		while (count() < count) {
			if (System.nanoTime() > deadline) {
				fail("Fewer than " + count + " requests ever waited in a batcher for an insert");
			}
			Thread.sleep(20);
		}
	}

	/** How many threads wait in a batcher now. */
	public static int count() {
		return (int) stacks().stream().filter(QueuedSubmitters::waitsInSubmit).count();
	}

	private static boolean waitsInSubmit(List<String> frames) {
		for (int i = 1; i < frames.size(); i++) {
			if (frames.get(i).equals(SUBMIT) && frames.get(i - 1).equals(PARK)) {
				return true;
			}
		}
		return false;
	}

	/** Every thread's frames, innermost first, as {@code class.method}. */
	private static List<List<String>> stacks() {
		var dumpThreads = dumpThreadsMethod();
		if (dumpThreads == null) {
			return Thread.getAllStackTraces()
				.values()
				.stream()
				.map((stack) -> Arrays.stream(stack)
					.map((frame) -> frame.getClassName() + "." + frame.getMethodName())
					.toList())
				.toList();
		}
		try {
			var file = Files.createTempFile("dbplane-threads", ".json");
			try {
				Files.delete(file);
				invokeDump(dumpThreads, file.toString());
				var stacks = new ArrayList<List<String>>();
				collectStacks(JsonMapper.builder().build().readTree(file.toFile()), stacks);
				return stacks;
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every {@code stack} array of the dump, frames reduced to {@code class.method}. */
	private static void collectStacks(JsonNode node, List<List<String>> stacks) {
		if (node.isObject() && node.has("stack") && node.get("stack").isArray()) {
			var frames = new ArrayList<String>();
			node.get("stack").forEach((frame) -> frames.add(classAndMethod(frame.asString())));
			stacks.add(frames);
		}
		node.forEach((child) -> collectStacks(child, stacks));
	}

	/**
	 * {@code java.base/java.lang.Thread.run(Thread.java:1583)} to
	 * {@code java.lang.Thread.run}.
	 */
	private static String classAndMethod(String frame) {
		var paren = frame.indexOf('(');
		var text = (paren >= 0) ? frame.substring(0, paren) : frame;
		return text.substring(text.indexOf('/') + 1);
	}

	/**
	 * {@code HotSpotDiagnosticMXBean.dumpThreads}, which lists virtual threads too; null
	 * before Java 21, which has none.
	 */
	private static Method dumpThreadsMethod() {
		try {
			var format = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
			return Class.forName("com.sun.management.HotSpotDiagnosticMXBean")
				.getMethod("dumpThreads", String.class, format);
		}
		catch (ClassNotFoundException | NoSuchMethodException ex) {
			return null;
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void invokeDump(Method dumpThreads, String file) {
		try {
			var bean = ManagementFactory
				.getPlatformMXBean((Class<? extends PlatformManagedObject>) dumpThreads.getDeclaringClass());
			var json = Enum.valueOf((Class<Enum>) dumpThreads.getParameterTypes()[1], "JSON");
			dumpThreads.invoke(bean, file, json);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not dump the JVM's threads", ex);
		}
	}

}
