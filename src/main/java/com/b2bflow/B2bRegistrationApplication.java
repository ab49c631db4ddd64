package com.b2bflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class B2bRegistrationApplication {

    public static void main(String[] args) {
        SpringApplication.run(B2bRegistrationApplication.class, args);
    }
}
