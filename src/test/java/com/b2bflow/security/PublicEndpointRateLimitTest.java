package com.b2bflow.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestRegistrations;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public registration and activation POSTs allow 3 requests per hour and address here (30 a minute by default). */
@IntegrationTest
@LowSecurityLimits
class PublicEndpointRateLimitTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void theFourthRegistrationFromOneAddressWithinTheWindowIsA429WithRetryAfterAndAProblemDetail() throws Exception {
        String address = "192.0.2.10";
        for (int i = 0; i < 3; i++) {
            mvc.perform(from(address, registration())).andExpect(status().isCreated());
        }
        mvc.perform(from(address, registration()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-9][0-9]*")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.title").value("Too many requests"));
        mvc.perform(from("192.0.2.11", registration())).andExpect(status().isCreated());
        mvc.perform(get("/store/register/organization").with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }))
                .andExpect(status().isOk());
    }

    @Test
    void theLimitCoversTheHclUrlsTheStorefrontFormsActivationAndPasswordReset() throws Exception {
        String address = "192.0.2.20";
        mvc.perform(from(
                        address,
                        post("/api/activation/renewal")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"email\":\"nobody@example.com\"}")))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(from(
                        address,
                        post("/webapp/wcs/stores/servlet/BuyerRegistrationAdd")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED)))
                .andExpect(status().isBadRequest());
        mvc.perform(from(address, post("/store/register/organization"))).andExpect(status().isForbidden());
        for (var request : java.util.List.of(
                post("/api/activation").contentType(MediaType.APPLICATION_JSON).content("{}"),
                post("/webapp/wcs/stores/servlet/ResellerRegistrationAdd"),
                post("/store/register/organization"),
                post("/store/activate"),
                post("/api/password-reset")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"logonId\":\"x\"}"),
                post("/store/password-reset"))) {
            mvc.perform(from(address, request)).andExpect(status().isTooManyRequests());
        }
    }

    private MockHttpServletRequestBuilder registration() throws Exception {
        return post("/api/registrations/organization")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(TestRegistrations.body(TestRegistrations.organization())));
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }
}
