package com.b2bflow.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** The plain-text or HTML part of a (possibly multipart) mail. */
public final class MailText {

    private MailText() {}

    public static String plainText(Part part) throws MessagingException, IOException {
        return firstPart(part, "text/plain");
    }

    public static String html(Part part) throws MessagingException, IOException {
        return firstPart(part, "text/html");
    }

    private static String firstPart(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = firstPart(body, mimeType);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
