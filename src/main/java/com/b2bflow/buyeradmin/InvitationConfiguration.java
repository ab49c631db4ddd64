package com.b2bflow.buyeradmin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(InvitationProperties.class)
class InvitationConfiguration {}
