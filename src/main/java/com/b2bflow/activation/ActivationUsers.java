package com.b2bflow.activation;

import com.b2bflow.member.User;
import java.util.List;
import org.springframework.data.repository.Repository;

/** The user look-ups activation needs beyond {@code UserRepository}. */
interface ActivationUsers extends Repository<User, Long> {

    List<User> findByEmailIgnoreCase(String email);
}
