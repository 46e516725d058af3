package dev.dbplane;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
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
