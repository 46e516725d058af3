package dev.dbplane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DbplaneApplication {

	public static void main(String[] args) {
		AheadOfTime.enableInBuiltJar(DbplaneApplication.class);
		SpringApplication.run(DbplaneApplication.class, args);
	}

}
