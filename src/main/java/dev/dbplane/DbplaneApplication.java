package dev.dbplane;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * dbplane. {@code @EnableResilientMethods} lets a setting write that lost an
 * optimistic-lock race run again on the row as it now is (see {@code BranchService}).
 */
@SpringBootApplication
@EnableResilientMethods
public class DbplaneApplication {

	public static void main(String[] args) {
		SpringApplication.run(DbplaneApplication.class, args);
	}

	/**
	 * The one clock both families and their credentials tell time by; replaceable in
	 * tests.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
