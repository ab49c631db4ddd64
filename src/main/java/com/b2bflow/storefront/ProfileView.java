package com.b2bflow.storefront;

/** The profile on My Account: who the user is and how they want to be addressed and served. */
public record ProfileView(
        String logonId,
        String email,
        String firstName,
        String middleName,
        String lastName,
        String phone,
        String preferredLanguage,
        String preferredCurrency,
        boolean receiveEmail) {

    /** The view as a form's starting values. */
    ProfileChanges asChanges() {
        return new ProfileChanges(
                firstName, middleName, lastName, phone, preferredLanguage, preferredCurrency, receiveEmail);
    }
}
