package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/** After a password change the user's other sessions end, where sessions can be found; the caller's stays. */
class UserSessionsTest {

    @Test
    void endsEveryOtherSessionOfThePrincipalAndKeepsTheCallersAndOtherPeoples() {
        PrincipalIndexedSessions repository = new PrincipalIndexedSessions();
        String mine = repository.signIn("bea");
        String laptop = repository.signIn("bea");
        String phone = repository.signIn("bea");
        String someoneElse = repository.signIn("abe");

        int ended = sessions(repository).endOthers("bea", mine);

        assertThat(ended).isEqualTo(2);
        assertThat(repository.sessions.keySet()).containsExactlyInAnyOrder(mine, someoneElse);
        assertThat(repository.sessions.keySet()).doesNotContain(laptop, phone);
    }

    @Test
    void withoutSessionsInTheDatabaseNothingIsEnded() {
        assertThat(sessions(null).endOthers("bea", "any")).isZero();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static UserSessions sessions(PrincipalIndexedSessions repository) {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        if (repository != null) {
            factory.registerSingleton("sessionRepository", repository);
        }
        return new UserSessions((org.springframework.beans.factory.ObjectProvider)
                factory.getBeanProvider(FindByIndexNameSessionRepository.class));
    }

    /** Sessions in memory, found by principal name as Spring Session's JDBC repository finds them. */
    static final class PrincipalIndexedSessions implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, MapSession> sessions = new HashMap<>();

        String signIn(String principal) {
            MapSession session = createSession();
            session.setAttribute(PRINCIPAL_NAME_INDEX_NAME, principal);
            save(session);
            return session.getId();
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return sessions.values().stream()
                    .filter(session -> indexValue.equals(session.getAttribute(indexName)))
                    .collect(Collectors.toMap(MapSession::getId, session -> session));
        }

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            sessions.put(session.getId(), session);
        }

        @Override
        public MapSession findById(String id) {
            return sessions.get(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }
    }
}
