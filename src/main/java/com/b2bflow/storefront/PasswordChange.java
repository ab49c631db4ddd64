package com.b2bflow.storefront;

/**
 * {@code POST /api/me/password} and the change-password form: the current password and the new one (twice on the
 * form; the API may leave out {@code newPasswordVerify}).
 */
public record PasswordChange(String currentPassword, String newPassword, String newPasswordVerify) {

    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
