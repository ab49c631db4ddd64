package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestRegistrations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CommonPasswordRefusalTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserRepository users;

    @Test
    @SuppressWarnings("unchecked")
    void aRegistrationWithACommonOrGuessablePasswordIsA400OnTheFieldAndNothingIsStored() throws Exception {
        var request = TestRegistrations.organization();
        Map<String, Object> body = TestRegistrations.body(request);
        Map<String, Object> user = (Map<String, Object>) body.get("user");
        user.put("password", "Qwerty123456");
        user.put("passwordVerify", "Qwerty123456");
        mvc.perform(post("/api/registrations/organization")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'user.password')].message")
                        .value(Matchers.hasItem(Matchers.containsString("too common"))));
        String withName = request.organization().name() + " forever";
        user.put("password", withName);
        user.put("passwordVerify", withName);
        mvc.perform(post("/api/registrations/organization")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'user.password')].message")
                        .value(Matchers.hasItem("The password must not contain your organization's name.")));
        assertThat(users.findByLogonId(request.user().logonId())).isEmpty();
    }
}
