package dev.lantu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Lantu (蓝图): a city's modern industrial system as working software. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LantuApplication {

	public static void main(String[] args) {
		SpringApplication.run(LantuApplication.class, args);
	}

}
