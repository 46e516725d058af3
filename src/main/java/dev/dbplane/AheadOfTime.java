package dev.dbplane;

import java.security.CodeSource;

import org.springframework.util.ClassUtils;

/**
 * Runs the built jar on the bean definitions its build generated ahead of time
 * ({@code process-aot}), so that {@code java -jar target/dbplane.jar} parses no
 * configuration class at start-up. Only the jar: {@code ./mvnw spring-boot:run} and the
 * tests run from compiled classes, which may hold generated code older than the sources.
 * {@code -Dspring.aot.enabled=false} (or {@code true}) decides either way.
 */
final class AheadOfTime {

	static final String ENABLED = "spring.aot.enabled";

	private AheadOfTime() {
	}

	/** Turns ahead-of-time bean definitions on when {@link #wanted} says so. */
	static void enableInBuiltJar(Class<?> application) {
		var source = application.getProtectionDomain().getCodeSource();
		if (wanted(System.getProperty(ENABLED), location(source), ClassUtils
			.isPresent(application.getName() + "__ApplicationContextInitializer", application.getClassLoader()))) {
			System.setProperty(ENABLED, "true");
		}
	}

	/**
	 * Whether to use the generated bean definitions: nobody chose, the application runs
	 * from a jar (Spring Boot's nested jar, or the extracted one), and they were
	 * generated.
	 */
	static boolean wanted(String chosen, String location, boolean generated) {
		return chosen == null && generated && location != null
				&& (location.startsWith("jar:") || location.startsWith("nested:") || location.endsWith(".jar"));
	}

	private static String location(CodeSource source) {
		return (source != null && source.getLocation() != null) ? source.getLocation().toString() : null;
	}

}
