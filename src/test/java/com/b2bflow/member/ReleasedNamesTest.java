package com.b2bflow.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** A rejection releases the unique keys of its members; a correction takes them back. */
class ReleasedNamesTest {

    @Test
    void aReleasedKeyNeverEqualsANormalizedName() {
        assertThat(Names.released(42L))
                .isNotEqualTo(Names.normalize(Names.released(42L)))
                .isNotEqualTo(Names.released(43L));
    }

    @Test
    void aRejectedUserReleasesItsLogonIdAndTheCorrectionTakesItBack() throws Exception {
        User user = new User(" Ada.Buyer ", null, ProfileType.B);
        set(user, "id", 7L);
        user.reject();
        assertThat(get(user, "logonIdNormalized")).isEqualTo("RELEASED#7");
        assertThat(user.getLogonId()).isEqualTo("Ada.Buyer");
        assertThat(user.isEnabled()).isFalse();

        user.reclaimLogonId();
        assertThat(get(user, "logonIdNormalized")).isEqualTo("ada.buyer");
    }

    @Test
    void aRejectedOrganizationReleasesItsNameAndARenameTakesItBack() throws Exception {
        Organization organization = new Organization("Acme Supplies", null, OrganizationType.O, ApprovalState.PENDING);
        set(organization, "id", 9L);
        organization.releaseName();
        assertThat(get(organization, "nameNormalized")).isEqualTo("RELEASED#9");
        assertThat(organization.getName()).isEqualTo("Acme Supplies");

        organization.rename("Acme Supplies");
        assertThat(get(organization, "nameNormalized")).isEqualTo("acme supplies");
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private static Object get(Object target, String field) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        return f.get(target);
    }
}
