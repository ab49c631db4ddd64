package com.b2bflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class B2bRegistrationApplication {

    public static void main(String[] args) {
        SpringApplication.run(B2bRegistrationApplication.class, args);
    }
}
