package com.b2bflow.bench;

import com.b2bflow.B2bRegistrationApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The application in the benchmark's JVM (driven through its Java API), logging to a file, on a random port. */
final class InProcessApp {

    private InProcessApp() {}

    static ConfigurableApplicationContext start(String name, Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.add("--logging.file.name="
                + BenchmarkRunner.OUT.resolve(name + ".log").toAbsolutePath());
        args.add("--logging.threshold.console=OFF");
        SpringApplication application = new SpringApplication(B2bRegistrationApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        return application.run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
