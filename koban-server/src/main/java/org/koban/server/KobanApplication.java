package org.koban.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Koban: a PSIRT platform. One deployable modular monolith; each sub-package is a feature module. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KobanApplication {

    public static void main(String[] args) {
        SpringApplication.run(KobanApplication.class, args);
    }
}
