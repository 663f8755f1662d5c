package org.koban.server;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Koban: a PSIRT platform. One deployable modular monolith; each sub-package is a feature module. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KobanApplication {

    public static void main(String[] args) {
        SpringApplication.run(KobanApplication.class, translateArguments(args));
    }

    /** {@code --demo} is the short form of {@code --koban.demo=true}, the README's promise. */
    static String[] translateArguments(String[] args) {
        return Arrays.stream(args)
                .map(arg -> arg.equals("--demo") ? "--koban.demo=true" : arg)
                .toArray(String[]::new);
    }
}
